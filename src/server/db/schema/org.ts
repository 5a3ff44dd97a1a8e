import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districtId, id, timestamps, version } from './columns.ts';

/** Regions (district → township → village) and departments, one tree per district. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: id(),
    districtId: districtId(), // a district row points at itself
    kind: text('kind', { enum: ['district', 'township', 'village', 'department'] }).notNull(),
    name: text('name').notNull(),
    /** Short code, e.g. YB for 渝北区: the prefix of the district's hazard numbers. */
    code: text('code'),
    parentId: uuid('parent_id'),
    sectorIds: uuid('sector_ids').array().notNull().default(sql`'{}'::uuid[]`), // departments: sectors supervised
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('org_units_district_idx').on(t.districtId),
    index('org_units_parent_idx').on(t.parentId),
    uniqueIndex('org_units_parent_name_uq').on(t.parentId, t.kind, t.name),
  ],
);

/** 行业领域: a configurable list per district. */
export const sectors = pgTable(
  'sectors',
  {
    id: id(),
    districtId: districtId(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('sectors_district_name_uq').on(t.districtId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    districtId: districtId(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    role: text('role', {
      enum: ['admin', 'office', 'leader', 'department', 'village', 'enterprise', 'supervision_group'],
    }).notNull(),
    unitId: uuid('unit_id').notNull(),
    enterpriseId: uuid('enterprise_id'),
    /** 行政执法证号: required of every inspector of an enforcement inspection. */
    enforcementCertificateNo: text('enforcement_certificate_no'),
    /** A leader's post (domain/supervision/leadership.ts LEADER_POSTS): whose activities the required frequencies bind. */
    leaderPost: text('leader_post', { enum: ['party_secretary', 'government_head', 'deputy', 'member_unit_head'] }),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Failed sign-ins since the last successful one, from every address (the delay across addresses, and what the user is told). */
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lastFailedLoginAt: timestamp('last_failed_login_at', { withTimezone: true, mode: 'date' }),
    lastFailedLoginAddress: text('last_failed_login_address'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    /** When the password was last set (PASSWORD_MAX_AGE_DAYS counts from it; domain/access/security-rules.ts). */
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The TOTP secret (base32) while the second factor is on; never audited, never sent after enrollment. */
    totpSecret: text('totp_secret'),
    /** A secret shown for enrollment, on once a code from it is confirmed. */
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true, mode: 'date' }),
    /** The last 30-second step a code was accepted for: a code is good once (RFC 6238 §5.2). */
    totpLastStep: integer('totp_last_step'),
    active: boolean('active').notNull().default(true),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_district_idx').on(t.districtId),
    index('users_unit_idx').on(t.unitId),
  ],
);

/**
 * Sign-in attempts per account and source address (domain/access/login-throttle.ts): consecutive
 * failures, the lock they led to, and the last success (an address the account signs in from
 * skips the delay across addresses).
 */
export const loginSources = pgTable(
  'login_sources',
  {
    id: id(),
    districtId: districtId(),
    userId: uuid('user_id').notNull(),
    /** The client address as the server sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('login_sources_user_address_uq').on(t.userId, t.address),
    // the admins' list of current locks
    index('login_sources_district_locked_idx').on(t.districtId, t.lockedUntil),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    districtId: districtId(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_last_seen_idx').on(t.lastSeenAt)],
);

/** One-time recovery codes of a user's second factor, stored as SHA-256 (each is random, 50 bits). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    districtId: districtId(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * A sign-in whose password was right and that still needs its second factor: the client holds a
 * random token (the table its SHA-256) for a few minutes, and gets a session only with a good code.
 */
export const pendingLogins = pgTable(
  'pending_logins',
  {
    id: text('id').primaryKey(),
    districtId: districtId(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** Wrong codes sent with this token (it ends after a few). */
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('pending_logins_user_idx').on(t.userId), index('pending_logins_expires_idx').on(t.expiresAt)],
);

/** A district's security settings (one row per district; none: the defaults). */
export const securitySettings = pgTable('security_settings', {
  districtId: uuid('district_id').primaryKey(),
  /** 管理员 and 安委办 accounts of the district must sign in with a second factor (TOTP). */
  totpRequiredForStaff: boolean('totp_required_for_staff').notNull().default(false),
  /** Days a password is good for (0: never expires); null: the server's PASSWORD_MAX_AGE_DAYS. */
  passwordMaxAgeDays: integer('password_max_age_days'),
  version: version(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** 督导工作组: members see the villages and departments assigned to the group. */
export const supervisionGroups = pgTable(
  'supervision_groups',
  {
    id: id(),
    districtId: districtId(),
    townshipId: uuid('township_id'),
    name: text('name').notNull(),
    /** 组长 and 成员 as the plan lists them (name, title, and the account when the person has one). */
    people: jsonb('people').notNull().default(sql`'[]'::jsonb`),
    /** The campaign the group serves (seed 003 附件5 belongs to its 大排查 plan). */
    campaignId: uuid('campaign_id'),
    /** A disbanded group keeps its visits and findings; it no longer grants its members scope. */
    active: boolean('active').notNull().default(true),
    version: version(),
    ...timestamps,
  },
  (t) => [index('supervision_groups_district_idx').on(t.districtId)],
);

export const supervisionGroupMembers = pgTable(
  'supervision_group_members',
  {
    districtId: districtId(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [uniqueIndex('sgm_group_user_uq').on(t.groupId, t.userId), index('sgm_user_idx').on(t.userId)],
);

export const supervisionGroupUnits = pgTable(
  'supervision_group_units',
  {
    districtId: districtId(),
    groupId: uuid('group_id').notNull(),
    unitId: uuid('unit_id').notNull(), // a village or a department
  },
  (t) => [uniqueIndex('sgu_group_unit_uq').on(t.groupId, t.unitId)],
);
