import type { Flag } from '../../model';
import { analyse, hitsOf } from './analysis';
import { isUpperAsciiCode } from './chars';
import { makeFlag, quote } from './flag';
import { LEX } from './lexicons';
import type { Detector } from './types';

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1, feb: 2, februari: 2, february: 2, mrt: 3, maart: 3, mar: 3, march: 3,
  apr: 4, april: 4, mei: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8,
  augustus: 8, august: 8, sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((x, y) => y.length - x.length).join('|');

/** Dates as people write them: 12-03-1980, 12/3/80, 1980-03-12, 12 maart 1980, March 12, 1980. */
const DATE = new RegExp(
  String.raw`(?<!\d)(?:([0-3]?\d)[-/.]([01]?\d)[-/.]((?:19|20)\d{2}|\d{2})|((?:19|20)\d{2})-([01]\d)-([0-3]\d)|([0-3]?\d)\s+(${MONTH_NAMES})\.?\s+((?:19|20)\d{2})|(${MONTH_NAMES})\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2}))(?!\d)`,
  'gi',
);

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(m: RegExpExecArray): boolean {
  let day: number;
  let month: number;
  if (m[1] !== undefined) [day, month] = [+m[1], +m[2]];
  else if (m[4] !== undefined) [day, month] = [+m[6], +m[5]];
  else if (m[7] !== undefined) [day, month] = [+m[7], MONTHS[m[8].toLowerCase()]];
  else [day, month] = [+m[11], MONTHS[m[10].toLowerCase()]];
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS[month - 1];
}

/** Where the sentence that holds `from` ends: at ! ? or a line break, or a full stop before a capital. */
function sentenceEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 33 || c === 63 || c === 10) return i;
    if (c === 46 && text.charCodeAt(i + 1) === 32 && isUpperAsciiCode(text.charCodeAt(i + 2))) return i;
  }
  return limit;
}

/** The year of a date match when it has four digits. */
function yearOf(m: RegExpExecArray): number {
  const y = m[3] ?? m[4] ?? m[9] ?? m[12];
  return y && y.length === 4 ? +y : 0;
}

/** The first valid date starting in [from, to]. */
function dateIn(text: string, from: number, to: number, maxYear: number): { start: number; end: number } | null {
  DATE.lastIndex = Math.max(0, from);
  for (;;) {
    const m = DATE.exec(text);
    if (!m || m.index > to) return null;
    if (validDate(m) && yearOf(m) <= maxYear) return { start: m.index, end: m.index + m[0].length };
  }
}

/**
 * A date of birth: a date next to a birth word (geboren, geboortedatum, geb., date of birth,
 * DOB, born): after it in the same sentence within 40 characters, or just before it; not after
 * the message's own year. Other dates are not flagged.
 */
export const dob: Detector = {
  id: 'dob',
  category: 'AVG',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    if (a.digits === 0) return [];
    const words = hitsOf(a, LEX.birth);
    if (words.length === 0) return [];
    const text = a.text;
    const flags: Flag[] = [];
    const seen = new Set<number>();
    const maxYear = +message.timestamp.slice(0, 4) || 9999;
    for (const w of words) {
      let d = dateIn(text, w.wordEnd, sentenceEnd(text, w.wordEnd, w.wordEnd + 40), maxYear);
      if (!d) {
        const before = dateIn(text, w.wordStart - 30, w.wordStart - 1, maxYear);
        if (before && before.end <= w.wordStart) d = before;
      }
      if (!d || seen.has(d.start)) continue;
      seen.add(d.start);
      const why = `date of birth ${text.slice(d.start, d.end)} next to ${quote(text, w.wordStart, w.wordEnd)}`;
      flags.push(makeFlag(message, 'dob', 'AVG', 0.85, d, why));
    }
    return flags.sort((x, y) => x.span!.start - y.span!.start);
  },
};
