/** Grouping notifications by calendar day in the organization's time zone (pure). */

/** `YYYY-MM-DD` of an instant in a time zone (the browser's own when none is given). */
export function dayKey(instant: Date, timeZone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', options);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The day before a `YYYY-MM-DD` key. */
export function previousDay(key: string): string {
  const date = new Date(`${key}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export interface DayGroup<T> {
  key: string;
  items: T[];
}

/** Consecutive runs of items on the same day; the input is already newest first. */
export function groupByDay<T extends { createdAt: string }>(items: readonly T[], timeZone: string | undefined): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const key = dayKey(new Date(item.createdAt), timeZone);
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
}

export type DayName = { kind: 'today' } | { kind: 'yesterday' } | { kind: 'date'; sameYear: boolean };

export function nameDay(key: string, now: Date, timeZone: string | undefined): DayName {
  const today = dayKey(now, timeZone);
  if (key === today) return { kind: 'today' };
  if (key === previousDay(today)) return { kind: 'yesterday' };
  return { kind: 'date', sameYear: key.slice(0, 4) === today.slice(0, 4) };
}
