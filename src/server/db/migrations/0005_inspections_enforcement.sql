CREATE TABLE "checklist_template_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"item_count" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "checklist_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"audience" text NOT NULL,
	"current_version" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"result" text,
	"number" double precision,
	"text" text,
	"comment" text,
	"hazard_draft" jsonb,
	"hazard_id" uuid,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_inspectors" (
	"district_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"certificate_no" text,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"signed_at" timestamp with time zone,
	"signature_hash" text,
	CONSTRAINT "inspection_inspectors_inspection_id_user_id_pk" PRIMARY KEY("inspection_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_plan_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"month" smallint NOT NULL,
	"is_key" boolean DEFAULT false NOT NULL,
	"inspection_type" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"method_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"inspected_on" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"template_version_id" uuid NOT NULL,
	"template_code" text NOT NULL,
	"template_version" integer NOT NULL,
	"period_key" text,
	"plan_entry_id" uuid,
	"location" text,
	"summary" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"representative_name" text,
	"representative_refusal_note" text,
	"representative_signed_at" timestamp with time zone,
	"signature_hash" text,
	"signed_payload" jsonb,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_counters" (
	"district_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "record_counters_district_id_kind_year_pk" PRIMARY KEY("district_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "self_inspection_schedules" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"daily_template_code" text,
	"weekly_template_code" text,
	"monthly_template_code" text,
	"work_on_weekends" boolean DEFAULT false NOT NULL,
	"holidays" text[] DEFAULT '{}'::text[] NOT NULL,
	"extra_workdays" text[] DEFAULT '{}'::text[] NOT NULL,
	"weekly_due_weekday" smallint,
	"monthly_due_day" smallint,
	"starts_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_calendar_days" (
	"district_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "work_calendar_days_district_id_day_pk" PRIMARY KEY("district_id","day")
);
--> statement-breakpoint
CREATE TABLE "accountability_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid,
	"kind" text NOT NULL,
	"target_type" text NOT NULL,
	"target_name" text NOT NULL,
	"target_unit_id" uuid,
	"position" text,
	"measure" text NOT NULL,
	"reason" text NOT NULL,
	"hazard_id" uuid,
	"accident" text,
	"decided_on" date NOT NULL,
	"decided_by" text NOT NULL,
	"document_no" text,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "enforcement_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"number" text NOT NULL,
	"document_no" text,
	"unit_id" uuid NOT NULL,
	"inspection_id" uuid,
	"hazard_id" uuid,
	"title" text NOT NULL,
	"facts" text,
	"status" text NOT NULL,
	"filed_on" date NOT NULL,
	"decided_on" date,
	"no_penalty_reason" text,
	"closed_on" date,
	"close_note" text,
	"fine_on_enterprise_fen" bigint DEFAULT 0 NOT NULL,
	"fine_on_principal_fen" bigint DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"publication_summary" text,
	"dangerous_operation_crime" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fine_on_enterprise_fen" bigint,
	"fine_on_principal_fen" bigint,
	"person_count" integer,
	"note" text,
	"decided_on" date NOT NULL,
	"executed_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "enforcement_certificate_no" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "inspection_id" uuid;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "inspection_item_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_template_versions_uq" ON "checklist_template_versions" USING btree ("template_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_templates_code_uq" ON "checklist_templates" USING btree ("district_id","code");--> statement-breakpoint
CREATE INDEX "checklist_templates_name_trgm" ON "checklist_templates" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_answers_item_uq" ON "inspection_answers" USING btree ("inspection_id","item_key");--> statement-breakpoint
CREATE INDEX "inspection_answers_hazard_idx" ON "inspection_answers" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "inspection_inspectors_user_idx" ON "inspection_inspectors" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plan_entries_uq" ON "inspection_plan_entries" USING btree ("plan_id","enterprise_id","month");--> statement-breakpoint
CREATE INDEX "inspection_plan_entries_enterprise_idx" ON "inspection_plan_entries" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plans_unit_year_uq" ON "inspection_plans" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "inspection_plans_district_year_idx" ON "inspection_plans" USING btree ("district_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_number_uq" ON "inspections" USING btree ("district_id","number");--> statement-breakpoint
CREATE INDEX "inspections_district_date_idx" ON "inspections" USING btree ("district_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_township_date_idx" ON "inspections" USING btree ("township_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_village_idx" ON "inspections" USING btree ("village_id");--> statement-breakpoint
CREATE INDEX "inspections_enterprise_date_idx" ON "inspections" USING btree ("enterprise_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_unit_date_idx" ON "inspections" USING btree ("unit_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_type_idx" ON "inspections" USING btree ("district_id","type","status");--> statement-breakpoint
CREATE INDEX "inspections_plan_entry_idx" ON "inspections" USING btree ("plan_entry_id");--> statement-breakpoint
CREATE INDEX "self_inspection_schedules_district_idx" ON "self_inspection_schedules" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "self_inspection_schedules_township_idx" ON "self_inspection_schedules" USING btree ("township_id");--> statement-breakpoint
CREATE INDEX "self_inspection_schedules_village_idx" ON "self_inspection_schedules" USING btree ("village_id");--> statement-breakpoint
CREATE INDEX "accountability_district_date_idx" ON "accountability_records" USING btree ("district_id","decided_on");--> statement-breakpoint
CREATE INDEX "accountability_hazard_idx" ON "accountability_records" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "enforcement_case_events_case_idx" ON "enforcement_case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_cases_number_uq" ON "enforcement_cases" USING btree ("district_id","number");--> statement-breakpoint
CREATE INDEX "enforcement_cases_district_filed_idx" ON "enforcement_cases" USING btree ("district_id","filed_on");--> statement-breakpoint
CREATE INDEX "enforcement_cases_township_filed_idx" ON "enforcement_cases" USING btree ("township_id","filed_on");--> statement-breakpoint
CREATE INDEX "enforcement_cases_enterprise_idx" ON "enforcement_cases" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "enforcement_cases_unit_idx" ON "enforcement_cases" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "enforcement_cases_inspection_idx" ON "enforcement_cases" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "enforcement_cases_hazard_idx" ON "enforcement_cases" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "enforcement_measures_case_idx" ON "enforcement_measures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "enforcement_measures_district_kind_idx" ON "enforcement_measures" USING btree ("district_id","kind","decided_on");--> statement-breakpoint
CREATE INDEX "hazards_inspection_idx" ON "hazards" USING btree ("inspection_id");