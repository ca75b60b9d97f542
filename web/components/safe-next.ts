/** Only same-site paths are followed after sign-in (no `//evil.example`, no absolute URLs). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
