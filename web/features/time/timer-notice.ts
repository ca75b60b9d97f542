/**
 * The short confirmation after a timer starts, stops or switches ("Stopped WEB-3 — 0:25 recorded"),
 * wherever the button was pressed; the header shows it. Only a message, never server data.
 */
import { useSyncExternalStore } from 'react';

export interface TimerNotice {
  id: number;
  text: string;
  tone: 'success' | 'error';
}

let current: TimerNotice | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function showTimerNotice(text: string, tone: TimerNotice['tone'] = 'success'): void {
  current = { id: nextId++, text, tone };
  emit();
}

export function dismissTimerNotice(id: number): void {
  if (current?.id !== id) return;
  current = null;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTimerNotice(): TimerNotice | null {
  return useSyncExternalStore(subscribe, () => current);
}
