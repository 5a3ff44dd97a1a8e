// Runs the notification work of one server process: after a write (nudge) it dispatches the
// outbox; on its timer it also queues the reminders of the day, retries the webhook deliveries
// and sweeps any outbox row a crash left behind. One cycle at a time; errors are logged, never
// thrown into a request.
import { shanghaiDay } from '../../../domain/common/dates.ts';
import type { AppContext } from '../../context.ts';
import { dispatchPending } from './notifications.dispatch.ts';
import type { NotificationHub } from './notifications.hub.ts';
import { produceReminders } from './notifications.reminders.ts';
import { type Poster, deliverDue, fetchPoster } from './notifications.webhook.ts';

export interface NotifierOptions {
  hub: NotificationHub;
  post?: Poster;
  log?: (msg: string, err?: unknown) => void;
}

export class Notifier {
  private chain: Promise<void> = Promise.resolve();
  private queued = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly ctx: AppContext, private readonly opts: NotifierOptions) {}

  /** After a write: dispatch soon (several nudges in a row make one cycle). */
  nudge(): void {
    if (this.queued || this.stopped) return;
    this.queued = true;
    this.chain = this.chain.then(async () => {
      this.queued = false;
      await this.guard(() => this.dispatchAll());
    });
  }

  /** The timer's cycle, also callable directly (tests, a command): reminders, dispatch, deliveries. */
  cycle(): Promise<void> {
    if (this.stopped) return this.chain;
    this.chain = this.chain.then(() => this.guard(async () => {
      await produceReminders(this.ctx.db, shanghaiDay(this.ctx.clock.now()));
      await this.dispatchAll();
      await deliverDue(this.ctx.db, this.ctx.clock.now(), this.opts.post ?? fetchPoster);
    }));
    return this.chain;
  }

  /** Dispatches the outbox now, after whatever is already running (tests, a command). */
  flush(): Promise<void> {
    this.chain = this.chain.then(() => this.guard(() => this.dispatchAll()));
    return this.chain;
  }

  /** Resolves once every cycle started so far has finished. */
  settled(): Promise<void> {
    return this.chain;
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    void this.cycle();
    this.timer = setInterval(() => void this.cycle(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.chain;
  }

  private async dispatchAll(): Promise<void> {
    for (;;) {
      const r = await dispatchPending(this.ctx.db, this.ctx.clock.now(), this.ctx.config.publicUrl ?? null);
      if (r.users.length) await this.opts.hub.publish(r.users);
      if (r.dispatched === 0) return;
    }
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      (this.opts.log ?? ((m, err) => console.error(m, err)))('notifications: a cycle failed; it runs again on the next one', e);
    }
  }
}
