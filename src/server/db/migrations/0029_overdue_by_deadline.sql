-- Overdue hazards most overdue first: the dashboard's 逾期隐患 list and the ledger's 逾期 filter read
-- a district's or a township's open hazards in deadline order and stop at the page, with the found
-- day (the date range they are filtered on) and the state in the index (drizzle's schema cannot say
-- INCLUDE: the same indexes are declared there without it).
CREATE INDEX "hazards_open_district_due_idx" ON "hazards" USING btree ("district_id","due_date","id")
  INCLUDE ("township_id","found_at","status") WHERE "hazards"."status" in ('reported', 'rectifying', 'awaiting_verification');--> statement-breakpoint
CREATE INDEX "hazards_open_township_due_idx" ON "hazards" USING btree ("township_id","due_date","id")
  INCLUDE ("found_at","status") WHERE "hazards"."status" in ('reported', 'rectifying', 'awaiting_verification');
