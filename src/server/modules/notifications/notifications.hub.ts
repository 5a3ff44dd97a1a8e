// Live updates over server-sent events: each open stream of a user hears when that user's unread
// count changes. In-process (one server); a stream is cheap: a socket and a heartbeat.
import type { ServerResponse } from 'node:http';

const HEARTBEAT_MS = 25_000;

export class NotificationHub {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly unreadOf: (userId: string) => Promise<number>) {
    // A comment line now and then keeps proxies and phones from closing an idle stream.
    this.timer = setInterval(() => {
      for (const set of this.streams.values()) for (const s of set) s.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Takes over a response as an event stream for `userId` and sends the current count. */
  async open(userId: string, res: ServerResponse): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies must not buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.write('retry: 5000\n\n');
    const set = this.streams.get(userId) ?? new Set<ServerResponse>();
    set.add(res);
    this.streams.set(userId, set);
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0) this.streams.delete(userId);
    });
    await this.send(userId, [res]);
  }

  /** Tells every open stream of these users their new unread count. */
  async publish(userIds: Iterable<string>): Promise<void> {
    await Promise.all([...userIds].filter((u) => this.streams.has(u)).map((u) => this.send(u, [...this.streams.get(u)!])));
  }

  get openStreams(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.size;
    return n;
  }

  close(): void {
    clearInterval(this.timer);
    for (const set of this.streams.values()) for (const s of set) s.end();
    this.streams.clear();
  }

  private async send(userId: string, to: ServerResponse[]): Promise<void> {
    const unread = await this.unreadOf(userId);
    for (const s of to) s.write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
  }
}
