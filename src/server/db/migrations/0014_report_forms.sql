CREATE TABLE "report_submission_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"template_id" uuid NOT NULL,
	"cells" jsonb NOT NULL,
	"note" text,
	"late" boolean NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"township_id" uuid,
	"due" date NOT NULL,
	"status" text NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"filler_name" text,
	"filler_phone" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"late" boolean DEFAULT false NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_reason" text,
	"reopened_until" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"code" text,
	"campaign_id" uuid,
	"name" text NOT NULL,
	"body" jsonb NOT NULL,
	"workbook_file_id" uuid,
	"bindings" jsonb,
	"current" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "leader_led" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "report_submission_versions_uq" ON "report_submission_versions" USING btree ("submission_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_round_unit_uq" ON "report_submissions" USING btree ("series_id","due","unit_id");--> statement-breakpoint
CREATE INDEX "report_submissions_campaign_idx" ON "report_submissions" USING btree ("campaign_id","due");--> statement-breakpoint
CREATE INDEX "report_submissions_unit_idx" ON "report_submissions" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "report_templates_series_version_uq" ON "report_templates" USING btree ("series_id","version");--> statement-breakpoint
CREATE INDEX "report_templates_district_idx" ON "report_templates" USING btree ("district_id","campaign_id","current");