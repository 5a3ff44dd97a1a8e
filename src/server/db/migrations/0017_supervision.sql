CREATE TABLE "leadership_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid,
	"unit_id" uuid NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"place" text,
	"enterprise_id" uuid,
	"leaders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"leader_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"campaign_id" uuid,
	"hazard_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"task_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"summary" text,
	"created_by" uuid NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leadership_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"label" text NOT NULL,
	"posts" text[] NOT NULL,
	"kinds" text[] NOT NULL,
	"frequency_text" text NOT NULL,
	"task_id" uuid,
	"created_by" uuid NOT NULL,
	"voided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid,
	"group_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"item_key" text,
	"description" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"measures" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"return_reason" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid,
	"group_id" uuid NOT NULL,
	"campaign_id" uuid,
	"unit_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"member_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"template_version_id" uuid,
	"template_code" text,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "technical_inspectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"employment" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"certificates" text,
	"note" text,
	"created_by" uuid NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_groups" ADD COLUMN "people" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_groups" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision_groups" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "leader_post" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "supervision_visit_id" uuid;--> statement-breakpoint
CREATE INDEX "leadership_activities_district_idx" ON "leadership_activities" USING btree ("district_id","held_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "leadership_activities_township_idx" ON "leadership_activities" USING btree ("township_id","held_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "leadership_activities_leaders_idx" ON "leadership_activities" USING gin ("leader_user_ids");--> statement-breakpoint
CREATE INDEX "leadership_requirements_campaign_idx" ON "leadership_requirements" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "leadership_requirements_task_idx" ON "leadership_requirements" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "supervision_findings_unit_idx" ON "supervision_findings" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "supervision_findings_group_idx" ON "supervision_findings" USING btree ("group_id","status");--> statement-breakpoint
CREATE INDEX "supervision_findings_visit_idx" ON "supervision_findings" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "supervision_visits_group_idx" ON "supervision_visits" USING btree ("group_id","visited_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "supervision_visits_unit_idx" ON "supervision_visits" USING btree ("unit_id","visited_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "supervision_visits_district_idx" ON "supervision_visits" USING btree ("district_id","visited_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "technical_inspectors_region_idx" ON "technical_inspectors" USING btree ("district_id","township_id","from_date");--> statement-breakpoint
UPDATE "supervision_groups" SET "people" = jsonb_build_array(jsonb_build_object('role', 'leader', 'name', "leader_names", 'title', '', 'userId', null)) WHERE "leader_names" <> '';--> statement-breakpoint
UPDATE "supervision_groups" g SET "people" = g."people" || coalesce((SELECT jsonb_agg(jsonb_build_object('role', 'member', 'name', u."display_name", 'title', '', 'userId', u."id")) FROM "supervision_group_members" m JOIN "users" u ON u."id" = m."user_id" WHERE m."group_id" = g."id"), '[]'::jsonb);
