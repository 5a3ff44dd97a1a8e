ALTER TABLE "inspections" ADD COLUMN "failed_item_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "inspections" i SET "failed_item_keys" = f.items
  FROM (SELECT "inspection_id", array_agg("item_key" ORDER BY "item_key") AS items FROM "inspection_answers" WHERE "result" = 'nonconform' GROUP BY "inspection_id") f
  WHERE f."inspection_id" = i."id";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "inspection_failed_items_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE target uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN target := OLD."inspection_id"; ELSE target := NEW."inspection_id"; END IF;
  UPDATE "inspections" SET "failed_item_keys" = COALESCE(
    (SELECT array_agg("item_key" ORDER BY "item_key") FROM "inspection_answers" WHERE "inspection_id" = target AND "result" = 'nonconform'), '{}'::text[])
  WHERE "id" = target;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "inspection_answers_failed_items" AFTER INSERT OR UPDATE OF "result", "item_key" OR DELETE ON "inspection_answers"
  FOR EACH ROW EXECUTE FUNCTION "inspection_failed_items_sync"();
