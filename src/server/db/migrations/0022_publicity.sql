CREATE TABLE "publicity_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"mainstream" boolean NOT NULL,
	"outlet" text,
	"published_on" date NOT NULL,
	"ends_on" date,
	"title" text NOT NULL,
	"link" text,
	"enterprise_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"summary" text,
	"created_by" uuid NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"voided_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publicity_records_ends_ck" CHECK ("publicity_records"."ends_on" is null or "publicity_records"."ends_on" >= "publicity_records"."published_on"),
	CONSTRAINT "publicity_records_exposure_ck" CHECK (("publicity_records"."kind" = 'exposure') = (cardinality("publicity_records"."enterprise_ids") > 0))
);
--> statement-breakpoint
CREATE INDEX "publicity_records_region_idx" ON "publicity_records" USING btree ("district_id","township_id","published_on");