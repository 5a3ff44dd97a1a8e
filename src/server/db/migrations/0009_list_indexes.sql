DROP INDEX "hazards_township_found_idx";--> statement-breakpoint
DROP INDEX "inspections_district_date_idx";--> statement-breakpoint
DROP INDEX "inspections_township_date_idx";--> statement-breakpoint
DROP INDEX "enforcement_cases_district_filed_idx";--> statement-breakpoint
DROP INDEX "enforcement_cases_township_filed_idx";--> statement-breakpoint
CREATE INDEX "enterprises_uscc_trgm" ON "enterprises" USING gin ("uscc" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "hazards_district_found_idx" ON "hazards" USING btree ("district_id","found_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "hazards_description_trgm" ON "hazards" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "hazards_number_trgm" ON "hazards" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "hazards_township_found_idx" ON "hazards" USING btree ("township_id","found_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inspections_district_date_idx" ON "inspections" USING btree ("district_id","inspected_on" DESC NULLS LAST,"created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inspections_township_date_idx" ON "inspections" USING btree ("township_id","inspected_on" DESC NULLS LAST,"created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "enforcement_cases_district_filed_idx" ON "enforcement_cases" USING btree ("district_id","filed_on" DESC NULLS LAST,"number" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "enforcement_cases_township_filed_idx" ON "enforcement_cases" USING btree ("township_id","filed_on" DESC NULLS LAST,"number" DESC NULLS LAST,"id" DESC NULLS LAST);