CREATE TABLE "campaign_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"due" text
);
--> statement-breakpoint
CREATE TABLE "campaign_task_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"lead" boolean DEFAULT true NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "campaign_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text DEFAULT 'task' NOT NULL,
	"ordinal" integer NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"group_name" text DEFAULT '' NOT NULL,
	"action" text DEFAULT '' NOT NULL,
	"requirement" text NOT NULL,
	"units_text" text DEFAULT '' NOT NULL,
	"deadline_text" text DEFAULT '' NOT NULL,
	"deadline_rule" jsonb NOT NULL,
	"target" integer,
	"row_key" text,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid,
	"parent_id" uuid,
	"name" text NOT NULL,
	"doc_number" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"published_at" timestamp with time zone,
	"key_sector_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"checklist_template_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"report_cycle_text" text DEFAULT '每月' NOT NULL,
	"remind_days_before" integer DEFAULT 3 NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occurrence_urges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"due" date NOT NULL,
	"note" text,
	"by_id" uuid NOT NULL,
	"by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"due" date NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"text" text NOT NULL,
	"count" integer,
	"inspection_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"filed_by" uuid NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_aliases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"unit_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX "campaign_stages_campaign_idx" ON "campaign_stages" USING btree ("campaign_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_task_units_uq" ON "campaign_task_units" USING btree ("task_id","unit_id");--> statement-breakpoint
CREATE INDEX "campaign_task_units_unit_idx" ON "campaign_task_units" USING btree ("unit_id","campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_tasks_campaign_idx" ON "campaign_tasks" USING btree ("campaign_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_tasks_row_key_uq" ON "campaign_tasks" USING btree ("campaign_id","row_key");--> statement-breakpoint
CREATE INDEX "campaigns_district_township_idx" ON "campaigns" USING btree ("district_id","township_id");--> statement-breakpoint
CREATE INDEX "campaigns_parent_idx" ON "campaigns" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "occurrence_urges_occurrence_idx" ON "occurrence_urges" USING btree ("task_id","unit_id","due");--> statement-breakpoint
CREATE INDEX "occurrence_urges_campaign_idx" ON "occurrence_urges" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_occurrence_uq" ON "progress_reports" USING btree ("task_id","unit_id","due","revision");--> statement-breakpoint
CREATE INDEX "progress_reports_campaign_idx" ON "progress_reports" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_aliases_uq" ON "unit_aliases" USING btree ("district_id","alias");