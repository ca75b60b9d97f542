/**
 * One shared clock for every running-timer display: a single interval while anything shows a
 * ticking time, none otherwise, so all of them change second in the same frame.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let interval: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function onVisible(): void {
  // Background tabs tick slowly; catch up the moment the tab is seen again.
  if (document.visibilityState === 'visible') tick();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (interval === undefined) {
    now = Date.now();
    interval = setInterval(tick, 1000);
    document.addEventListener('visibilitychange', onVisible);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval !== undefined) {
      clearInterval(interval);
      interval = undefined;
      document.removeEventListener('visibilitychange', onVisible);
    }
  };
}

const still = () => () => {};

const snapshot = () => now;

/** The current time in milliseconds, updated each second while `ticking` (stale otherwise). */
export function useNow(ticking = true): number {
  return useSyncExternalStore(ticking ? subscribe : still, snapshot);
}
