/**
 * Fans committed events out to open connections. A change tells the hub "organization N changed"
 * (directly after commit in this process, and through PostgreSQL LISTEN/NOTIFY from any process);
 * the hub reads the new events once per organization and offers each to the connections allowed to see it.
 */
import pg from 'pg';
import type { RealtimeEvent } from '../../shared/events.js';
import type { Database } from '../db/database.js';
import { eventsSince, latestSeq, NOTIFY_CHANNEL } from './events.repository.js';

export interface Subscriber {
  organizationId: number;
  /** Delivers one event if this subscriber may see it. */
  offer(event: RealtimeEvent): void;
  /** Ends the connection (server shutting down). */
  close(): void;
}

interface OrganizationFeed {
  subscribers: Set<Subscriber>;
  lastSeq: number;
  /** Reads are chained, so events go out once and in order. */
  reading: Promise<void>;
}

const BATCH = 500;

export class Hub {
  private readonly feeds = new Map<number, OrganizationFeed>();
  private listener: pg.Client | undefined;
  private closed = false;

  constructor(private readonly database: Database) {}

  /** On PostgreSQL, listen for changes committed by any Spine process. */
  async start(databaseUrl: string | undefined, pgSchema?: string): Promise<void> {
    if (this.database.engine !== 'postgres' || !databaseUrl) return;
    const client = new pg.Client({ connectionString: databaseUrl, ...(pgSchema ? { options: `-c search_path=${pgSchema}` } : {}) });
    client.on('notification', (message) => {
      const organizationId = Number(message.payload);
      if (Number.isInteger(organizationId)) this.changed(organizationId);
    });
    client.on('error', () => {
      // A lost listener reconnects; meanwhile local changes still flow, and clients catch up by sequence.
      if (!this.closed) setTimeout(() => void this.reconnect(databaseUrl, pgSchema), 1000).unref();
    });
    await client.connect();
    await client.query(`listen ${NOTIFY_CHANNEL}`);
    this.listener = client;
  }

  private async reconnect(databaseUrl: string, pgSchema?: string): Promise<void> {
    await this.listener?.end().catch(() => {});
    this.listener = undefined;
    try {
      await this.start(databaseUrl, pgSchema);
      for (const organizationId of this.feeds.keys()) this.changed(organizationId);
    } catch {
      if (!this.closed) setTimeout(() => void this.reconnect(databaseUrl, pgSchema), 2000).unref();
    }
  }

  async subscribe(subscriber: Subscriber): Promise<void> {
    let feed = this.feeds.get(subscriber.organizationId);
    if (!feed) {
      feed = { subscribers: new Set(), lastSeq: await latestSeq(this.database.db, subscriber.organizationId), reading: Promise.resolve() };
      const existing = this.feeds.get(subscriber.organizationId);
      if (existing) feed = existing;
      else this.feeds.set(subscriber.organizationId, feed);
    }
    feed.subscribers.add(subscriber);
  }

  unsubscribe(subscriber: Subscriber): void {
    const feed = this.feeds.get(subscriber.organizationId);
    if (!feed) return;
    feed.subscribers.delete(subscriber);
    if (feed.subscribers.size === 0) this.feeds.delete(subscriber.organizationId);
  }

  /** Something committed in this organization: deliver its new events. */
  changed(organizationId: number): void {
    const feed = this.feeds.get(organizationId);
    if (!feed) return;
    feed.reading = feed.reading.then(() => this.deliver(organizationId, feed)).catch(() => {});
  }

  private async deliver(organizationId: number, feed: OrganizationFeed): Promise<void> {
    for (;;) {
      const events = await eventsSince(this.database.db, organizationId, feed.lastSeq, BATCH);
      for (const event of events) {
        feed.lastSeq = event.seq;
        for (const subscriber of feed.subscribers) subscriber.offer(event);
      }
      if (events.length < BATCH) return;
    }
  }

  connectionCount(): number {
    let count = 0;
    for (const feed of this.feeds.values()) count += feed.subscribers.size;
    return count;
  }

  /** Ends every open stream (so HTTP shutdown is not held up by them) and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    for (const feed of this.feeds.values()) for (const subscriber of feed.subscribers) subscriber.close();
    this.feeds.clear();
    await this.listener?.end().catch(() => {});
  }
}
