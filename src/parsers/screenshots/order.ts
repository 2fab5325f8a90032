/**
 * Putting unordered screenshots of one scrolled chat back in order (sequence assembly).
 *
 * Screenshots of a scrolled thread overlap: the bubbles at the bottom of one are the bubbles at
 * the top of the next. So:
 *
 * 1. Every item is compared tolerantly (OCR noise, cut bubbles); see `matchItems`.
 * 2. A screenshot whose items all appear, in order, inside another one (the same screen taken
 *    twice, or a smaller view of it) is *contained*: it adds no messages and is placed right
 *    after the screenshot that contains it.
 * 3. Every ordered pair A→B of the remaining screenshots is scored by the longest suffix of A's
 *    items that equals a prefix of B's items, weighted by how informative the matched items are
 *    (`evidence`). A join needs at least one long, fully visible item to match, so repeated
 *    short messages ("ok", "👍") never join two screenshots on their own.
 * 4. Joins are chosen greedily, strongest evidence first, each screenshot getting at most one
 *    predecessor and one successor and no cycles: the classic greedy for shortest common
 *    superstrings, which is right whenever the true overlaps are the strongest ones (a screenshot
 *    overlaps the next one at least as much as any later one).
 * 5. The resulting chains ("pieces") share no overlap; they are ordered by hints (separator dates,
 *    capture times, file names) and joined as gaps.
 * 6. The items of the overlaps are kept once (see `chooseCopy`).
 *
 * Everything is sorted by file name first and every tie is broken by that order, so the result
 * does not depend on the order of the input.
 */
import type { DaySeparator, OrderedConversation, PlacedItem, PlacedScreen, ScreenHint, ScreenItem, ScreenLayout } from './types';

/**
 * Two texts are the same item when their normalised edit distance is at most this (and one edit
 * is always allowed from 4 characters on, or a single misread letter would split "Dank je").
 * Each copy carries its own OCR errors, so two copies differ about twice as much as either
 * differs from the truth: on the synthetic sets 0.15 missed 1.5% of the joins at 0.5–4% noise
 * per copy, 0.2 misses 0.1% and joins nothing falsely.
 */
const MAX_DISTANCE_RATIO = 0.2;
/**
 * Texts further apart than MAX_DISTANCE_RATIO but within this are *doubtful*: probably the same
 * item read badly. A doubtful item does not break an overlap, but costs DOUBT_PENALTY evidence;
 * texts further apart still are different items and break it.
 */
const DOUBTFUL_DISTANCE_RATIO = 0.4;
const DOUBT_PENALTY = 0.25;
/** A matched item this long (normalised characters) is informative enough to carry a join. */
const NON_TRIVIAL_LENGTH = 8;
/** An item's weight grows with its length up to this many normalised characters. */
const FULL_WEIGHT_LENGTH = 12;
/** A cut item's visible part shorter than this says nothing: it matches anything of its kind and side. */
const MIN_PARTIAL_LENGTH = 4;
/** A partial (cut) match is weaker evidence than a whole one: the rest of the text is unseen. */
const PARTIAL_QUALITY = 0.5;
/** A cut item showing at least this share of the other copy's text is compared as a whole item. */
const NEARLY_WHOLE_SHARE = 0.9;

/**
 * An item this short (normalised characters) or this unsure (mean word confidence) may be read on
 * one screenshot and not on the other — an emoji alone is missed on one and read as a stray
 * letter ("f", "ds", "&") on the next — so an overlap may pass over it on either side, at a cost
 * of SKIP_PENALTY evidence, at most MAX_SKIPS times per join. The cost is above DOUBT_PENALTY:
 * two copies read a little differently ("Ja", "wa") are paired rather than both left over.
 */
const SKIPPABLE_LENGTH = 3;
const SKIPPABLE_CONFIDENCE = 0.5;
const SKIP_PENALTY = 0.3;
const MAX_SKIPS = 2;

/** joinConfidence of gaps, by the hint that ordered the pieces on either side. */
const GAP_CONFIDENCE = { separator: 0.1, capture: 0.05, fileName: 0 } as const;

/**
 * Text as compared between screenshots: case, accents, whitespace and punctuation dropped, and
 * characters OCR commonly confuses folded together (0/o, 1/l/i/|, 5/s, 8/b, rn/m, vv/w, cl/d) —
 * both copies are folded the same way, so folding only costs a little discrimination.
 * Letters, digits and symbols (emoji) are kept.
 */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/cl/g, 'd')
    .replace(/0/g, 'o')
    .replace(/[1l|]/g, 'i')
    .replace(/5/g, 's')
    .replace(/8/g, 'b')
    .replace(/[^\p{L}\p{N}\p{S}]/gu, '');
}

/**
 * How sure a join is, from its evidence: the sum over the overlap's items of weight × quality,
 * where the weight (0–1) grows with the text's length up to 12 characters, the quality is 1 for
 * an exact match, 0.5–1 for a fuzzy one (1 − 2 × edits / length) and 0.5 for a cut item
 * matching as a prefix/suffix; a separator naming the same date counts 1, a doubtful item −0.25.
 * Confidence is 0.2 + 0.25 per unit of evidence, at most 0.99: one long item matched with 10%
 * edits ≈ 0.4, one exactly 0.45, three exactly 0.95.
 */
export function joinConfidence(evidence: number): number {
  return Math.min(0.99, 0.2 + 0.25 * evidence);
}

/** Which edge of the screen cuts an item: its visible text is a prefix (`bottom`) or suffix (`top`). */
type Cut = 'none' | 'top' | 'bottom' | 'both';

interface PreparedItem {
  /** Unique over all screenshots: the key of the match cache. */
  id: number;
  item: ScreenItem;
  /** `left`/`right` for bubbles, `separator` for separators: items only match the same. */
  lane: string;
  chars: string[];
  /**
   * For a cut item: its text without the line at the cut edge, which is often half a line read
   * as garbage. Empty when nothing else is visible.
   */
  trustedChars: string[];
  time: string | undefined;
  cut: Cut;
  /** Possibly read on one screenshot only (see SKIPPABLE_LENGTH). */
  skippable: boolean;
}

interface PreparedScreen {
  /** Position in the order sorted by file name: the tie-breaker everywhere. */
  rank: number;
  layout: ScreenLayout;
  items: PreparedItem[];
  /** Capture time in ms (wall clock read as UTC), when the hints give one. */
  capturedAt: number | undefined;
  /** The earliest day separator, resolved to ms (wall clock read as UTC), when one resolves. */
  earliestSeparator: number | undefined;
  separators: DaySeparator[];
}

/** What matching two items says. A mismatch is `null`. */
interface ItemMatch {
  /**
   * weight × quality; 0 when the items could not be compared (a cut item too short or garbled);
   * negative for a doubtful match.
   */
  evidence: number;
  /** A long, whole item matched: enough to join two screenshots. */
  nonTrivial: boolean;
}

const UNCOMPARABLE: ItemMatch = { evidence: 0, nonTrivial: false };
const DOUBTFUL: ItemMatch = { evidence: -DOUBT_PENALTY, nonTrivial: false };

/** A run of items of one screenshot matched, item by item, with a run of another's. */
interface Alignment {
  evidence: number;
}

/** The end of one screenshot matched with the start of another: which items are the same. */
interface Overlap {
  evidence: number;
  /** Index in the earlier screenshot, index in the later one; both rising. */
  pairs: Array<[number, number]>;
}

/** A step of the overlap alignment (see `ItemMatcher.overlap`). */
interface OverlapCell {
  evidence: number;
  nonTrivial: boolean;
  skips: number;
  pairs: number;
  /** The cell this one came from, and whether by matching the items there. */
  from: [number, number] | null;
  matched: boolean;
}

/**
 * The screenshots of one conversation in order, joined where they overlap, with the
 * conversation's items once each. `hints` (capture times) only break ties and order pieces
 * that share no overlap. The same input in any order gives the same result.
 */
export function orderScreens(layouts: readonly ScreenLayout[], hints: readonly ScreenHint[] = []): OrderedConversation {
  const screens = prepareScreens(layouts, hints);
  const matcher = new ItemMatcher();

  // 2. Contained screenshots: set aside, attached to the screenshot they lie in.
  const containers = findContainers(screens, matcher);
  const roots = screens.filter((screen) => !containers.has(screen.rank));

  // 3–4. Overlaps between the others, joined greedily.
  const joins = chooseJoins(roots, matcher);

  // 5. Chains into pieces, pieces into the order the hints give.
  const chains = buildChains(roots, joins);
  if (screens.every((screen) => screen.capturedAt === undefined)) {
    const day = nominalCaptureDay(chains, screens);
    for (const screen of screens) screen.earliestSeparator = earliestSeparator(screen.separators, day, NOMINAL_UNDATED_YEAR);
  }
  const pieces = orderPieces(chains, screens, containers, captureDirection(screens, joins));

  // 6. Screens and items in order.
  return assemble(pieces, screens, containers, joins);
}

// ---------------------------------------------------------------------------------------------
// Preparation

function prepareScreens(layouts: readonly ScreenLayout[], hints: readonly ScreenHint[]): PreparedScreen[] {
  const sorted = [...layouts].sort((a, b) => compareStrings(a.file, b.file) || compareStrings(JSON.stringify(a), JSON.stringify(b)));
  const captureByFile = new Map<string, number>();
  for (const hint of hints) {
    const ms = hint.capturedAt === undefined ? undefined : parseWallClock(hint.capturedAt);
    if (ms === undefined) continue;
    const known = captureByFile.get(hint.file);
    if (known === undefined || ms < known) captureByFile.set(hint.file, ms);
  }
  const captures = [...captureByFile.values()];
  const earliestCapture = captures.length ? Math.min(...captures) : undefined;

  let nextItemId = 0;
  return sorted.map((layout, rank) => {
    const capturedAt = captureByFile.get(layout.file);
    const last = layout.items.length - 1;
    const items = layout.items.map((item, index): PreparedItem => {
      const top = index === 0 && layout.cutTop;
      const bottom = index === last && layout.cutBottom;
      const lines = item.text.split('\n');
      const trustedLines = lines.length < 2 ? [] : top ? lines.slice(1) : bottom ? lines.slice(0, -1) : lines;
      return {
        id: nextItemId++,
        item,
        lane: item.kind === 'bubble' ? item.side : 'separator',
        chars: Array.from(normaliseForMatch(item.text)),
        trustedChars: Array.from(normaliseForMatch(trustedLines.join(' '))),
        time: item.kind === 'bubble' && item.time !== undefined ? normaliseForMatch(item.time) : undefined,
        cut: top && bottom ? 'both' : top ? 'top' : bottom ? 'bottom' : 'none',
        skippable: item.kind === 'bubble' && (Array.from(normaliseForMatch(item.text)).length <= SKIPPABLE_LENGTH || item.confidence < SKIPPABLE_CONFIDENCE),
      };
    });
    const separators = layout.items.filter((item): item is DaySeparator => item.kind === 'separator');
    return { rank, layout, items, capturedAt, separators, earliestSeparator: earliestSeparator(separators, capturedAt ?? earliestCapture) };
  });
}

function earliestSeparator(separators: readonly DaySeparator[], capturedAt: number | undefined, undatedYear?: number): number | undefined {
  const times = separators.map((separator) => resolveSeparator(separator, capturedAt, undatedYear)).filter((ms): ms is number => ms !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/**
 * A stand-in for the capture day when no screenshot has a capture time. "Vandaag", "Gisteren" and
 * weekdays count from the day the screenshots were taken — one day for a set taken minutes
 * apart — so they compare among themselves against any common day: one far after every date a
 * separator names. Dates without a year (this year's, as the apps show them) all take one year
 * before it (NOMINAL_UNDATED_YEAR), so none wraps into another year and all follow those dated
 * another year and precede the last week's. Its weekday is the one that contradicts the separators least: the
 * separators of each chain (screenshots joined by overlap, in order) run forwards, and a weekday
 * names a day two to six days back (the day before is "Gisteren", a week back a date) — a chain
 * showing "Donderdag … Maandag, Gisteren" was taken on a Wednesday.
 */
function nominalCaptureDay(chains: readonly number[][], screens: readonly PreparedScreen[]): number {
  // A year after NOMINAL_UNDATED_YEAR's end: its last week lies after every undated date too.
  const first = Date.UTC(NOMINAL_UNDATED_YEAR + 2, 0, 1);
  let best = first;
  let fewest = Infinity;
  for (let weekday = 0; weekday < 7; weekday++) {
    const day = first + weekday * DAY_MS;
    let backwards = 0;
    for (const screen of screens) {
      for (const separator of screen.separators) {
        const date = separator.date;
        if (!date || !('weekday' in date)) continue;
        const daysBack = (new Date(day).getUTCDay() - date.weekday + 7) % 7;
        if (daysBack < 2) backwards++; // 1: yesterday ("Gisteren"); 0: a week back (a date)
      }
    }
    for (const chain of chains) {
      const times = chain
        .flatMap((rank) => screens[rank].separators.map((separator) => resolveSeparator(separator, day, NOMINAL_UNDATED_YEAR)))
        .filter((ms): ms is number => ms !== undefined);
      for (let i = 1; i < times.length; i++) if (times[i] < times[i - 1]) backwards++;
    }
    if (backwards < fewest) [best, fewest] = [day, backwards];
  }
  return best;
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `YYYY-MM-DDTHH:MM[:SS]` → ms, reading the wall clock as UTC (only differences matter). */
function parseWallClock(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!m) return undefined;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
}

const DAY_MS = 86_400_000;
/** Without capture times: the year dates without one are put in (the nominal capture day is in the year after the next). */
const NOMINAL_UNDATED_YEAR = 2100;

/**
 * A separator's date and time in ms (wall clock as UTC), as far as it can be known. Relative
 * days (`Vandaag` 0, `Gisteren` −1) and weekdays (0 = Sunday, as `Date.getDay`; the most recent
 * such day before the capture day, as phones show weekdays only for the last week) need the
 * capture date. A date without a year takes the capture's year (the year before when it would be
 * after the capture); without any capture time, the year 2000, so year-less dates at least
 * compare among themselves. No time reads as the start of the day.
 */
function resolveSeparator(separator: DaySeparator, capturedAt: number | undefined, undatedYear?: number): number | undefined {
  const date = separator.date;
  if (!date) return undefined;
  const captureDay = capturedAt === undefined ? undefined : Math.floor(capturedAt / DAY_MS) * DAY_MS;
  let day: number;
  if ('relativeDays' in date) {
    if (captureDay === undefined) return undefined;
    day = captureDay + date.relativeDays * DAY_MS;
  } else if ('weekday' in date) {
    if (captureDay === undefined) return undefined;
    const captureWeekday = new Date(captureDay).getUTCDay();
    const daysBack = (captureWeekday - date.weekday + 7) % 7 || 7;
    day = captureDay - daysBack * DAY_MS;
  } else if (date.year !== undefined) {
    day = Date.UTC(date.year, date.month - 1, date.day);
  } else if (undatedYear !== undefined) {
    day = Date.UTC(undatedYear, date.month - 1, date.day);
  } else if (captureDay !== undefined) {
    const captureYear = new Date(captureDay).getUTCFullYear();
    day = Date.UTC(captureYear, date.month - 1, date.day);
    if (day > captureDay) day = Date.UTC(captureYear - 1, date.month - 1, date.day);
  } else {
    day = Date.UTC(2000, date.month - 1, date.day);
  }
  const time = separator.time === undefined ? null : /^(\d{1,2})[:.](\d{2})$/.exec(separator.time.trim());
  return day + (time ? (+time[1] * 60 + +time[2]) * 60_000 : 0);
}

// ---------------------------------------------------------------------------------------------
// Matching items

/** Compares items tolerantly and remembers the answers (the same pairs come up again and again). */
class ItemMatcher {
  private readonly cache = new Map<string, ItemMatch | null>();

  match(a: PreparedItem, b: PreparedItem): ItemMatch | null {
    const key = a.id < b.id ? `${a.id},${b.id}` : `${b.id},${a.id}`;
    let result = this.cache.get(key);
    if (result === undefined) {
      result = matchItems(a, b);
      this.cache.set(key, result);
    }
    return result;
  }

  /**
   * Matches `length` items of `a` from `aStart` with those of `b` from `bStart`, one by one.
   * Null when any pair mismatches or no long, whole item matched.
   */
  align(a: PreparedScreen, aStart: number, b: PreparedScreen, bStart: number, length: number): Alignment | null {
    let evidence = 0;
    let nonTrivial = false;
    for (let i = 0; i < length; i++) {
      const match = this.match(a.items[aStart + i], b.items[bStart + i]);
      if (!match) return null;
      evidence += match.evidence;
      nonTrivial ||= match.nonTrivial;
    }
    return nonTrivial ? { evidence } : null;
  }

  /**
   * The best overlap of the end of `a` with the start of `b`: a suffix of `a`'s items aligned
   * with a prefix of `b`'s, item by item, except that a skippable item on either side may be left
   * unmatched (see SKIPPABLE_LENGTH). `b` keeps at least one item of its own after the overlap.
   * Null when no alignment holds a long, whole item.
   */
  overlap(a: PreparedScreen, b: PreparedScreen): Overlap | null {
    const n = a.items.length;
    const m = b.items.length;
    // cells[i][j]: the best alignment ending after a's item i−1 and b's item j−1 (a's part starts
    // anywhere: cells[i][0] are starts).
    const cells: (OverlapCell | null)[][] = Array.from({ length: n + 1 }, () => new Array<OverlapCell | null>(m + 1).fill(null));
    const better = (x: OverlapCell, y: OverlapCell | null): boolean =>
      !y || x.evidence > y.evidence || (x.evidence === y.evidence && (x.pairs > y.pairs || (x.pairs === y.pairs && x.skips < y.skips)));
    const offer = (i: number, j: number, cell: OverlapCell): void => {
      if (better(cell, cells[i][j])) cells[i][j] = cell;
    };
    for (let i = 0; i <= n; i++) {
      cells[i][0] = { evidence: 0, nonTrivial: false, skips: 0, pairs: 0, from: null, matched: false };
      for (let j = 0; j < m; j++) {
        const here = cells[i][j];
        if (!here) continue;
        if (i < n && j < m) {
          const match = this.match(a.items[i], b.items[j]);
          if (match) {
            offer(i + 1, j + 1, {
              evidence: here.evidence + match.evidence,
              nonTrivial: here.nonTrivial || match.nonTrivial,
              skips: here.skips,
              pairs: here.pairs + 1,
              from: [i, j],
              matched: true,
            });
          }
        }
        // Skips only inside an overlap (after its first match): a leading skip is a later start.
        if (here.pairs === 0 || here.skips >= MAX_SKIPS) continue;
        const skipped = { ...here, evidence: here.evidence - SKIP_PENALTY, skips: here.skips + 1, from: [i, j] as [number, number], matched: false };
        if (i < n && a.items[i].skippable) offer(i + 1, j, skipped);
        if (j < m && b.items[j].skippable) offer(i, j + 1, skipped);
      }
    }
    let best: OverlapCell | null = null;
    for (let j = 1; j < m; j++) {
      const cell = cells[n][j];
      if (cell && cell.nonTrivial && cell.pairs > 0 && better(cell, best)) best = cell;
    }
    if (!best) return null;
    const pairs: Array<[number, number]> = [];
    for (let cell = best; cell.from; cell = cells[cell.from[0]][cell.from[1]]!) if (cell.matched) pairs.unshift(cell.from);
    return { evidence: best.evidence, pairs };
  }
}

/**
 * Whether two items are the same: same kind and side, the same time when both show one, the
 * same date for separators that name one, and texts within the edit-distance threshold. A cut
 * item (partly off screen) shows only the start (cut at the bottom) or the end (cut at the top)
 * of its text, so it is matched as a prefix or suffix of the other copy; when that fails it is
 * `UNCOMPARABLE` — no evidence either way, as the line at the edge is often garbled — unless
 * the lines away from the edge are long and clearly differ.
 */
function matchItems(a: PreparedItem, b: PreparedItem): ItemMatch | null {
  if (a.lane !== b.lane) return null;
  if (a.time !== undefined && b.time !== undefined && a.time !== b.time) return null;
  if (a.item.kind === 'separator' && b.item.kind === 'separator' && a.item.date && b.item.date) {
    // A chat names each day once, so the same date is the same separator, whatever OCR made of
    // the text; a different date is a different separator, however alike the texts look.
    const sameTime = a.item.time === undefined || b.item.time === undefined || a.item.time === b.item.time;
    return sameDate(a.item.date, b.item.date) && sameTime ? { evidence: 1, nonTrivial: true } : null;
  }

  if (a.cut === 'none' && b.cut === 'none') return matchWhole(a.chars, b.chars);
  // Both cut the same way: the shorter is a prefix/suffix of the longer. Cut the opposite ways,
  // or cut at both edges: the visible parts may not overlap at all.
  if (a.cut === 'both' || b.cut === 'both' || (a.cut !== 'none' && b.cut !== 'none' && a.cut !== b.cut)) return UNCOMPARABLE;
  const aIsPart = a.cut !== 'none' && (b.cut === 'none' || a.chars.length <= b.chars.length);
  const [part, whole] = aIsPart ? [a, b] : [b, a];
  if (part.chars.length >= NEARLY_WHOLE_SHARE * whole.chars.length) {
    const asWhole = matchWhole(part.chars, whole.chars);
    if (asWhole && asWhole.evidence > 0) return asWhole;
  }
  // Compare from the end for an item cut at the top: reversed, a suffix becomes a prefix.
  const oriented = (chars: string[]): string[] => (part.cut === 'top' ? [...chars].reverse() : chars);
  const wholeChars = oriented(whole.chars);
  for (const visible of [part.chars, part.trustedChars]) {
    if (visible.length < MIN_PARTIAL_LENGTH) continue;
    if (prefixDistance(oriented(visible), wholeChars, allowedEdits(visible.length)) <= allowedEdits(visible.length)) {
      return { evidence: PARTIAL_QUALITY * weight(visible.length), nonTrivial: false };
    }
  }
  const trusted = part.trustedChars;
  const doubtful = Math.floor(DOUBTFUL_DISTANCE_RATIO * trusted.length);
  if (trusted.length >= NON_TRIVIAL_LENGTH && prefixDistance(oriented(trusted), wholeChars, doubtful) > doubtful) return null;
  return UNCOMPARABLE;
}

function sameDate(a: NonNullable<DaySeparator['date']>, b: NonNullable<DaySeparator['date']>): boolean {
  if ('relativeDays' in a || 'relativeDays' in b) return 'relativeDays' in a && 'relativeDays' in b && a.relativeDays === b.relativeDays;
  if ('weekday' in a || 'weekday' in b) return 'weekday' in a && 'weekday' in b && a.weekday === b.weekday;
  return a.month === b.month && a.day === b.day && (a.year === undefined || b.year === undefined || a.year === b.year);
}

/** Edits allowed between two copies of a text this long. */
function allowedEdits(length: number): number {
  return length >= 4 ? Math.max(1, Math.floor(MAX_DISTANCE_RATIO * length)) : 0;
}

/**
 * Two whole items: exact (quality 1), fuzzy (quality 1 − 2 × distance / length, at least 0.5),
 * doubtful or different.
 */
function matchWhole(a: string[], b: string[]): ItemMatch | null {
  const length = Math.max(a.length, b.length);
  const shorter = Math.min(a.length, b.length);
  if (length === 0) return UNCOMPARABLE;
  const doubtful = Math.floor(DOUBTFUL_DISTANCE_RATIO * length);
  const distance = editDistance(a, b, Math.max(doubtful, allowedEdits(length)));
  if (distance <= allowedEdits(length)) {
    const quality = Math.max(0.5, 1 - (2 * distance) / length);
    return { evidence: weight(shorter) * quality, nonTrivial: shorter >= NON_TRIVIAL_LENGTH };
  }
  // Short texts ("ok", "Top!", an emoji OCR read as a stray letter) are too short to tell a
  // misread from a different reply: never enough to break an overlap on their own.
  if (length < NON_TRIVIAL_LENGTH) return DOUBTFUL;
  return distance <= doubtful ? DOUBTFUL : null;
}

/** An item's weight as evidence: short texts ("ok", "ja", "👍") recur in any chat, long ones rarely. */
function weight(length: number): number {
  return Math.min(1, length / FULL_WEIGHT_LENGTH);
}

/** Levenshtein distance, or anything above `max` once it is sure to exceed it. */
function editDistance(a: string[], b: string[], max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/** The smallest edit distance between `part` and any prefix of `whole`. */
function prefixDistance(part: string[], whole: string[], max: number): number {
  let previous = Array.from({ length: whole.length + 1 }, (_, j) => j);
  for (let i = 1; i <= part.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= whole.length; j++) {
      const cost = part[i - 1] === whole[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return Math.min(...previous);
}

// ---------------------------------------------------------------------------------------------
// Contained screenshots

interface Containment {
  /** The screenshot this one lies in (one that is itself not contained). */
  root: number;
  /** Where this screenshot's first item lies among the root's items. */
  offset: number;
  evidence: number;
}

/**
 * Screenshots whose items all appear, in order, inside another's: each mapped to a root (a
 * screenshot not contained in any other) and its position there. Two screenshots with the same
 * items contain each other: the later in file order counts as the contained one.
 */
function findContainers(screens: readonly PreparedScreen[], matcher: ItemMatcher): Map<number, Containment> {
  // The best (largest, then strongest, then first) screenshot each one lies in.
  const direct = new Map<number, Containment>();
  for (const inner of screens) {
    if (inner.items.length === 0) continue;
    let best: Containment | undefined;
    for (const outer of screens) {
      const size = outer.items.length;
      if (outer === inner || size < inner.items.length) continue;
      if (size === inner.items.length && outer.rank > inner.rank) continue;
      for (let offset = 0; offset + inner.items.length <= size; offset++) {
        const alignment = matcher.align(outer, offset, inner, 0, inner.items.length);
        if (!alignment) continue;
        const bestSize = best ? screens[best.root].items.length : -1;
        if (!best || size > bestSize || (size === bestSize && alignment.evidence > best.evidence)) {
          best = { root: outer.rank, offset, evidence: alignment.evidence };
        }
      }
    }
    if (best) direct.set(inner.rank, best);
  }
  // Follow chains (a in b in c) up to a root, adding up the offsets. Containers are never
  // smaller and ties go by file order, so chains end; the step limit only guards that reasoning.
  const containers = new Map<number, Containment>();
  for (const [rank, containment] of direct) {
    let { root, offset } = containment;
    for (let steps = 0; direct.has(root) && steps < screens.length; steps++) {
      const up = direct.get(root)!;
      offset += up.offset;
      root = up.root;
    }
    if (!direct.has(root)) containers.set(rank, { root, offset, evidence: containment.evidence });
  }
  return containers;
}

// ---------------------------------------------------------------------------------------------
// Joins

interface Join {
  from: number;
  to: number;
  /** Items of `to` that repeat items at the end of `from`. */
  overlap: number;
  evidence: number;
  /** Which item of `from` each of those is: [index in `from`, index in `to`]. */
  pairs: Array<[number, number]>;
}

/**
 * The best overlap of every ordered pair, then joins strongest first: a join is taken when its
 * screenshots have no successor / predecessor yet and it closes no cycle. Ties: the longer
 * overlap, then a join that agrees with the capture times, then file order.
 */
function chooseJoins(roots: readonly PreparedScreen[], matcher: ItemMatcher): Map<number, Join> {
  const candidates: Join[] = [];
  for (const from of roots) {
    for (const to of roots) {
      if (from === to) continue;
      const overlap = matcher.overlap(from, to);
      if (overlap) candidates.push({ from: from.rank, to: to.rank, overlap: overlap.pairs.length, evidence: overlap.evidence, pairs: overlap.pairs });
    }
  }
  const screenByRank = new Map(roots.map((screen) => [screen.rank, screen]));
  const agreesWithCapture = (join: Join): number => {
    const from = screenByRank.get(join.from)!.capturedAt;
    const to = screenByRank.get(join.to)!.capturedAt;
    return from !== undefined && to !== undefined && from <= to ? 1 : 0;
  };
  candidates.sort(
    (a, b) =>
      b.evidence - a.evidence ||
      b.overlap - a.overlap ||
      agreesWithCapture(b) - agreesWithCapture(a) ||
      a.from - b.from ||
      a.to - b.to,
  );

  const joinTo = new Map<number, Join>(); // keyed by the later screenshot
  const hasSuccessor = new Set<number>();
  const chainHead = new Map<number, number>(roots.map((screen) => [screen.rank, screen.rank]));
  const headOf = (rank: number): number => {
    let head = rank;
    while (chainHead.get(head) !== head) head = chainHead.get(head)!;
    return head;
  };
  for (const join of candidates) {
    if (hasSuccessor.has(join.from) || joinTo.has(join.to)) continue;
    if (headOf(join.from) === headOf(join.to)) continue; // would close a cycle
    joinTo.set(join.to, join);
    hasSuccessor.add(join.from);
    chainHead.set(headOf(join.to), headOf(join.from));
  }
  return joinTo;
}

/** Chains of joined screenshots (ranks), each from the one without a predecessor. */
function buildChains(roots: readonly PreparedScreen[], joinTo: Map<number, Join>): number[][] {
  const successor = new Map<number, number>();
  for (const join of joinTo.values()) successor.set(join.from, join.to);
  const chains: number[][] = [];
  for (const screen of roots) {
    if (joinTo.has(screen.rank)) continue;
    const chain = [screen.rank];
    for (let next = successor.get(screen.rank); next !== undefined; next = successor.get(next)) chain.push(next);
    chains.push(chain);
  }
  return chains;
}

// ---------------------------------------------------------------------------------------------
// Pieces

interface Piece {
  chain: number[];
  earliestSeparator: number | undefined;
  capturedAt: number | undefined;
  hasItems: boolean;
  /** How this piece was ordered after the one before: the gap's confidence. */
  orderedBy: keyof typeof GAP_CONFIDENCE;
}

/**
 * Which way the capture times run through the conversation, as the joins found by overlap show
 * it: 1 when later screenshots show later messages (scrolled down while capturing), −1 when they
 * show earlier ones (scrolled up from the newest message, as often on a phone), the majority of
 * the joins whose both screenshots have a time. 1 when no join says.
 */
function captureDirection(screens: readonly PreparedScreen[], joinTo: Map<number, Join>): 1 | -1 {
  let votes = 0;
  for (const join of joinTo.values()) {
    const from = screens[join.from].capturedAt;
    const to = screens[join.to].capturedAt;
    if (from !== undefined && to !== undefined) votes += Math.sign(to - from);
  }
  return votes < 0 ? -1 : 1;
}

/**
 * Pieces that share no overlap, in the order their hints give: by the earliest day separator
 * when every piece has one that resolves, else by capture time when every piece has one (running
 * the way `direction` says, from the joined screenshots), else by file name (the first file of
 * each piece). A hint only counts when all pieces have it, so pieces are never compared on
 * different clocks (a capture time says when the screenshot was taken, not when the messages
 * were sent). Pieces without items (empty screenshots) go last.
 */
function orderPieces(chains: number[][], screens: readonly PreparedScreen[], containers: Map<number, Containment>, direction: 1 | -1): Piece[] {
  const membersOf = (chain: number[]): PreparedScreen[] => {
    const ranks = new Set(chain);
    return screens.filter((screen) => ranks.has(screen.rank) || ranks.has(containers.get(screen.rank)?.root ?? -1));
  };
  const minimum = (values: (number | undefined)[]): number | undefined => {
    const known = values.filter((value): value is number => value !== undefined);
    return known.length ? Math.min(...known) : undefined;
  };
  const pieces: Piece[] = chains.map((chain) => {
    const members = membersOf(chain);
    return {
      chain,
      earliestSeparator: minimum(members.map((screen) => screen.earliestSeparator)),
      capturedAt: minimum(members.map((screen) => screen.capturedAt)),
      hasItems: members.some((screen) => screen.items.length > 0),
      orderedBy: 'fileName',
    };
  });
  const withItems = pieces.filter((piece) => piece.hasItems);
  const bySeparator = withItems.every((piece) => piece.earliestSeparator !== undefined);
  const byCapture = withItems.every((piece) => piece.capturedAt !== undefined);
  // Chains are built in file order of their first screenshot (rank), so a stable sort keeps file order last.
  const order = (a: Piece, b: Piece): number =>
    Number(b.hasItems) - Number(a.hasItems) ||
    (bySeparator && a.hasItems && b.hasItems ? a.earliestSeparator! - b.earliestSeparator! : 0) ||
    (byCapture && a.hasItems && b.hasItems ? direction * (a.capturedAt! - b.capturedAt!) : 0) ||
    Math.min(...a.chain) - Math.min(...b.chain);
  pieces.sort(order);
  for (let i = 1; i < pieces.length; i++) {
    const [before, piece] = [pieces[i - 1], pieces[i]];
    const bothHaveItems = before.hasItems && piece.hasItems;
    piece.orderedBy =
      bothHaveItems && bySeparator && before.earliestSeparator !== piece.earliestSeparator
        ? 'separator'
        : bothHaveItems && byCapture && before.capturedAt !== piece.capturedAt
          ? 'capture'
          : 'fileName';
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Assembly

/** One screenshot's copy of a conversation item. */
interface Copy {
  screen: PreparedScreen;
  index: number;
  /** Order of placement: earlier screenshots first. */
  placement: number;
}

/**
 * Which copy of an item seen in several screenshots is kept: a whole copy over a cut one; then
 * the copy with more lines (a line hidden under a bar at the screen's edge, with so little of it
 * showing that the layout saw no cut, leaves a copy that still matches but lacks that line); then
 * a bubble with a clearly higher OCR confidence (its text is likelier right, and the item keeps the
 * box and file of the text shown); otherwise the first screenshot's copy. The whole copy is kept,
 * never text of one with the box of another, so the source stays checkable.
 */
function chooseCopy(copies: readonly Copy[]): Copy {
  const isCut = (copy: Copy): number => (copy.screen.items[copy.index].cut === 'none' ? 0 : 1);
  const lines = (copy: Copy): number => copy.screen.items[copy.index].item.text.split('\n').length;
  const confidence = (copy: Copy): number => {
    const item = copy.screen.items[copy.index].item;
    return item.kind === 'bubble' ? item.confidence : 0;
  };
  return [...copies].sort((a, b) => {
    const confidenceDifference = confidence(b) - confidence(a);
    return (
      isCut(a) - isCut(b) ||
      lines(b) - lines(a) ||
      (Math.abs(confidenceDifference) > 0.05 ? confidenceDifference : 0) ||
      a.placement - b.placement
    );
  })[0];
}

function assemble(
  pieces: readonly Piece[],
  screens: readonly PreparedScreen[],
  containers: Map<number, Containment>,
  joinTo: Map<number, Join>,
): OrderedConversation {
  const placed: PlacedScreen[] = [];
  const items: PlacedItem[] = [];
  const containedIn = new Map<number, number[]>();
  for (const [rank, containment] of containers) containedIn.set(containment.root, [...(containedIn.get(containment.root) ?? []), rank]);

  for (const [pieceIndex, piece] of pieces.entries()) {
    // Slots are the piece's conversation items, in order; each collects the copies of that item.
    // slotsOf: for each screenshot placed so far, the slot of each of its items.
    const slots: Copy[][] = [];
    const slotsOf = new Map<number, Copy[][]>();
    let placement = 0;
    for (const [chainIndex, rank] of piece.chain.entries()) {
      const screen = screens[rank];
      const join = joinTo.get(rank);
      if (chainIndex === 0) {
        const gap = pieceIndex > 0;
        placed.push({ file: screen.layout.file, overlap: 0, joinConfidence: gap ? GAP_CONFIDENCE[piece.orderedBy] : null, gap });
      } else {
        placed.push({ file: screen.layout.file, overlap: join!.overlap, joinConfidence: joinConfidence(join!.evidence), gap: false });
      }
      // An item the overlap matched joins its copy's slot; one it passed over inside the overlap
      // gets a slot of its own there (after the slot of the item before it); the rest follow.
      const sameAs = new Map((join?.pairs ?? []).map(([before, here]) => [here, slotsOf.get(join!.from)![before]]));
      const lastMatched = Math.max(-1, ...sameAs.keys());
      const own: Copy[][] = [];
      screen.items.forEach((_, index) => {
        let slot = sameAs.get(index);
        if (!slot) {
          slot = [];
          if (index < lastMatched) {
            const next = [...sameAs.entries()].filter(([here]) => here > index).sort((x, y) => x[0] - y[0])[0][1];
            slots.splice(index > 0 ? slots.indexOf(own[index - 1]) + 1 : slots.indexOf(next), 0, slot);
          } else slots.push(slot);
        }
        slot.push({ screen, index, placement: placement++ });
        own.push(slot);
      });
      slotsOf.set(rank, own);
      // Screenshots lying inside this one follow it; the next join is still to this one.
      const contained = (containedIn.get(rank) ?? []).sort((a, b) => containers.get(a)!.offset - containers.get(b)!.offset || a - b);
      for (const innerRank of contained) {
        const inner = screens[innerRank];
        const containment = containers.get(innerRank)!;
        placed.push({
          file: inner.layout.file,
          overlap: inner.items.length,
          joinConfidence: joinConfidence(containment.evidence),
          gap: false,
        });
        inner.items.forEach((_, index) => own[containment.offset + index].push({ screen: inner, index, placement: placement++ }));
      }
    }
    for (const [slotIndex, copies] of slots.entries()) {
      const kept = chooseCopy(copies);
      const { screen, index } = kept;
      const placedItem: PlacedItem = { item: screen.layout.items[index], file: screen.layout.file, index };
      const others = copies.filter((c) => c !== kept).map((c) => ({ file: c.screen.layout.file, index: c.index }));
      if (others.length) placedItem.copies = others;
      // Empty pieces sort last, so a piece after a gap always starts with an item.
      if (slotIndex === 0 && pieceIndex > 0) placedItem.afterGap = true;
      items.push(placedItem);
    }
  }
  return { screens: placed, items };
}
