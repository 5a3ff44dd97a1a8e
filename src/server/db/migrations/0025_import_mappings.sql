CREATE TABLE "import_batch_rows" (
	"batch_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"row" integer NOT NULL,
	"data" jsonb NOT NULL,
	"label" text NOT NULL,
	"source" text[] NOT NULL,
	CONSTRAINT "import_batch_rows_batch_id_n_pk" PRIMARY KEY("batch_id","n")
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_district_kind_uq" ON "import_mappings" USING btree ("district_id","kind");