import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districtId, id, timestamps, version } from './columns.ts';

/** 生产经营单位. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id').notNull(),
    villageId: uuid('village_id').notNull(),
    name: text('name').notNull(),
    uscc: text('uscc'),
    kind: text('kind', { enum: ['company', 'sole_trader', 'small_venue'] }).notNull(),
    venueType: text('venue_type', {
      enum: ['shop', 'restaurant', 'hotel', 'karaoke', 'internet_cafe', 'beauty_bath', 'workshop', 'clinic', 'school'],
    }),
    address: text('address').notNull(),
    sectorIds: uuid('sector_ids').array().notNull().default(sql`'{}'::uuid[]`),
    employeeCount: integer('employee_count'),
    principalName: text('principal_name').notNull(),
    principalPhone: text('principal_phone').notNull(),
    safetyManagerName: text('safety_manager_name'),
    safetyManagerPhone: text('safety_manager_phone'),
    riskGrade: text('risk_grade', { enum: ['red', 'orange', 'yellow', 'blue'] }),
    isKey: boolean('is_key').notNull().default(false),
    isHighRisk: boolean('is_high_risk').notNull().default(false),
    status: text('status', { enum: ['operating', 'suspended', 'closed'] }).notNull().default('operating'),
    voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'date' }),
    voidReason: text('void_reason'),
    voidedBy: uuid('voided_by'),
    createdBy: uuid('created_by'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('enterprises_district_idx').on(t.districtId),
    index('enterprises_township_idx').on(t.townshipId),
    index('enterprises_village_idx').on(t.villageId),
    index('enterprises_sectors_gin').using('gin', t.sectorIds),
    index('enterprises_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('enterprises_principal_trgm').using('gin', sql`${t.principalName} gin_trgm_ops`),
    index('enterprises_uscc_trgm').using('gin', sql`${t.uscc} gin_trgm_ops`),
    index('enterprises_updated_idx').on(t.districtId, t.updatedAt),
    index('enterprises_township_updated_idx').on(t.townshipId, t.updatedAt),
    uniqueIndex('enterprises_uscc_live_uq').on(t.uscc).where(sql`${t.uscc} is not null and ${t.voidedAt} is null`),
  ],
);

/** An uploaded spreadsheet awaiting commit: the parsed good rows and the bad-row report. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: id(),
    districtId: districtId(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    rows: jsonb('rows').notNull(),
    errors: jsonb('errors').notNull(),
    totalRows: integer('total_rows').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('import_batches_user_idx').on(t.userId)],
);

/**
 * The rows a large import's preview accepted, one table row each (decision 023), so that neither the
 * preview nor the commit holds a 100,000-row batch as one value: written 1,000 at a time, read back
 * in order by `n`, deleted when the batch is committed. `source` is the row's text as in the file,
 * for the rejects workbook should the commit skip it after all.
 */
export const importBatchRows = pgTable(
  'import_batch_rows',
  {
    batchId: uuid('batch_id').notNull(),
    n: integer('n').notNull(),
    row: integer('row').notNull(),
    data: jsonb('data').notNull(),
    label: text('label').notNull(),
    source: text('source').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.n] })],
);

/**
 * What a district's people chose when a file's columns or values did not match (decision 023): per
 * import kind (enterprises, hazards), header → field, value → label, and file-wide defaults, applied
 * to the next file before the synonyms. Replaced whole at each commit that carried choices; audited.
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: id(),
    districtId: districtId(),
    kind: text('kind').notNull(),
    mapping: jsonb('mapping').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('import_mappings_district_kind_uq').on(t.districtId, t.kind)],
);
