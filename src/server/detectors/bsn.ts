import type { Flag } from '../../model';
import { analyse, hitsOf, type TextAnalysis } from './analysis';
import { makeFlag, quote } from './flag';
import { ibanHits } from './iban';
import { LEX, NUMBER_UNITS } from './lexicons';
import { gapAfter, groupCount, groupLength, groupText, numberChunks, type NumberChunk } from './numbers';
import type { Detector } from './types';

/**
 * The BSN's 11-test (elfproef): 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), and not all zeros.
 */
export function elevenTest(digits: string): boolean {
  if (digits.length !== 9) return false;
  let sum = 0;
  let nonZero = false;
  for (let i = 0; i < 9; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (d !== 0) nonZero = true;
    sum += i === 8 ? -d : (9 - i) * d;
  }
  return nonZero && sum % 11 === 0;
}

/** A group that starts a phone number when a number follows it: "+31 612345678", "06 …". */
function phonePrefixGroup(text: string, chunk: NumberChunk, k: number): boolean {
  if (k === 0 && chunk.plus) return true;
  const g = groupText(text, chunk, k);
  return g === '31' || g === '0031' || g === '0' || g === '06';
}

interface Candidate {
  start: number;
  end: number;
  digits: string;
  /** Written like an amount: 111.222.333. */
  amountLike: boolean;
}

/**
 * Nine digits that stand alone: one group bounded by the chunk's clean ends or by single
 * spaces (a neighbour that is a phone prefix disqualifies it), or a whole chunk grouped
 * 3-3-3 or 4-2-3 with one separator kind. Never part of a longer digit run.
 */
function candidates(text: string, chunk: NumberChunk): Candidate[] {
  const out: Candidate[] = [];
  const g = groupCount(chunk);
  for (let k = 0; k < g; k++) {
    if (groupLength(chunk, k) !== 9) continue;
    const leftOk = k === 0 ? !chunk.wordBefore && !chunk.plus : gapAfter(text, chunk, k - 1) === ' ' && !phonePrefixGroup(text, chunk, k - 1);
    const rightOk = k === g - 1 ? !chunk.wordAfter : gapAfter(text, chunk, k) === ' ';
    if (leftOk && rightOk) {
      const s = chunk.groups[2 * k];
      const e = chunk.groups[2 * k + 1];
      out.push({ start: s, end: e, digits: text.slice(s, e), amountLike: false });
    }
  }
  if (g === 3 && !chunk.wordBefore && !chunk.wordAfter && !chunk.plus) {
    const l0 = groupLength(chunk, 0);
    const l1 = groupLength(chunk, 1);
    const l2 = groupLength(chunk, 2);
    const sep = gapAfter(text, chunk, 0);
    if (((l0 === 3 && l1 === 3 && l2 === 3) || (l0 === 4 && l1 === 2 && l2 === 3)) && sep === gapAfter(text, chunk, 1) && (sep === ' ' || sep === '.' || sep === '-')) {
      const s = chunk.groups[0];
      const e = chunk.groups[5];
      out.push({ start: s, end: e, digits: groupText(text, chunk, 0) + groupText(text, chunk, 1) + groupText(text, chunk, 2), amountLike: sep === '.' && l0 === 3 });
    }
  }
  return out;
}

const EUR_BEFORE = /^eur$/i;
const EURO_AFTER = /^\s?(?:euro|eur)\b/i;

/** "€ 123.456.789", "123456789 euro": an amount, not an identifier. */
function isMoney(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  const c = i >= 0 ? text.charCodeAt(i) : 0;
  if (c === 0x20ac || c === 36 || c === 0xa3) return true;
  if (i >= 2 && EUR_BEFORE.test(text.slice(i - 2, i + 1))) return true;
  return EURO_AFTER.test(text.slice(end, end + 6));
}

function bsnCandidates(a: TextAnalysis): Candidate[] {
  const text = a.text;
  let out: Candidate[] | null = null;
  for (const chunk of numberChunks(a)) {
    if (chunk.end - chunk.start < 9) continue;
    for (const c of candidates(text, chunk)) {
      if (!elevenTest(c.digits) || isMoney(text, c.start, c.end)) continue;
      (out ??= []).push(c);
    }
  }
  if (!out) return [];
  const ibans = ibanHits(a);
  return ibans.length === 0 ? out : out.filter((c) => !ibans.some((h) => c.start < h.end && h.start < c.end));
}

/** "468308520 testen": a count before a unit word, not an identifier. */
function countOf(text: string, end: number): string | null {
  const m = UNIT_AFTER.exec(text.slice(end, end + 24));
  return m ? m[1] : null;
}

const UNIT_AFTER = new RegExp(`^\\s+(${NUMBER_UNITS.map((u) => u.replace(/[.*+?^\${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`, 'iu');

/**
 * Nine digits that pass the 11-test (plain, or grouped 3-3-3 / 4-2-3 with spaces, dots or
 * dashes), not an amount of money. A BSN word ("BSN", "burgerservicenummer") makes it near
 * certain. Not flagged without one: a number named as an order, case or file number
 * ("Dossiernummer 238043861": the cue word says what it is) and a count before a unit ("468308520
 * testen").
 */
export const bsn: Detector = {
  id: 'bsn',
  category: 'AVG',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    if (a.digits < 9) return [];
    const found = bsnCandidates(a);
    if (found.length === 0) return [];
    const text = a.text;
    const bsnCue = hitsOf(a, LEX.bsnCue)[0];
    const numberCue = hitsOf(a, LEX.numberCue)[0];
    const flags: Flag[] = [];
    for (const c of found) {
      let confidence = c.amountLike ? 0.6 : 0.8;
      let why = `BSN ${c.digits} passes the 11-test`;
      if (bsnCue) {
        confidence = 0.97;
        why += `; the message says ${quote(text, bsnCue.wordStart, bsnCue.wordEnd)}`;
      } else if (numberCue || countOf(text, c.end)) continue;
      else if (c.amountLike) why += ', though written like an amount';
      flags.push(makeFlag(message, 'bsn', 'AVG', confidence, { start: c.start, end: c.end }, why));
    }
    return flags;
  },
};
