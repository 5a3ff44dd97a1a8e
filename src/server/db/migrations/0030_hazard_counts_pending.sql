CREATE TABLE "hazard_counts_pending" (
	"txid" bigint NOT NULL,
	"district_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"sector_id" uuid NOT NULL,
	"level" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"month" date NOT NULL,
	"due_month" date NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "hazard_counts_pending_txid_idx" ON "hazard_counts_pending" USING btree ("txid");--> statement-breakpoint
-- The summary rows' upkeep in two steps (issue 14): the trigger writes each statement's hazards to
-- hazard_counts_pending, counted by their own keys, then applies the transaction's pending rows to
-- hazard_counts (hazard_counts_flush), which is what it did before in one step. A bulk write that
-- sets anzhi.hazard_counts to 'deferred' for its transaction (an import) leaves them pending and
-- applies them once before it commits: 100 statements of 1,000 hazards then upsert each summary
-- row once instead of 100 times (each time walking the row's versions written earlier in the
-- same transaction). The fan-out to the breakdowns is this function's alone.
CREATE OR REPLACE FUNCTION "hazard_counts_flush"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    DELETE FROM "hazard_counts_pending" WHERE "txid" = txid_current()
    RETURNING "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", "month", "due_month", "n"
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
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "hazard_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "hazard_counts_pending" ("txid", "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", "month", "due_month", "n")
    SELECT txid_current(), "district_id", "township_id", "village_id", "sector_id", "level", "source", "status",
      "hazard_count_month"("found_at"), "hazard_count_due_month"("status", "due_date"), count(*)::int
    FROM new_rows GROUP BY 2, 3, 4, 5, 6, 7, 8, 9, 10;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "hazard_counts_pending" ("txid", "district_id", "township_id", "village_id", "sector_id", "level", "source", "status", "month", "due_month", "n")
    SELECT txid_current(), "district_id", "township_id", "village_id", "sector_id", "level", "source", "status",
      "hazard_count_month"("found_at"), "hazard_count_due_month"("status", "due_date"), -count(*)::int
    FROM old_rows GROUP BY 2, 3, 4, 5, 6, 7, 8, 9, 10;
  END IF;
  IF current_setting('anzhi.hazard_counts', true) IS DISTINCT FROM 'deferred' THEN
    PERFORM "hazard_counts_flush"();
  END IF;
  RETURN NULL;
END $$;
