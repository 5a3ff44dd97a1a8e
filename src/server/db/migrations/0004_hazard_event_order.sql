DROP INDEX "hazard_events_hazard_idx";--> statement-breakpoint
ALTER TABLE "hazard_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" USING btree ("hazard_id","seq");