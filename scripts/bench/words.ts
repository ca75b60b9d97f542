/**
 * Words for seeded titles and descriptions: real project-work words interleaved with made-up ones,
 * drawn with a Zipf distribution so search meets common, medium and rare words as in real text.
 */
import type { Random } from './random.js';

const REAL_WORDS = `
design logo homepage invoice client meeting review budget release banner newsletter brochure
campaign website landing page form checkout payment login signup account report dashboard export
import migration database backup server deploy staging production bug crash fix test coverage
translation copy text headline caption photo image video animation icon font colour palette
brand guideline sketch wireframe prototype mockup feedback approval contract proposal estimate
quote timeline milestone deadline sprint backlog ticket support email call workshop interview
survey research analytics tracking pixel cookie consent privacy policy terms accessibility
contrast keyboard screen reader mobile tablet desktop layout grid spacing footer header menu
navigation search filter sort pagination table chart graph map calendar booking reservation
order cart shipping delivery warehouse stock catalogue product price discount coupon voucher
subscription renewal cancellation refund receipt tax vat currency rate hours timesheet
onboarding training manual documentation readme changelog roadmap strategy audit performance
speed cache latency memory upload download attachment pdf spreadsheet presentation slides
poster flyer packaging label sticker print proof paper illustration storyboard script voiceover
podcast episode interview press release media kit social post instagram linkedin twitter
ads keyword seo ranking sitemap redirect domain certificate hosting dns firewall monitoring
alert incident outage rollback hotfix patch upgrade dependency library framework plugin widget
`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tu',
  'sa',
  'vel',
  'dor',
  'qui',
  'ban',
  'zi',
  'mor',
  'pe',
  'lin',
  'ox',
  'ta',
  'gri',
  'nu',
  'fa',
  'shen',
];

function madeUpWords(count: number, taken: Set<string>): string[] {
  const words: string[] = [];
  for (let index = 0; words.length < count; index += 1) {
    let value = index;
    let word = '';
    do {
      word += SYLLABLES[value % SYLLABLES.length];
      value = Math.floor(value / SYLLABLES.length);
    } while (value > 0);
    word += SYLLABLES[(index * 7) % SYLLABLES.length];
    if (!taken.has(word)) {
      taken.add(word);
      words.push(word);
    }
  }
  return words;
}

export const VOCABULARY_SIZE = 4000;

/** The vocabulary in Zipf rank order: a real word every fourth rank until they run out. */
export const VOCABULARY: readonly string[] = (() => {
  const taken = new Set(REAL_WORDS);
  const madeUp = madeUpWords(VOCABULARY_SIZE, taken);
  const words: string[] = [];
  let real = 0;
  let fake = 0;
  while (words.length < VOCABULARY_SIZE) {
    if (words.length % 4 === 0 && real < REAL_WORDS.length) words.push(REAL_WORDS[real++]!);
    else words.push(madeUp[fake++]!);
  }
  return words;
})();

const CUMULATIVE: Float64Array = (() => {
  const cumulative = new Float64Array(VOCABULARY.length);
  let total = 0;
  for (let rank = 0; rank < VOCABULARY.length; rank += 1) {
    total += 1 / (rank + 1);
    cumulative[rank] = total;
  }
  for (let rank = 0; rank < cumulative.length; rank += 1) cumulative[rank]! /= total;
  return cumulative;
})();

export function zipfWord(random: Random): string {
  const target = random.next();
  let low = 0;
  let high = CUMULATIVE.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (CUMULATIVE[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return VOCABULARY[low]!;
}

const VERBS = [
  'Design',
  'Review',
  'Update',
  'Fix',
  'Write',
  'Prepare',
  'Draft',
  'Migrate',
  'Plan',
  'Test',
  'Deploy',
  'Translate',
  'Export',
  'Check',
  'Schedule',
  'Send',
  'Order',
  'Refactor',
  'Document',
  'Present',
];

export function title(random: Random, client: string): string {
  const extra = random.chance(0.5) ? ` ${zipfWord(random)}` : '';
  return `${random.pick(VERBS)} ${zipfWord(random)}${extra} for ${client}`;
}

export function description(random: Random): string {
  const count = random.int(8, 40);
  const words: string[] = [];
  for (let index = 0; index < count; index += 1) words.push(zipfWord(random));
  return `${words.join(' ')}.`;
}

/** Search words by frequency: a common one (~1 document in 10), medium ones, rare ones. */
export const SEARCH_WORDS = {
  common: [VOCABULARY[12]!, VOCABULARY[16]!],
  medium: [VOCABULARY[200]!, VOCABULARY[240]!, VOCABULARY[320]!, VOCABULARY[400]!],
  rare: [VOCABULARY[2000]!, VOCABULARY[2400]!, VOCABULARY[3000]!, VOCABULARY[3600]!],
};
