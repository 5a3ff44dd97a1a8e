CREATE TABLE "hazard_counts" (
	"district_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"by" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"level" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"month" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "hazard_counts_district_id_region_id_by_month_unit_id_level_source_status_pk" PRIMARY KEY("district_id","region_id","by","month","unit_id","level","source","status")
);
--> statement-breakpoint
CREATE INDEX "hazard_counts_by_month_idx" ON "hazard_counts" USING btree ("district_id","by","month");
--> statement-breakpoint
-- The summary rows follow every change of the ledger in the same transaction: statement-level
-- triggers read the statement's rows once (an import of 100,000 hazards adds a few thousand
-- upserts, not 100,000), and an update that moves no hazard between keys sums to nothing. Rows
-- that fall to zero stay (the keys a district has ever used are few); readers skip them.
CREATE OR REPLACE FUNCTION "hazard_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", date_trunc('month', "found_at" AT TIME ZONE 'Asia/Shanghai')::date AS "month", 1 AS "n" FROM new_rows
    ), k AS (
      SELECT "district_id", "township_id" AS "region_id", 'all' AS "by", "township_id" AS "unit_id", "level", "source", "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'all', "district_id", "level", "source", "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'village', "village_id", "level", '', "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'sector', "sector_id", "level", '', "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'sector', "sector_id", "level", '', "status", "month", "n" FROM d
    )
    INSERT INTO "hazard_counts" AS c ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "n")
    SELECT "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", sum("n")::int FROM k
    GROUP BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month" HAVING sum("n") <> 0
    -- one order for every writer, so two transactions touching the same rows cannot deadlock
    ORDER BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month"
    ON CONFLICT ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month") DO UPDATE SET "n" = c."n" + excluded."n";
  ELSIF TG_OP = 'UPDATE' THEN
    WITH d AS (
      SELECT "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", date_trunc('month', "found_at" AT TIME ZONE 'Asia/Shanghai')::date AS "month", 1 AS "n" FROM new_rows
      UNION ALL SELECT "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", date_trunc('month', "found_at" AT TIME ZONE 'Asia/Shanghai')::date AS "month", -1 AS "n" FROM old_rows
    ), k AS (
      SELECT "district_id", "township_id" AS "region_id", 'all' AS "by", "township_id" AS "unit_id", "level", "source", "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'all', "district_id", "level", "source", "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'village', "village_id", "level", '', "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'sector', "sector_id", "level", '', "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'sector', "sector_id", "level", '', "status", "month", "n" FROM d
    )
    INSERT INTO "hazard_counts" AS c ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "n")
    SELECT "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", sum("n")::int FROM k
    GROUP BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month" HAVING sum("n") <> 0
    -- one order for every writer, so two transactions touching the same rows cannot deadlock
    ORDER BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month"
    ON CONFLICT ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month") DO UPDATE SET "n" = c."n" + excluded."n";
  ELSE
    WITH d AS (
      SELECT "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", date_trunc('month', "found_at" AT TIME ZONE 'Asia/Shanghai')::date AS "month", -1 AS "n" FROM old_rows
    ), k AS (
      SELECT "district_id", "township_id" AS "region_id", 'all' AS "by", "township_id" AS "unit_id", "level", "source", "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'all', "district_id", "level", "source", "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'village', "village_id", "level", '', "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'sector', "sector_id", "level", '', "status", "month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'sector', "sector_id", "level", '', "status", "month", "n" FROM d
    )
    INSERT INTO "hazard_counts" AS c ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "n")
    SELECT "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", sum("n")::int FROM k
    GROUP BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month" HAVING sum("n") <> 0
    -- one order for every writer, so two transactions touching the same rows cannot deadlock
    ORDER BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month"
    ON CONFLICT ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month") DO UPDATE SET "n" = c."n" + excluded."n";
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "hazard_counts_insert" AFTER INSERT ON "hazards" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "hazard_counts_apply"();--> statement-breakpoint
CREATE TRIGGER "hazard_counts_update" AFTER UPDATE ON "hazards" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "hazard_counts_apply"();--> statement-breakpoint
CREATE TRIGGER "hazard_counts_delete" AFTER DELETE ON "hazards" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "hazard_counts_apply"();--> statement-breakpoint
-- The hazards already recorded: the same rows the trigger would have written.
INSERT INTO "hazard_counts" ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "n")
SELECT "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", count(*)::int FROM (
  SELECT h."district_id", r."region_id", r."by", r."unit_id", h."level", CASE WHEN r."by" = 'all' THEN h."source" ELSE '' END AS "source", h."status",
    date_trunc('month', h."found_at" AT TIME ZONE 'Asia/Shanghai')::date AS "month"
  FROM "hazards" h CROSS JOIN LATERAL (VALUES
    (h."township_id", 'all', h."township_id"), (h."district_id", 'all', h."district_id"), (h."township_id", 'village', h."village_id"),
    (h."township_id", 'sector', h."sector_id"), (h."district_id", 'sector', h."sector_id")) AS r("region_id", "by", "unit_id")
) x GROUP BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month";--> statement-breakpoint
-- Open hazards past their due day, counted beside the summary rows from the index alone: the
-- reminder scheduler's index (by due day) carries what the counts filter on. Open hazards are a
-- bounded set (they do not grow with history).
DROP INDEX "hazards_open_due_idx";--> statement-breakpoint
CREATE INDEX "hazards_open_due_idx" ON "hazards" ("due_date")
  INCLUDE ("district_id", "township_id", "village_id", "sector_id", "level", "source", "status", "found_at")
  WHERE "status" IN ('reported', 'rectifying', 'awaiting_verification');
