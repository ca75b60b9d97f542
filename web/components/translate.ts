import i18next from 'i18next';

/** Looks up a key built at run time (e.g. from an error code); `null` when the catalogs lack it. */
export function translateDynamic(key: string, options?: Record<string, unknown>): string | null {
  if (!i18next.exists(key, options)) return null;
  return (i18next.t as unknown as (key: string, options?: Record<string, unknown>) => string)(key, options);
}
