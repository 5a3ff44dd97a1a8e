ALTER TABLE "hazards" ADD COLUMN "rectified_by" uuid;--> statement-breakpoint
-- Who reported each hazard rectified: the last report_rectification on its timeline, or its
-- reporter when it was fixed on the spot (that reporter may not verify it either).
UPDATE "hazards" h SET "rectified_by" = e."actor_id"
  FROM (SELECT DISTINCT ON ("entity_id") "entity_id", "actor_id" FROM "record_events"
         WHERE "entity_type" = 'hazard' AND "action" = 'report_rectification' ORDER BY "entity_id", "seq" DESC) e
 WHERE e."entity_id" = h."id" AND h."rectified_at" IS NOT NULL;--> statement-breakpoint
UPDATE "hazards" SET "rectified_by" = "created_by" WHERE "rectified_by" IS NULL AND "fixed_on_spot" AND "rectified_at" IS NOT NULL;
