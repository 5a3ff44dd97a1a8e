import { date, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () => uuid('id').primaryKey().defaultRandom();
export const districtId = () => uuid('district_id').notNull();
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};
/** Optimistic concurrency: every update is conditional on the version the caller read. */
export const version = () => integer('version').notNull().default(1);

/** An instant (timestamptz), read as a Date. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A calendar day (date), read as 'YYYY-MM-DD'. */
export const day = (name: string) => date(name, { mode: 'string' });
