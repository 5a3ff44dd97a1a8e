-- Open hazards' due months in the summary rows (issue 14): overdue hazards due before this month
-- become a sum of rows like any other count, so the district's overdue figures no longer walk every
-- open overdue hazard of the index (55,000 in a generated county). Only the current month's are
-- still counted from the index (a due day earlier this month is overdue today, a later one is not).
-- The rows are rebuilt from the ledger below. The indexes the dashboard and the ledger read carry
-- the columns they return (INCLUDE), so that a district's figures come from the indexes alone
-- (drizzle's schema cannot say INCLUDE: the same indexes are declared there without it).
DELETE FROM "hazard_counts";--> statement-breakpoint
ALTER TABLE "hazard_counts" ADD COLUMN "due_month" date NOT NULL;--> statement-breakpoint
ALTER TABLE "hazard_counts" DROP CONSTRAINT "hazard_counts_district_id_region_id_by_month_unit_id_level_source_status_pk";--> statement-breakpoint
ALTER TABLE "hazard_counts" ADD CONSTRAINT "hazard_counts_district_id_region_id_by_month_unit_id_level_source_status_due_month_pk" PRIMARY KEY("district_id","region_id","by","month","unit_id","level","source","status","due_month") INCLUDE ("n");--> statement-breakpoint
-- a district's villages are its townships' rows: read by breakdown and month, whatever the region
DROP INDEX "hazard_counts_by_month_idx";--> statement-breakpoint
CREATE INDEX "hazard_counts_by_month_idx" ON "hazard_counts" USING btree ("district_id","by","month")
  INCLUDE ("region_id","unit_id","level","source","status","due_month","n");--> statement-breakpoint
-- the overdue list and the 逾期 tab: open hazards in the ledger's order, with what they are filtered on
CREATE INDEX "hazards_open_district_found_idx" ON "hazards" USING btree ("district_id","found_at" DESC NULLS LAST,"id" DESC NULLS LAST)
  INCLUDE ("township_id","due_date","status") WHERE "hazards"."status" in ('reported', 'rectifying', 'awaiting_verification');--> statement-breakpoint
CREATE INDEX "hazards_open_township_found_idx" ON "hazards" USING btree ("township_id","found_at" DESC NULLS LAST,"id" DESC NULLS LAST)
  INCLUDE ("due_date","status") WHERE "hazards"."status" in ('reported', 'rectifying', 'awaiting_verification');--> statement-breakpoint
-- the dashboard's 挂牌督办: listed major hazards and the day each was listed, from the indexes alone
DROP INDEX "hazards_major_listed_idx";--> statement-breakpoint
CREATE INDEX "hazards_major_listed_idx" ON "hazards" USING btree ("district_id","found_at") INCLUDE ("id","township_id","status")
  WHERE "hazards"."level" = 'major' and "hazards"."listing_level" is not null;--> statement-breakpoint
DROP INDEX "hazard_listings_hazard_idx";--> statement-breakpoint
CREATE INDEX "hazard_listings_hazard_idx" ON "hazard_listings" USING btree ("hazard_id","listed_on");--> statement-breakpoint
-- The keys' two rules, in one place for the trigger, the rebuild and summaries:verify: the month
-- of finding (Asia/Shanghai), and the due month of an open hazard ('infinity' otherwise, so that
-- "due before this month" never holds for a closed or undated one).
CREATE OR REPLACE FUNCTION "hazard_count_month"(found_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT date_trunc('month', found_at AT TIME ZONE 'Asia/Shanghai')::date $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "hazard_count_due_month"(status text, due_date date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN status IN ('reported', 'rectifying', 'awaiting_verification') AND due_date IS NOT NULL
    THEN date_trunc('month', due_date)::date ELSE 'infinity'::date END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "hazard_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", "hazard_count_month"("found_at") AS "month", "hazard_count_due_month"("status", "due_date") AS "due_month", 1 AS "n" FROM new_rows
    ), k AS (
      SELECT "district_id", "township_id" AS "region_id", 'all' AS "by", "township_id" AS "unit_id", "level", "source", "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'all', "district_id", "level", "source", "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'village', "village_id", "level", '', "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'sector', "sector_id", "level", '', "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'sector', "sector_id", "level", '', "status", "month", "due_month", "n" FROM d
    )
    INSERT INTO "hazard_counts" AS c ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month", "n")
    SELECT "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month", sum("n")::int FROM k
    GROUP BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month" HAVING sum("n") <> 0
    -- one order for every writer, so two transactions touching the same rows cannot deadlock
    ORDER BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month"
    ON CONFLICT ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month") DO UPDATE SET "n" = c."n" + excluded."n";
  ELSIF TG_OP = 'UPDATE' THEN
    WITH d AS (
      SELECT "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", "hazard_count_month"("found_at") AS "month", "hazard_count_due_month"("status", "due_date") AS "due_month", 1 AS "n" FROM new_rows
      UNION ALL SELECT "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", "hazard_count_month"("found_at") AS "month", "hazard_count_due_month"("status", "due_date") AS "due_month", -1 AS "n" FROM old_rows
    ), k AS (
      SELECT "district_id", "township_id" AS "region_id", 'all' AS "by", "township_id" AS "unit_id", "level", "source", "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'all', "district_id", "level", "source", "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'village', "village_id", "level", '', "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'sector', "sector_id", "level", '', "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'sector', "sector_id", "level", '', "status", "month", "due_month", "n" FROM d
    )
    INSERT INTO "hazard_counts" AS c ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month", "n")
    SELECT "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month", sum("n")::int FROM k
    GROUP BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month" HAVING sum("n") <> 0
    -- one order for every writer, so two transactions touching the same rows cannot deadlock
    ORDER BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month"
    ON CONFLICT ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month") DO UPDATE SET "n" = c."n" + excluded."n";
  ELSE
    WITH d AS (
      SELECT "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", "hazard_count_month"("found_at") AS "month", "hazard_count_due_month"("status", "due_date") AS "due_month", -1 AS "n" FROM old_rows
    ), k AS (
      SELECT "district_id", "township_id" AS "region_id", 'all' AS "by", "township_id" AS "unit_id", "level", "source", "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'all', "district_id", "level", "source", "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'village', "village_id", "level", '', "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "township_id", 'sector', "sector_id", "level", '', "status", "month", "due_month", "n" FROM d
      UNION ALL SELECT "district_id", "district_id", 'sector', "sector_id", "level", '', "status", "month", "due_month", "n" FROM d
    )
    INSERT INTO "hazard_counts" AS c ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month", "n")
    SELECT "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month", sum("n")::int FROM k
    GROUP BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month" HAVING sum("n") <> 0
    -- one order for every writer, so two transactions touching the same rows cannot deadlock
    ORDER BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month"
    ON CONFLICT ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month") DO UPDATE SET "n" = c."n" + excluded."n";
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
INSERT INTO "hazard_counts" ("district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month", "n")
SELECT "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month", count(*)::int FROM (
  SELECT h."district_id", r."region_id", r."by", r."unit_id", h."level", CASE WHEN r."by" = 'all' THEN h."source" ELSE '' END AS "source", h."status",
    "hazard_count_month"(h."found_at") AS "month", "hazard_count_due_month"(h."status", h."due_date") AS "due_month"
  FROM "hazards" h CROSS JOIN LATERAL (VALUES
    (h."township_id", 'all', h."township_id"), (h."district_id", 'all', h."district_id"), (h."township_id", 'village', h."village_id"),
    (h."township_id", 'sector', h."sector_id"), (h."district_id", 'sector', h."sector_id")) AS r("region_id", "by", "unit_id")
) x GROUP BY "district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month";
