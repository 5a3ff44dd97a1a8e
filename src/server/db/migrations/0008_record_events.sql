CREATE TABLE "record_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
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
CREATE INDEX "record_events_entity_idx" ON "record_events" USING btree ("entity_type","entity_id","seq");--> statement-breakpoint
-- The per-area timelines move into record_events, in their own order (seq is handed out in
-- insertion order, so each record's events keep theirs); ids are kept.
INSERT INTO "record_events" ("id", "district_id", "entity_type", "entity_id", "at", "actor_id", "actor_name", "actor_unit_name", "action", "from_status", "to_status", "note", "data")
SELECT "id", "district_id", 'hazard', "hazard_id", "at", "actor_id", "actor_name", "actor_unit_name", "action", "from_status", "to_status", "note", "data"
FROM "hazard_events" ORDER BY "seq";--> statement-breakpoint
INSERT INTO "record_events" ("id", "district_id", "entity_type", "entity_id", "at", "actor_id", "actor_name", "action", "from_status", "to_status", "note", "data")
SELECT "id", "district_id", 'enforcement_case', "case_id", "at", "actor_id", "actor_name", "action", "from_status", "to_status", "note", "data"
FROM "enforcement_case_events" ORDER BY "seq";--> statement-breakpoint
-- Hazard numbers continue from their own counter, now a kind of the one record counter.
INSERT INTO "record_counters" ("district_id", "kind", "year", "last_seq")
SELECT "district_id", 'hazard', "year", "last_seq" FROM "hazard_counters";--> statement-breakpoint
DROP TABLE "hazard_counters" CASCADE;--> statement-breakpoint
DROP TABLE "hazard_events" CASCADE;--> statement-breakpoint
DROP TABLE "enforcement_case_events" CASCADE;--> statement-breakpoint
-- A timeline is history: refuse UPDATE and DELETE at the database, like the audit trail.
CREATE OR REPLACE FUNCTION record_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'record_events is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER record_events_no_update BEFORE UPDATE OR DELETE ON record_events
  FOR EACH ROW EXECUTE FUNCTION record_events_refuse_change();
