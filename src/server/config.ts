// Configuration is read once at boot and validated; a bad value stops the process with a readable list.
import path from 'node:path';
import { z } from 'zod';
import { MIN_AUDIT_RETENTION_DAYS } from '../domain/access/security-rules.ts';

const Bool = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => v === 'on' || v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DEMO: Bool.default(true),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  COOKIE_SECURE: Bool.default(false),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  /** Rows one enterprise or hazard import may hold; a longer file is refused as soon as its reading passes this row. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  /** Who may set X-Forwarded-For: off (default, direct), on (any), or addresses/CIDRs of the reverse proxy. */
  TRUST_PROXY: z.string().default('off'),
  /** The address people open the product at, for the links in group-robot messages (none: no links). */
  PUBLIC_URL: z.string().url().optional(),
  /** How often reminders are produced and robot deliveries retried (seconds; 0: never, e.g. a second process). */
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86400).default(60),
  /** Proof-of-work of the public report form: the solver tries up to this many hashes (half to all of it); ~1 s on a mid-range phone (decision 021). */
  CHALLENGE_MAX_COUNTER: z.coerce.number().int().min(2).max(10_000_000).default(100_000),
  /** Signs the challenges; none: a random secret per start (outstanding challenges then expire with a restart). */
  CHALLENGE_SECRET: z.string().min(16).optional(),
  /** Public reports a township may hold 待核查 at once; above it new ones are refused until the office catches up. */
  PUBLIC_REPORT_QUEUE_CAP: z.coerce.number().int().min(1).max(100_000).default(300),
  /** Public report submissions per network address per hour. */
  PUBLIC_REPORT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Days a password lasts before it must be changed (0: never expires). */
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(0),
  /** Days the audit trail is kept at least; older entries are purged daily (等保 2.0: no less than 180). */
  AUDIT_RETENTION_DAYS: z.coerce.number().int()
    .min(MIN_AUDIT_RETENTION_DAYS, `must be at least ${MIN_AUDIT_RETENTION_DAYS} days (等保 2.0 requires audit records kept no less than six months)`)
    .max(36500).default(365),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where backups go (npm run backup and the daily one); default DATA_DIR/backups. */
  BACKUP_DIR: z.string().optional(),
  /** The hour (Asia/Shanghai, 0–23) after which the server makes the day's backup; off: no daily backup. */
  BACKUP_HOUR: z.union([z.literal('off'), z.coerce.number().int().min(0).max(23)]).default(2),
  /** Days a backup is kept (the newest is always kept). */
  BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  loginRateLimitPerMinute: number;
  cookieSecure: boolean;
  uploadMaxBytes: number;
  importMaxRows: number;
  logLevel: string;
  trustProxy: boolean | string;
  publicUrl?: string;
  notifyIntervalSeconds: number;
  challengeMaxCounter: number;
  challengeSecret?: string;
  publicReportQueueCap: number;
  publicReportPerHour: number;
  backupDir: string;
  /** null: no daily backup. */
  backupHour: number | null;
  backupKeepDays: number;
  passwordMaxAgeDays: number;
  auditRetentionDays: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.DEMO,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    cookieSecure: e.COOKIE_SECURE,
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    importMaxRows: e.IMPORT_MAX_ROWS,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    notifyIntervalSeconds: e.NOTIFY_INTERVAL_SECONDS,
    challengeMaxCounter: e.CHALLENGE_MAX_COUNTER,
    challengeSecret: e.CHALLENGE_SECRET,
    publicReportQueueCap: e.PUBLIC_REPORT_QUEUE_CAP,
    publicReportPerHour: e.PUBLIC_REPORT_PER_HOUR,
    backupDir: path.resolve(e.BACKUP_DIR ?? path.join(e.DATA_DIR, 'backups')),
    backupHour: e.BACKUP_HOUR === 'off' ? null : e.BACKUP_HOUR,
    backupKeepDays: e.BACKUP_KEEP_DAYS,
    passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    trustProxy: ['off', 'false', '0'].includes(e.TRUST_PROXY) ? false : ['on', 'true', '1'].includes(e.TRUST_PROXY) ? true : e.TRUST_PROXY,
  };
}
