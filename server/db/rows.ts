/** Mapping between stored values and domain values, the same for both engines. */

/** An instant as stored: ISO-8601 UTC with milliseconds, so text comparison orders correctly on SQLite. */
export function toStored(date: Date): string {
  return date.toISOString();
}

export function fromStored(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function isoFromStored(value: Date | string): string {
  return fromStored(value).toISOString();
}

export function optionalIsoFromStored(value: Date | string | null): string | null {
  return value === null ? null : isoFromStored(value);
}

export function fromStoredBool(value: boolean | number): boolean {
  return value === true || value === 1;
}
