CREATE TABLE "public_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"village_id" uuid,
	"number" text NOT NULL,
	"code_hash" text NOT NULL,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"place" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"enterprise_name" text,
	"enterprise_id" uuid,
	"anonymous" boolean NOT NULL,
	"reporter_name" text,
	"reporter_phone" text,
	"assigned_unit_id" uuid,
	"internal_note" text,
	"public_reply" text,
	"replied_at" timestamp with time zone,
	"conclusion_reason" text,
	"hazard_id" uuid,
	"duplicate_of_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	"concluded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_reports_identity_ck" CHECK (not "public_reports"."anonymous" or ("public_reports"."reporter_name" is null and "public_reports"."reporter_phone" is null))
);
--> statement-breakpoint
CREATE TABLE "tip_rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"status" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"anonymous" boolean NOT NULL,
	"basis" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"claimed_at" timestamp with time zone,
	"claim_phone" text,
	"paid_on" date,
	"pay_method" text,
	"paid_by" uuid,
	"code_verified" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tip_rewards_amount_ck" CHECK ("tip_rewards"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "used_challenges" (
	"signature" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "uploaded_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "public_report_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "public_reports_code_uq" ON "public_reports" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "public_reports_number_uq" ON "public_reports" USING btree ("district_id","number");--> statement-breakpoint
CREATE INDEX "public_reports_township_idx" ON "public_reports" USING btree ("township_id","submitted_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "public_reports_district_idx" ON "public_reports" USING btree ("district_id","submitted_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "public_reports_assigned_idx" ON "public_reports" USING btree ("assigned_unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "tip_rewards_report_uq" ON "tip_rewards" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "tip_rewards_township_idx" ON "tip_rewards" USING btree ("township_id","status");--> statement-breakpoint
CREATE INDEX "tip_rewards_paid_idx" ON "tip_rewards" USING btree ("district_id","paid_on");--> statement-breakpoint
CREATE INDEX "used_challenges_expiry_idx" ON "used_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "hazards_public_report_idx" ON "hazards" USING btree ("public_report_id") WHERE "hazards"."public_report_id" is not null;