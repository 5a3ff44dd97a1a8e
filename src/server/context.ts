import type { AppConfig } from './config.ts';
import type { Db } from './db/client.ts';
import type { FileStorage } from './modules/files/files.storage.ts';
import type { NotificationHub, Notifier } from './modules/notifications/index.ts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What services need: the database, the clock (never Date.now() directly) and config. */
export interface AppContext {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: AppConfig;
  clock: Clock;
  /** Where uploaded files live; buildApp sets it (default: <DATA_DIR>/files on the local disk). */
  storage?: FileStorage;
  /** Live unread counts over server-sent events; buildApp sets it. */
  notificationHub?: NotificationHub;
  /** Dispatches the notification outbox after writes and, once started, on its timer; buildApp sets it. */
  notifier?: Notifier;
}
