-- Sign-in locks per account and source address (issue 9): the account-wide lock (users.locked_until) goes;
-- an account keeps its failures since the last sign-in, with the last one's time and address.
CREATE TABLE "login_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"address" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone,
	"last_success_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_failed_login_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_failed_login_address" text;--> statement-breakpoint
CREATE UNIQUE INDEX "login_sources_user_address_uq" ON "login_sources" USING btree ("user_id","address");--> statement-breakpoint
CREATE INDEX "login_sources_district_locked_idx" ON "login_sources" USING btree ("district_id","locked_until");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";