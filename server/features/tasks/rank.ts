/**
 * Order keys for manual ordering (queues, backlogs): strings that sort byte-wise, with a key between
 * any two, so moving a task rewrites only that task. A key is an integer part (a head letter giving its
 * length, then base-62 digits) and an optional fraction; appending increments the integer part, so keys
 * grow with the logarithm of the list's length, and inserting between two keys bisects the fraction.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
export const FIRST_RANK = 'a0';

function digit(character: string | undefined): number {
  return character === undefined ? 0 : DIGITS.indexOf(character);
}

/** Integer part length including its head: 'a' → 2 ('a0'), 'b' → 3; 'Z' → 2, 'Y' → 3 (below 'a0'). */
function integerLength(head: string): number {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 97 + 2;
  if (head >= 'A' && head <= 'Z') return 90 - head.charCodeAt(0) + 2;
  throw new Error(`invalid rank head: ${head}`);
}

function split(key: string): [string, string] {
  const length = integerLength(key[0] ?? '');
  return [key.slice(0, length), key.slice(length)];
}

/** The next integer part, or undefined past the largest one. */
function increment(integer: string): string | undefined {
  const head = integer[0]!;
  const digits = integer.slice(1).split('');
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    const value = digit(digits[index]) + 1;
    if (value < BASE) {
      digits[index] = DIGITS[value]!;
      return head + digits.join('');
    }
    digits[index] = '0';
  }
  // Every digit carried over: the next head, whose integers are one digit longer (positive) or shorter (negative).
  if (head === 'Z') return 'a0';
  if (head === 'z') return undefined;
  const nextHead = String.fromCharCode(head.charCodeAt(0) + 1);
  return nextHead + '0'.repeat(integerLength(nextHead) - 1);
}

/** The previous integer part, or undefined below the smallest one. */
function decrement(integer: string): string | undefined {
  const head = integer[0]!;
  const digits = integer.slice(1).split('');
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    const value = digit(digits[index]) - 1;
    if (value >= 0) {
      digits[index] = DIGITS[value]!;
      return head + digits.join('');
    }
    digits[index] = DIGITS[BASE - 1]!;
  }
  if (head === 'a') return `Z${DIGITS[BASE - 1]}`;
  if (head === 'A') return undefined;
  const previousHead = String.fromCharCode(head.charCodeAt(0) - 1);
  return previousHead + DIGITS[BASE - 1]!.repeat(integerLength(previousHead) - 1);
}

/** A fraction strictly between `low` and `high` (undefined: no upper bound); never ends in '0'. */
function midpoint(low: string, high: string | undefined): string {
  let result = '';
  let upper = high;
  for (let index = 0; ; index += 1) {
    const lowDigit = digit(low[index]);
    const highDigit = upper === undefined ? BASE : index < upper.length ? digit(upper[index]) : BASE;
    if (lowDigit === highDigit) {
      result += DIGITS[lowDigit];
      continue;
    }
    const middle = Math.floor((lowDigit + highDigit) / 2);
    if (middle > lowDigit) return result + DIGITS[middle];
    // Adjacent digits: keep low's digit; from here on only low bounds the result.
    result += DIGITS[lowDigit];
    upper = undefined;
  }
}

/** A key strictly between `before` and `after` (either may be absent: the start or end of the list). */
export function rankBetween(before: string | null | undefined, after: string | null | undefined): string {
  if (before && after && before >= after) throw new Error(`rank ${before} is not before ${after}`);
  if (!before && !after) return FIRST_RANK;
  if (!before) {
    const [integer, fraction] = split(after!);
    if (fraction !== '') return integer;
    return decrement(integer) ?? integer + midpoint('', fraction);
  }
  const [integer, fraction] = split(before);
  if (!after) return increment(integer) ?? integer + midpoint(fraction, undefined);
  const [afterInteger, afterFraction] = split(after);
  if (integer === afterInteger) return integer + midpoint(fraction, afterFraction);
  const next = increment(integer);
  return next !== undefined && next < after ? next : integer + midpoint(fraction, undefined);
}

/** `count` increasing keys after `start` (bulk imports and seeds). */
export function ranksAfter(start: string | null, count: number): string[] {
  const ranks: string[] = [];
  let previous = start;
  for (let index = 0; index < count; index += 1) {
    previous = rankBetween(previous, null);
    ranks.push(previous);
  }
  return ranks;
}
