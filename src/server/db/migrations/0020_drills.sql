CREATE TABLE "drill_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"drill_normal" integer NOT NULL,
	"drill_high_risk" integer NOT NULL,
	"training_normal" integer NOT NULL,
	"training_high_risk" integer NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid,
	"enterprise_id" uuid,
	"unit_id" uuid,
	"category" text NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" integer NOT NULL,
	"content" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_unit_id" uuid NOT NULL,
	"by_enterprise" boolean NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"verified_by_unit_id" uuid,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"voided_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "safety_activities_subject_ck" CHECK (("safety_activities"."enterprise_id" is null) <> ("safety_activities"."unit_id" is null)),
	CONSTRAINT "safety_activities_staff_kind_ck" CHECK (("safety_activities"."kind" = 'enforcement_staff_training') = ("safety_activities"."unit_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "drill_requirements_district_uq" ON "drill_requirements" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "safety_activities_district_idx" ON "safety_activities" USING btree ("district_id","held_on");--> statement-breakpoint
CREATE INDEX "safety_activities_enterprise_idx" ON "safety_activities" USING btree ("enterprise_id","category","held_on");--> statement-breakpoint
CREATE INDEX "safety_activities_unit_idx" ON "safety_activities" USING btree ("unit_id","held_on");