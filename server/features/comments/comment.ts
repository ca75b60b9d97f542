/** Comment rules, pure: who a comment mentions, and the short excerpt history keeps of it. */

/** Someone a comment may mention: an active member of the task's project. */
export interface Mentionable {
  id: number;
  name: string;
  email: string;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** Code spans and fenced blocks are blanked (same length) so `@decorator` in code mentions nobody. */
function maskCode(text: string): string {
  const blank = (match: string) => match.replace(/[^\n]/g, ' ');
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1[^\n]*$|(?![\s\S]))/gm, blank).replace(/(`+)[^`\n]+?\1/g, blank);
}

/** A mention ends where a word does: `@Ann.` and `@Ann's` name Ann, `@Anna` and `@Ann-Marie` do not. */
function endsWord(text: string, index: number): boolean {
  const next = text[index];
  if (next === undefined) return true;
  if (next === '.') return !WORD_CHAR.test(text[index + 1] ?? '');
  return !WORD_CHAR.test(next) && next !== '@' && next !== '-';
}

function startsWith(text: string, index: number, candidate: string): boolean {
  return candidate.length > 0 && text.slice(index, index + candidate.length).toLowerCase() === candidate.toLowerCase();
}

/**
 * Ids of the people a Markdown body mentions, in order of first mention: `@Full Name`
 * (case-insensitive; the longest matching name wins, so `@Ann Lee` beats `@Ann`) or `@email`.
 * Names of people who cannot be mentioned stay plain text.
 */
export function findMentions(body: string, people: readonly Mentionable[]): number[] {
  const text = maskCode(body.normalize('NFC'));
  const candidates = people.flatMap((person) => [
    { id: person.id, token: person.name.normalize('NFC').trim() },
    { id: person.id, token: person.email },
  ]);
  const found: number[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHAR.test(text[at - 1]!)) continue; // part of an address or a word, not a mention
    let best: { id: number; length: number } | undefined;
    for (const candidate of candidates) {
      const length = candidate.token.length;
      if (startsWith(text, at + 1, candidate.token) && endsWord(text, at + 1 + length) && length > (best?.length ?? 0)) {
        best = { id: candidate.id, length };
      }
    }
    if (!best) continue;
    if (!found.includes(best.id)) found.push(best.id);
    at += best.length;
  }
  return found;
}

/** The first words of a comment, on one line, for the task's history. */
export function excerptOf(body: string, maxLength = 140): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const characters = Array.from(flat);
  return characters.length <= maxLength
    ? flat
    : `${characters
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd()}…`;
}
