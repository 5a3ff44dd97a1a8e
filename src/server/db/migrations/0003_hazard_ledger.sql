CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"owner_type" text,
	"owner_id" uuid,
	"purpose" text,
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"original_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"meta" jsonb
);
--> statement-breakpoint
CREATE TABLE "hazard_counters" (
	"district_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "hazard_counters_district_id_year_pk" PRIMARY KEY("district_id","year")
);
--> statement-breakpoint
CREATE TABLE "hazard_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"sector_id" uuid,
	"text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"hazard_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"actor_unit_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "hazard_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"hazard_id" uuid NOT NULL,
	"old_due_date" date,
	"new_due_date" date NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "hazard_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"hazard_id" uuid NOT NULL,
	"level" text NOT NULL,
	"leader_name" text NOT NULL,
	"listed_on" date NOT NULL,
	"document_no" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"hazard_id" uuid NOT NULL,
	"owner" text NOT NULL,
	"measures" text NOT NULL,
	"funds_fen" bigint NOT NULL,
	"due_date" date NOT NULL,
	"contingency_plan" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"hazard_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by" text NOT NULL,
	"reported_to" text NOT NULL,
	"method" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"hazard_id" uuid NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"number" text NOT NULL,
	"source" text NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"found_by_user_id" uuid NOT NULL,
	"found_by_unit_id" uuid NOT NULL,
	"description" text NOT NULL,
	"location" text NOT NULL,
	"sector_id" uuid NOT NULL,
	"category" text,
	"level" text NOT NULL,
	"criterion" text,
	"fixed_on_spot" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"responsible_unit_id" uuid NOT NULL,
	"due_date" date,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"rectification_note" text,
	"rectified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"verified_by" uuid,
	"verifier_name" text,
	"signature_hash" text,
	"listing_level" text,
	"transfer_count" integer DEFAULT 0 NOT NULL,
	"pending_transfer_id" uuid,
	"pending_extension_id" uuid,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "code" text;--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "files_uploader_idx" ON "files" USING btree ("uploaded_by","created_at");--> statement-breakpoint
CREATE INDEX "hazard_criteria_district_idx" ON "hazard_criteria" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" USING btree ("hazard_id","at");--> statement-breakpoint
CREATE INDEX "hazard_extensions_hazard_idx" ON "hazard_extensions" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "hazard_listings_hazard_idx" ON "hazard_listings" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "hazard_plans_hazard_idx" ON "hazard_plans" USING btree ("hazard_id","created_at");--> statement-breakpoint
CREATE INDEX "hazard_reports_hazard_idx" ON "hazard_reports" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "hazard_transfers_hazard_idx" ON "hazard_transfers" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "hazard_transfers_to_idx" ON "hazard_transfers" USING btree ("to_unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "hazards_number_uq" ON "hazards" USING btree ("district_id","number");--> statement-breakpoint
CREATE INDEX "hazards_district_status_idx" ON "hazards" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "hazards_township_found_idx" ON "hazards" USING btree ("township_id","found_at");--> statement-breakpoint
CREATE INDEX "hazards_village_idx" ON "hazards" USING btree ("village_id");--> statement-breakpoint
CREATE INDEX "hazards_enterprise_idx" ON "hazards" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "hazards_responsible_idx" ON "hazards" USING btree ("responsible_unit_id","status");--> statement-breakpoint
CREATE INDEX "hazards_sector_idx" ON "hazards" USING btree ("sector_id");--> statement-breakpoint
CREATE INDEX "hazards_due_idx" ON "hazards" USING btree ("district_id","due_date");