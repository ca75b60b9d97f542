/** A task's fields as people type them into a form, read as the task's values. */

/** A picked id, or null for the empty choice. */
export function idOrNull(value: string): number | null {
  return value.trim() ? Number(value) : null;
}

/** A date and an optional time as one deadline (`2026-03-31T17:00`), or null without a date. */
export function deadlineFrom(date: string, time: string): string | null {
  if (!date) return null;
  return time.trim() ? `${date}T${time.trim()}` : date;
}

/** Hours as typed (`1.5`, `1,5`) in whole minutes; null when empty, NaN when not a number (the schema refuses it). */
export function minutesFromHours(text: string): number | null {
  const hours = text.trim().replace(',', '.');
  return hours === '' ? null : Math.round(Number(hours) * 60);
}

/** A comma-separated list of labels, empty ones dropped. */
export function labelsFrom(text: string): string[] {
  return text
    .split(',')
    .map((label) => label.trim())
    .filter(Boolean);
}
