/** Runs a change in a transaction that may emit live-update events; open screens hear of it after commit. */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { type NewEvent, recordEvent } from './events.repository.js';

export type Emit = (event: Omit<NewEvent, 'organizationId'>) => Promise<void>;

export async function changeWithEvents<T>(
  deps: Deps,
  organizationId: number,
  change: (tx: Kysely<Schema>, emit: Emit) => Promise<T>,
): Promise<T> {
  let emitted = false;
  const result = await deps.database.db.transaction().execute((tx) =>
    change(tx, async (event) => {
      emitted = true;
      await recordEvent(tx, deps.database.engine, { ...event, organizationId }, deps.clock.now());
    }),
  );
  if (emitted) deps.realtime.changed(organizationId);
  return result;
}
