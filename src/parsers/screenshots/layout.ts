/**
 * From OCR words to a screenshot's layout: the conversation title, and the bubbles and day
 * separators top to bottom (see types.ts). Pure functions of the words' boxes and texts; no
 * pixels, no `vscode`.
 *
 * 1. The screen is cut into bands by the app's geometry ({@link LayoutStyle}, guessed per page):
 *    status bar (clock, carrier, battery: dropped), top bar (the contact's name: `title`), the
 *    chat, and the input bar (placeholder: dropped).
 * 2. Words become rows (vertical overlap), rows become segments (split at wide horizontal gaps:
 *    an avatar's initials beside a bubble, a time beside the last line).
 * 3. Every size is measured in `em`, the font size estimated from the word boxes and the letters
 *    in them (a word with ascenders and descenders is ~0.93 em tall, one of x-height letters
 *    ~0.53 em): the page's body size is the character-weighted median. Text clearly smaller than
 *    that is meta text (separators, times, delivery status, sender names above bubbles).
 * 4. A centred, narrow segment that reads as a date or time (`parseSeparator`), or a centred
 *    small one, is a day separator. A small time under a bubble (or at the end of its last line)
 *    is that bubble's `time`; delivery statuses and the app's chrome words are dropped; other
 *    small text right above a bubble is its sender's name.
 * 5. Body text rows form bubbles: a new bubble starts after anything else or at a vertical gap
 *    wider than rows of one bubble have (measured: rows of a bubble ≤ 0.87 em apart, bubbles
 *    ≥ 1.03 em). A bubble's side comes from the text margins: left bubbles' rows start at the
 *    page's left margin (left-aligned), right bubbles' widest rows end at the right margin, or,
 *    wrapped at the largest bubble width, start ≥ 1.7 em right of the left margin.
 * 6. `cutTop`/`cutBottom`: the first/last bubble's text comes closer to the chat band's edge
 *    than a whole bubble's padding allows, or a row of glyph fragments right beside it (too
 *    short for its letters, or unsure, touching the edge) was dropped.
 *
 * The bands are the two apps' geometry on current phones (`IMESSAGE_STYLE`, `ANDROID_STYLE`);
 * the top bar's name, when found lower, moves the chat's top down, the input field's placeholder
 * its bottom up. Everything else is relative to the text's own size.
 */
import { isExists } from 'date-fns';
import { enGB, enUS, nl } from 'date-fns/locale';
import type { Box, Bubble, DaySeparator, OcrPage, OcrWord, ScreenItem, ScreenLayout, Side, WordSpan } from './types';

// --- Styles ------------------------------------------------------------------------------------

/** Where an app draws its bars, as fractions of the screenshot's height. */
export interface LayoutStyle {
  name: 'imessage' | 'android';
  /** Bottom of the status bar (clock, carrier, battery). */
  statusBarBottom: number;
  /** Bottom of the top bar (back button, contact's name and avatar): the chat starts here. */
  topBarBottom: number;
  /** Top of the input bar (text field with its placeholder): the chat ends here. */
  inputBarTop: number;
  /**
   * Where received bubbles' text starts and sent bubbles' text ends, as fractions of the width:
   * used when a screenshot shows no bubble of that side to measure it from.
   */
  leftText: number;
  rightText: number;
}

/** iOS Messages on a 390×844-point iPhone: status bar 47, navigation bar 86, input bar 90 points. */
export const IMESSAGE_STYLE: LayoutStyle = {
  name: 'imessage',
  statusBarBottom: 47 / 844,
  topBarBottom: 133 / 844,
  inputBarTop: 754 / 844,
  leftText: 28 / 390,
  rightText: 362 / 390,
};
/** Google Messages on a 412×892-dp Android phone: status bar 28, app bar 64, input bar 96 dp. */
export const ANDROID_STYLE: LayoutStyle = {
  name: 'android',
  statusBarBottom: 28 / 892,
  topBarBottom: 92 / 892,
  inputBarTop: 796 / 892,
  leftText: 68 / 412,
  rightText: 386 / 412,
};

/** Input-field placeholders and other app chrome that is never conversation text (lower case). */
const CHROME = new Set([
  'imessage',
  'tekstbericht',
  'text message',
  'sms-bericht',
  'sms',
  'mms',
  'sms/mms',
  'rcs',
  'rcs-bericht',
  'rcs message',
  'chatbericht',
  'chat message',
  'bericht',
  'message',
  'tekstbericht • sms',
  'text message • sms',
]);
const IOS_PLACEHOLDERS = new Set(['imessage', 'tekstbericht', 'sms/mms']);
// "Text message" is both (iOS capitalises Message): no evidence.
const ANDROID_PLACEHOLDERS = new Set(['sms-bericht', 'rcs-bericht', 'rcs message', 'chatbericht', 'chat message', 'bericht']);
/** Delivery statuses under a sent bubble, optionally followed by a time (lower case, no time). */
const STATUS = /^(afgeleverd|bezorgd|delivered|gelezen|read|verzonden|verstuurd|sent|niet afgeleverd|not delivered|stil afgeleverd|delivered quietly|bewerkt|edited|mislukt|failed)\b[\s:]*(\d{1,2}[:.]\d{2}(\s*[ap]\.?\s*m\.?)?)?$/i;
const TIME = /^(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s*m\.?)?$/i;

// --- Geometry helpers --------------------------------------------------------------------------

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  confidence: number;
  /** Font size estimated from the box and the letters; null for punctuation. */
  em: number | null;
}

interface Segment {
  words: Word[];
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Median of the words' font size estimates, or the row's. */
  em: number;
  /** Index of the row this segment was cut from. */
  row: number;
}

const ASCENDER = /[\p{Lu}\p{N}bdfhklt!?#%&'"/\\()[\]{}|@$€£§àáâäãåèéêëìíîïòóôöõùúûüýÿñ]/u;
const DESCENDER = /[gjpqyç,;()[\]{}|@$µ]/u;

/** The font size a word's box implies, from which letters reach above x-height and below the baseline. */
function emOf(text: string, height: number): number | null {
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  const up = ASCENDER.test(text);
  const down = DESCENDER.test(text);
  const factor = up && down ? 0.93 : up || down ? 0.73 : 0.53;
  return height / factor;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function boxOf(x0: number, y0: number, x1: number, y1: number): Box {
  return { x: Math.round(x0), y: Math.round(y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
}

function makeSegment(words: Word[], row: number, rowEm: number): Segment {
  const ems = words.map((w) => w.em).filter((e): e is number => e !== null);
  return {
    words,
    text: words.map((w) => w.text).join(' '),
    x0: Math.min(...words.map((w) => w.x0)),
    y0: Math.min(...words.map((w) => w.y0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y1: Math.max(...words.map((w) => w.y1)),
    em: ems.length > 0 ? median(ems) : rowEm,
    row,
  };
}

/** Groups words into rows (by vertical overlap), then cuts rows at horizontal gaps wider than `gapEm`. */
function segmentsOf(words: Word[], gapEm: number): Segment[] {
  const sorted = [...words].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  const rows: Word[][] = [];
  const spans: Array<{ y0: number; y1: number }> = [];
  for (const w of sorted) {
    const h = w.y1 - w.y0;
    let placed = false;
    // Only the last few rows can overlap a word further down.
    for (let r = rows.length - 1; r >= Math.max(0, rows.length - 3); r--) {
      const s = spans[r];
      const overlap = Math.min(s.y1, w.y1) - Math.max(s.y0, w.y0);
      if (overlap >= 0.5 * Math.min(h, s.y1 - s.y0)) {
        rows[r].push(w);
        s.y0 = Math.min(s.y0, w.y0);
        s.y1 = Math.max(s.y1, w.y1);
        placed = true;
        break;
      }
    }
    if (!placed) {
      rows.push([w]);
      spans.push({ y0: w.y0, y1: w.y1 });
    }
  }
  const segments: Segment[] = [];
  rows.forEach((row, r) => {
    row.sort((a, b) => a.x0 - b.x0);
    const ems = row.map((w) => w.em).filter((e): e is number => e !== null);
    const rowEm = ems.length > 0 ? median(ems) : spans[r].y1 - spans[r].y0;
    let current: Word[] = [row[0]];
    for (let i = 1; i < row.length; i++) {
      if (row[i].x0 - row[i - 1].x1 > gapEm * rowEm) {
        segments.push(makeSegment(current, r, rowEm));
        current = [];
      }
      current.push(row[i]);
    }
    segments.push(makeSegment(current, r, rowEm));
  });
  return segments;
}

/** Strips a bubble edge or cursor read as `|`, `[` or `]` at either end of a segment. */
function trimEdgeNoise(words: Word[]): Word[] {
  const noise = (w: Word): boolean => /^[|[\]{}]+$/.test(w.text) && w.confidence < 75;
  let a = 0;
  let b = words.length;
  while (a < b && noise(words[a])) a++;
  while (b > a && noise(words[b - 1])) b--;
  return words.slice(a, b);
}

// --- Separators --------------------------------------------------------------------------------

type SeparatorDate = NonNullable<DaySeparator['date']>;

interface NameTables {
  months: Map<string, number>;
  weekdays: Map<string, number>;
}

let tables: NameTables | undefined;

/** Month and weekday names (full and abbreviated) in Dutch and English, from date-fns's locales. */
function nameTables(): NameTables {
  if (tables) return tables;
  const months = new Map<string, number>();
  const weekdays = new Map<string, number>();
  const clean = (s: string): string => s.toLowerCase().replace(/\.$/, '');
  for (const locale of [nl, enUS, enGB]) {
    const localize = locale.localize;
    for (let m = 0; m < 12; m++) {
      for (const width of ['wide', 'abbreviated'] as const) months.set(clean(localize.month(m as never, { width })), m + 1);
    }
    // Weekdays as types.ts wants them: JavaScript's numbers (0 = Sunday).
    for (let d = 0; d < 7; d++) {
      for (const width of ['wide', 'abbreviated', 'short'] as const) weekdays.set(clean(localize.day(d as never, { width })), d);
    }
  }
  // Spellings the locales leave out: "sept", "maa" (maart), "mrt" without its dot, "tues", "thurs".
  for (const [name, m] of [['sept', 9], ['maa', 3], ['jun', 6], ['jul', 7], ['juni', 6], ['juli', 7], ['mei', 5]] as const) months.set(name, m);
  for (const [name, d] of [['tue', 2], ['tues', 2], ['thu', 4], ['thur', 4], ['thurs', 4], ['wed', 3], ['din', 2], ['woe', 3], ['don', 4], ['vri', 5], ['zat', 6], ['zon', 0]] as const) weekdays.set(name, d);
  // "maa" is also Monday's abbreviation in date-fns's Dutch; a month needs a day number anyway.
  tables = { months, weekdays };
  return tables;
}

const RELATIVE: Record<string, number> = {
  vandaag: 0,
  gisteren: -1,
  eergisteren: -2,
  today: 0,
  yesterday: -1,
};
const FILLERS = new Set(['om', 'at', 'op', 'on', 'uur', 'u', 'h', 'the', 'de', 'den']);

export interface SeparatorReading {
  date?: SeparatorDate;
  /** `HH:MM`, 24-hour. */
  time?: string;
}

function hhmm(h: number, m: number, meridiem?: string): string | null {
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    if (meridiem.toLowerCase() === 'p' && h !== 12) h += 12;
    if (meridiem.toLowerCase() === 'a' && h === 12) h = 0;
  }
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Reads a `HH:MM` (or `H:MM AM`) time label; null when the text is something else. */
export function parseTime(text: string): string | null {
  const m = TIME.exec(text.trim());
  return m ? hhmm(Number(m[1]), Number(m[2]), m[3]) : null;
}

/**
 * What a day separator says, in Dutch or English: "Vandaag", "Gisteren 09:12", "Vandaag · 14:05",
 * "ma 12 mrt. om 14:05", "maandag 12 maart 2020", "Donderdag 12 maart · 14:05", "12-03-2020",
 * "Today 2:05 PM", "Yesterday", "Mon, 12 Mar at 14:05", "Thursday, March 12, 2020". Every word
 * must be part of a date or time, or the text is no separator (null). Numeric dates are read day
 * first unless that is impossible; dates are checked (`isExists`: no 31 April, 29 February only
 * in leap years).
 */
export function parseSeparator(text: string): SeparatorReading | null {
  let s = text.normalize('NFC').toLowerCase().trim();
  if (!s || s.length > 60) return null;
  const out: SeparatorReading = {};
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  // Numeric dates first (they contain the characters times and words are split on).
  const iso = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(s);
  const numeric = iso ? null : /(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)/.exec(s);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    s = s.replace(iso[0], ' ');
  } else if (numeric) {
    let [a, b] = [Number(numeric[1]), Number(numeric[2])];
    if (b > 12 && a <= 12) [a, b] = [b, a];
    const y = Number(numeric[3]);
    [day, month, year] = [a, b, numeric[3].length === 2 ? 2000 + y : y];
    s = s.replace(numeric[0], ' ');
  }
  const time = /(?<![\d.:])(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s*m\.?)?(?![\d.:])/i.exec(s);
  if (time) {
    const t = hhmm(Number(time[1]), Number(time[2]), time[3]);
    if (!t) return null;
    out.time = t;
    s = s.replace(time[0], ' ');
  }
  const { months, weekdays } = nameTables();
  let relative: number | undefined;
  let weekday: number | undefined;
  // Punctuation between the parts: "·" (often read as ":", "-" or "."), commas, dashes.
  const tokens = s
    .split(/[\s.,·•|:;–—]+/)
    .filter((t) => t !== '' && /[\p{L}\p{N}]/u.test(t));
  for (const token of tokens) {
    const t = token.replace(/^'/, '');
    if (t in RELATIVE && relative === undefined) relative = RELATIVE[t];
    else if (FILLERS.has(t)) continue;
    else if (months.has(t) && month === undefined && !(weekdays.has(t) && weekday === undefined && day === undefined)) month = months.get(t);
    else if (weekdays.has(t) && weekday === undefined) weekday = weekdays.get(t);
    else if (/^\d{1,2}(st|nd|rd|th|e)?$/.test(t) && day === undefined) day = Number(/^\d+/.exec(t)?.[0]);
    else if (/^(19|20)\d{2}$/.test(t) && year === undefined) year = Number(t);
    else return null;
  }
  // "maa" is Monday (ma) or March: a month only beside a day number.
  if (month === undefined && day !== undefined && weekday !== undefined) {
    const asMonth = tokens.find((t) => months.has(t) && weekdays.has(t));
    if (asMonth) {
      month = months.get(asMonth);
      weekday = undefined;
    }
  }
  if (relative !== undefined) {
    if (month !== undefined || day !== undefined || weekday !== undefined || year !== undefined) return null;
    out.date = { relativeDays: relative };
  } else if (month !== undefined && day !== undefined) {
    if (!isExists(year ?? 2020, month - 1, day)) return null;
    // A weekday beside a date adds nothing (and if OCR misread one of them, the date is likelier right).
    out.date = year !== undefined ? { year, month, day } : { month, day };
  } else if (month !== undefined || day !== undefined || year !== undefined) {
    return null;
  } else if (weekday !== undefined) {
    out.date = { weekday };
  }
  return out.date || out.time ? out : null;
}

// --- Style detection ---------------------------------------------------------------------------

/**
 * Which app drew the screenshot, from its chrome: the input field's placeholder, a battery
 * percentage in the status bar (Android), and where the contact's name sits (iOS: small and
 * centred under the avatar; Android: large, left of centre, in the app bar).
 */
export function detectStyle(page: OcrPage): LayoutStyle {
  const { width: W, height: H } = page;
  let ios = 0;
  let android = 0;
  for (const s of segmentsOf(wordsOf(page), 1.2)) {
    const text = s.text.toLowerCase();
    const cy = (s.y0 + s.y1) / 2;
    const cx = (s.x0 + s.x1) / 2;
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    if (cy > 0.8 * H) {
      if (IOS_PLACEHOLDERS.has(text)) ios += 3;
      if (ANDROID_PLACEHOLDERS.has(text)) android += 3;
    }
    // The status bar's clock (every screenshot has one): Android's at the very left, iOS's
    // centred in the left "ear".
    if (cy < 0.045 * H && parseTime(text)) {
      if (s.x0 < 0.09 * W) android += 3;
      else if (s.x1 < 0.4 * W) ios += 3;
    }
    if (cy < ANDROID_STYLE.statusBarBottom * H && s.words.some((w) => /^\d{1,3}%$/.test(w.text))) android += 1;
    if (letters < 3 || parseSeparator(s.text)) continue;
    // The contact's name: iOS small and centred under the avatar, Android large beside the back arrow.
    if (cy > 0.1 * H && cy < IMESSAGE_STYLE.topBarBottom * H && Math.abs(cx - W / 2) < 0.08 * W) ios += 2;
    if (cy > ANDROID_STYLE.statusBarBottom * H && cy < ANDROID_STYLE.topBarBottom * H && s.x0 > 0.15 * W && s.x0 < 0.45 * W) android += 2;
  }
  return android > ios ? ANDROID_STYLE : IMESSAGE_STYLE;
}

function wordsOf(page: OcrPage): Word[] {
  return page.words
    .filter((w: OcrWord) => w.text.trim() !== '' && w.box.width > 0 && w.box.height > 0)
    .map((w) => ({
      text: w.text.trim(),
      x0: w.box.x,
      y0: w.box.y,
      x1: w.box.x + w.box.width,
      y1: w.box.y + w.box.height,
      confidence: w.confidence,
      em: emOf(w.text.trim(), w.box.height),
    }));
}

// --- Layout ------------------------------------------------------------------------------------

/** Meta text is smaller than this share of the body text's size. */
const SMALL = 0.85;
/** Rows of one bubble are closer than this (em); measured on the rendered sets: rows of one bubble 0.11–0.87 (99% ≤ 0.54), consecutive bubbles 1.03–3.3. */
const BUBBLE_GAP = 0.95;
/** Within this (em) of the left text margin a row starts a left bubble. */
const LEFT_MARGIN_SLACK = 0.6;
/**
 * A bubble's padding keeps its text this far (em) from the chat band's top (capital height) and
 * bottom (baseline) when the bubble is whole; closer, some of it is hidden. Calibrated on the
 * rendered sets (OCR boxes, not font metrics): whole bubbles' text starts ≥ 0.49 em below the top
 * and ends ≥ 0.73 em above the bottom; cut ones mostly less (0.02–0.55, 0.0–0.87).
 */
const CUT_TOP = 0.52;
const CUT_BOTTOM = 0.82;
/** A dropped row of fragments this close (em) to a bubble's row is part of that bubble (rows are 0.3–0.55 em apart, other items ≥ 0.8). */
const FRAGMENT_GAP = 0.65;
/** A bubble's box: its text's extent plus this much padding (em). */
const PAD_X = 0.7;
const PAD_Y = 0.5;

type Kind = 'bubble' | 'separator' | 'time' | 'status' | 'small' | 'avatar' | 'drop';

interface Classified extends Segment {
  kind: Kind;
  time?: string;
  reading?: SeparatorReading | null;
}

/** A bubble being built, with the rows it is made of and its extras. */
interface Draft {
  rows: Classified[];
  time?: string;
  sender?: string;
}

/** A bubble of a group chat may carry the sender's name shown above it (not part of the text). */
export interface LaidOutBubble extends Bubble {
  sender?: string;
}

export function layoutPage(page: OcrPage, style: LayoutStyle | 'auto' = 'auto'): ScreenLayout {
  const st = style === 'auto' ? detectStyle(page) : style;
  const { width: W, height: H } = page;
  const words = wordsOf(page);
  const statusBottom = st.statusBarBottom * H;
  let chatTop = st.topBarBottom * H;
  let chatBottom = st.inputBarTop * H;

  // Body text size: the character-weighted median font size of the words in the chat band.
  const weighted: number[] = [];
  for (const w of words) {
    const cy = (w.y0 + w.y1) / 2;
    if (w.em === null || cy < chatTop || cy > chatBottom) continue;
    for (let i = 0; i < Math.min(w.text.length, 20); i++) weighted.push(w.em);
  }
  const em = median(weighted) || H / 50;

  const segments = segmentsOf(words, 1.2);

  // Title: the top bar's most name-like segment (not a count, not initials), iOS: the lowest.
  const top = segments.filter((s) => {
    const cy = (s.y0 + s.y1) / 2;
    return cy >= statusBottom && cy < chatTop;
  });
  const named = top.filter((s) => (s.text.match(/\p{L}/gu) ?? []).length >= 2 && !/^\p{Lu}{1,2}$/u.test(s.text));
  let titleSegment: Segment | undefined;
  for (const s of named) {
    if (!titleSegment) titleSegment = s;
    else if (st.name === 'imessage' ? s.y0 > titleSegment.y0 : s.y1 - s.y0 > titleSegment.y1 - titleSegment.y0) titleSegment = s;
  }
  const title = titleSegment ? cleanTitle(titleSegment.text) : null;
  if (titleSegment) chatTop = Math.max(chatTop, titleSegment.y1 + 0.3 * (titleSegment.y1 - titleSegment.y0));
  const placeholder = segments.find((s) => (s.y0 + s.y1) / 2 > 0.75 * H && CHROME.has(s.text.toLowerCase()));
  if (placeholder) chatBottom = Math.min(chatBottom, placeholder.y0 - 0.5 * (placeholder.y1 - placeholder.y0));

  // The chat band's segments; rows of glyph fragments at its edges are dropped (but remembered:
  // the bubble they belong to is cut).
  const fragments: Segment[] = [];
  const chat = segments
    .map((s) => ({ ...s, words: trimEdgeNoise(s.words) }))
    .filter((s) => s.words.length > 0)
    .map((s) => makeSegment(s.words, s.row, s.em))
    .filter((s) => {
      const cy = (s.y0 + s.y1) / 2;
      if (cy < chatTop || cy > chatBottom) return false;
      if (isFragment(s, chatTop, chatBottom, em)) {
        fragments.push(s);
        return false;
      }
      return true;
    });

  // The text margins: where left bubbles' rows start (their text is left-aligned at the margin,
  // right bubbles' text starts ≥ 1.7 em further right) and where right bubbles' widest rows end.
  const body = chat.filter((s) => s.em >= SMALL * em && s.text.length > 2);
  const leftMargin = mode(body.filter((s) => s.x0 < 0.2 * W).map((s) => s.x0), 0.5 * em) ?? st.leftText * W;
  const rightMargin = outermost(body.filter((s) => s.x1 > 0.6 * W).map((s) => s.x1), 0.5 * em) ?? st.rightText * W;
  const starts = body.filter((s) => s.x0 > leftMargin + 1.2 * em && s.x0 < 0.35 * W && s.x1 > 0.6 * W).map((s) => s.x0);
  const rightStart = mode(starts, 0.3 * em);
  const margins: Margins = {
    left: leftMargin,
    right: rightMargin,
    rightStart: rightStart !== null && starts.filter((x) => Math.abs(x - rightStart) <= 0.3 * em).length >= 2 ? rightStart : null,
  };

  const classified: Classified[] = chat.map((s) => classify(s, { W, em, leftMargin, rowHasBody: (row) => chat.some((o) => o.row === row && o !== s && o.em >= SMALL * em && o.x0 > s.x1) }));

  // Times on the same row as a bubble's last line (inside the bubble) belong to that row.
  const items: ScreenItem[] = [];
  const drafts: Array<Draft | DaySeparator> = [];
  let current: Draft | null = null;
  let pendingSender: Classified | undefined;
  let lastBody: Classified | null = null;
  const rowTimes: Classified[] = [];
  const ordered = [...classified].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || a.x0 - b.x0);
  for (const s of ordered) {
    if (s.kind === 'drop' || s.kind === 'avatar') continue;
    if (s.kind === 'status') {
      current = null;
      continue;
    }
    const previous = drafts[drafts.length - 1];
    const host = previous && 'rows' in previous ? previous : undefined;
    if (s.kind === 'time' && ordered.some((o) => o.kind === 'bubble' && o.row === s.row)) {
      rowTimes.push(s); // beside a bubble's row, inside the bubble: placed once the bubbles are known
      continue;
    }
    if (s.kind === 'time') {
      // Right under a bubble.
      if (host && lastBody !== null && s.y0 - lastBody.y1 < 1.5 * em && host.time === undefined) host.time = s.time;
      current = null;
      continue;
    }
    if (s.kind === 'small') {
      current = null;
      pendingSender = s;
      continue;
    }
    if (s.kind === 'separator') {
      current = null;
      pendingSender = undefined;
      drafts.push({ kind: 'separator', text: s.text, box: boxOf(s.x0, s.y0, s.x1, s.y1), ...readingOf(s.reading) });
      continue;
    }
    // Body text.
    const gap = lastBody ? s.y0 - lastBody.y1 : Infinity;
    if (current && gap <= BUBBLE_GAP * em) {
      current.rows.push(s);
    } else {
      current = { rows: [s] };
      // Small text just above a bubble, starting where its text starts: the sender's name.
      if (pendingSender && s.y0 - pendingSender.y1 < 1.4 * em && Math.abs(pendingSender.x0 - s.x0) < 1.5 * em) {
        current.sender = pendingSender.text;
      }
      drafts.push(current);
    }
    pendingSender = undefined;
    lastBody = s;
  }

  for (const t of rowTimes) {
    const host = drafts.find((d): d is Draft => 'rows' in d && d.rows.some((r) => r.row === t.row));
    if (host && host.time === undefined) host.time = t.time;
  }

  for (const d of drafts) {
    if ('kind' in d) {
      items.push(d);
      continue;
    }
    items.push(finishBubble(d, { W, em, chatTop, chatBottom, margins }));
  }

  // Cut at the edges: the first/last item's text comes closer to the band's edge than a whole
  // bubble's padding allows, or a row of fragments right beside it was dropped.
  let cutTop = false;
  let cutBottom = false;
  const bubbles = drafts.filter((d): d is Draft => 'rows' in d);
  const first = items[0];
  const last = items[items.length - 1];
  if (first?.kind === 'bubble') {
    const row = bubbles[0].rows[0];
    cutTop = capTopOf(row, em) - chatTop < CUT_TOP * em || fragments.some((f) => f.y1 <= row.y0 && row.y0 - f.y1 <= FRAGMENT_GAP * em);
  } else if (first) {
    cutTop = first.box.y - chatTop < 0.08 * em;
  }
  if (last?.kind === 'bubble') {
    const draft = bubbles[bubbles.length - 1];
    const row = draft.rows[draft.rows.length - 1];
    // A time label visible under the bubble: the bubble ends above it.
    const labelled = draft.time !== undefined && !draft.rows.some((r) => r.words.some((w) => parseTime(w.text) === draft.time));
    cutBottom = !labelled && (chatBottom - baselineOf(row, em) < CUT_BOTTOM * em || fragments.some((f) => f.y0 >= row.y1 && f.y0 - row.y1 <= FRAGMENT_GAP * em));
  } else if (last) {
    cutBottom = chatBottom - (last.box.y + last.box.height) < 0.08 * em;
  }
  // A cut bubble's box reaches the band's edge: the half-visible glyphs beyond its text (dropped
  // as fragments) are part of it, and go with it when it is blacked out.
  const reach = (b: Bubble, edge: 'top' | 'bottom') => {
    const beyond = fragments.filter((f) => (edge === 'top' ? f.y1 <= b.box.y + em : f.y0 >= b.box.y + b.box.height - em));
    b.box = boxOf(
      Math.min(b.box.x, ...beyond.map((f) => f.x0)),
      edge === 'top' ? chatTop : b.box.y,
      Math.max(b.box.x + b.box.width, ...beyond.map((f) => f.x1)),
      edge === 'bottom' ? chatBottom : b.box.y + b.box.height,
    );
  };
  if (cutTop && first?.kind === 'bubble') reach(first, 'top');
  if (cutBottom && last?.kind === 'bubble') reach(last, 'bottom');
  return { file: page.file, title, items, cutTop, cutBottom, band: boxOf(0, chatTop, W, chatBottom) };
}

function readingOf(r: SeparatorReading | null | undefined): Pick<DaySeparator, 'date' | 'time'> {
  const out: Pick<DaySeparator, 'date' | 'time'> = {};
  if (r?.date) out.date = r.date;
  if (r?.time) out.time = r.time;
  return out;
}

/**
 * The contact's name without what sits beside it in the top bar: a back arrow or chevron read as
 * a symbol, the avatar's letter (Android), the "›" after the name (iOS).
 */
function cleanTitle(text: string): string {
  const words = text.split(/\s+/);
  const noise = (w: string): boolean => !/\p{L}/u.test(w) || /^\p{Lu}$/u.test(w);
  while (words.length > 1 && noise(words[0])) words.shift();
  while (words.length > 1 && !/\p{L}/u.test(words[words.length - 1])) words.pop();
  return words.join(' ').replace(/[›>»〉]+$/u, '').trim();
}

/** The most common value, within `tolerance`, of a list (the leftmost on a tie); null if empty. */
function mode(values: number[], tolerance: number): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (const v of values) {
    const near = values.filter((o) => Math.abs(o - v) <= tolerance);
    if (near.length > bestCount || (near.length === bestCount && best !== null && v < best)) {
      best = Math.min(...near);
      bestCount = near.length;
    }
  }
  return best;
}

/** The largest value that at least two values are within `tolerance` of (else the largest); null if empty. */
function outermost(values: number[], tolerance: number): number | null {
  const sorted = [...values].sort((a, b) => b - a);
  for (let i = 0; i + 1 < sorted.length; i++) if (sorted[i] - sorted[i + 1] <= tolerance) return sorted[i];
  return sorted[0] ?? null;
}

/** A row of partly hidden glyphs at the chat band's edge: shorter than its letters need, or unsure. */
function isFragment(s: Segment, top: number, bottom: number, em: number): boolean {
  // Cut glyphs end at the edge, all of them.
  const atTop = median(s.words.map((w) => w.y0)) - top < 0.08 * em;
  const atBottom = bottom - median(s.words.map((w) => w.y1)) < 0.08 * em;
  if (!atTop && !atBottom) return false;
  const conf = s.words.reduce((n, w) => n + w.confidence, 0) / s.words.length;
  return s.em < 0.75 * em || conf < 60;
}

/** Where the tops of capitals would be on this row (a row of x-height letters starts lower). */
function capTopOf(s: Segment, em: number): number {
  return ASCENDER.test(s.text) ? s.y0 : s.y0 - 0.2 * em;
}

/** Where this row's baseline is (its descenders go below). */
function baselineOf(s: Segment, em: number): number {
  return DESCENDER.test(s.text) ? s.y1 - 0.21 * em : s.y1;
}

function classify(s: Segment, ctx: { W: number; em: number; leftMargin: number; rowHasBody: (row: number) => boolean }): Classified {
  const { W, em, leftMargin } = ctx;
  const text = s.text;
  const lower = text.toLowerCase();
  const small = s.em < SMALL * em;
  const cx = (s.x0 + s.x1) / 2;
  const centred = Math.abs(cx - W / 2) < 0.06 * W && s.x1 - s.x0 < 0.6 * W;
  if (CHROME.has(lower)) return { ...s, kind: 'drop' };
  // Initials in an avatar, left of the left margin (beside a bubble's last row).
  if (text.length <= 3 && s.x1 < leftMargin - 0.3 * em && (ctx.rowHasBody(s.row) || s.x0 < 0.12 * W)) return { ...s, kind: 'avatar' };
  if (centred) {
    const reading = parseSeparator(text);
    if (reading || small) return { ...s, kind: 'separator', reading };
  }
  if (small) {
    const time = parseTime(text);
    if (time) return { ...s, kind: 'time', time };
    if (STATUS.test(lower)) return { ...s, kind: 'status' };
    return { ...s, kind: 'small' };
  }
  if (STATUS.test(lower) && text.length < 20 && s.x0 > leftMargin + 2 * em) return { ...s, kind: 'status' };
  return { ...s, kind: 'bubble' };
}

interface Margins {
  /** Where left bubbles' text starts. */
  left: number;
  /** Where right bubbles' widest rows end. */
  right: number;
  /** Where wrapped right bubbles' rows start, when bubbles of the largest width share it. */
  rightStart: number | null;
}

/**
 * A bubble's side. Left bubbles' text starts at the left margin (left-aligned); right bubbles'
 * rows end at the right margin, or (wrapped at the bubbles' largest width) start ≥ 1.7 em right
 * of the left margin and reach across the screen. A row starting or ending with an emoji that OCR
 * did not read misses its margin by ~1.5 em: then the nearer margin decides.
 */
function sideOf(rows: Segment[], em: number, W: number, m: Margins): Side {
  const dl = Math.min(...rows.map((r) => Math.abs(r.x0 - m.left)));
  const dr = Math.min(...rows.map((r) => Math.abs(r.x1 - m.right)));
  if (dl <= LEFT_MARGIN_SLACK * em) return 'left';
  if (dr <= em) return 'right';
  const x0 = Math.min(...rows.map((r) => r.x0));
  const x1 = Math.max(...rows.map((r) => r.x1));
  if (m.rightStart !== null && Math.abs(x0 - m.rightStart) <= 0.4 * em) return 'right';
  if (x0 - m.left >= 1.2 * em && x1 > 0.6 * W) return 'right';
  return dr < dl ? 'right' : 'left';
}

function finishBubble(d: Draft, ctx: { W: number; em: number; chatTop: number; chatBottom: number; margins: Margins }): LaidOutBubble {
  const { em } = ctx;
  // Segments of one row (split at a wide space) are one line again.
  let rows: Word[][] = [];
  let previousRow = -1;
  for (const r of d.rows) {
    if (r.row === previousRow) rows[rows.length - 1] = [...rows[rows.length - 1], ...r.words].sort((a, b) => a.x0 - b.x0);
    else rows.push(r.words);
    previousRow = r.row;
  }
  let time = d.time;
  // A small time at the end of the last row, inside the bubble.
  const lastRow = rows[rows.length - 1];
  const lastWord = lastRow[lastRow.length - 1];
  const bodyEms = rows.flat().map((w) => w.em).filter((e): e is number => e !== null);
  const bodyEm = median(bodyEms) || em;
  if (lastRow.length > 1 && lastWord.em !== null && lastWord.em < SMALL * bodyEm) {
    const t = parseTime(lastWord.text);
    if (t) {
      time = time ?? t;
      rows = [...rows.slice(0, -1), lastRow.slice(0, -1)];
    }
  }
  const all = rows.flat();
  const x0 = Math.min(...all.map((w) => w.x0));
  const x1 = Math.max(...all.map((w) => w.x1));
  const y0 = Math.min(...all.map((w) => w.y0));
  const y1 = Math.max(...all.map((w) => w.y1));
  const side = sideOf(d.rows, em, ctx.W, ctx.margins);
  // The text is the words joined by spaces, rows by line breaks: each word's offsets follow.
  const words: WordSpan[] = [];
  let offset = 0;
  for (const row of rows) {
    for (const w of row) {
      words.push({ start: offset, end: offset + w.text.length, box: boxOf(w.x0, w.y0, w.x1, w.y1) });
      offset += w.text.length + 1;
    }
  }
  const bubble: LaidOutBubble = {
    kind: 'bubble',
    side,
    text: rows.map((r) => r.map((w) => w.text).join(' ')).join('\n'),
    words,
    box: boxOf(
      Math.max(0, x0 - PAD_X * em),
      Math.max(ctx.chatTop, y0 - PAD_Y * em),
      Math.min(ctx.W, x1 + PAD_X * em),
      Math.min(ctx.chatBottom, y1 + PAD_Y * em),
    ),
    confidence: Math.round((all.reduce((n, w) => n + w.confidence, 0) / all.length / 100) * 1000) / 1000,
  };
  if (time) bubble.time = time;
  if (d.sender) bubble.sender = d.sender;
  return bubble;
}
