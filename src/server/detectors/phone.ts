import type { Flag } from '../../model';
import { analyse, type TextAnalysis } from './analysis';
import { makeFlag } from './flag';
import { ibanHits } from './iban';
import { LEX } from './lexicons';
import { gapAfter, groupCount, groupText, numberChunks, type NumberChunk } from './numbers';
import type { Detector } from './types';

export type PhoneKind = 'mobile' | 'landline' | 'pager' | 'voip' | 'non-geographic' | 'company' | 'foreign';

export interface PhoneHit {
  start: number;
  end: number;
  /** Ten national digits: 0612345678; a foreign number as + and its digits: +447700900123. */
  national: string;
  kind: PhoneKind;
  confidence: number;
}

// Number ranges from the Dutch numbering plan as libphonenumber describes it (national number,
// without the leading 0): mobile 6[1-58], pager 66, VoIP 85/91, 84/87 non-geographic, 88
// company numbers; 800 and 90[069] are service numbers (free, premium) and never flagged.
const MOBILE = /^6[1-58]\d{7}$/;
const FIXED_LINE =
  /^(?:1(?:[035]\d|1[13-578]|6[124-8]|7[24]|8[0-467])|2(?:[0346]\d|2[2-46-9]|5[125]|9[479])|3(?:[03568]\d|1[3-8]|2[01]|4[1-8])|4(?:[0356]\d|1[1-368]|7[58]|8[15-8]|9[23579])|5(?:[0358]\d|[19][1-9]|2[1-57-9]|4[13-8]|6[126]|7[0-3578])|7\d\d)\d{6}$/;
/** Area codes of four digits (0513, 0111): the rest have three (010, 020). */
const LONG_AREA_CODE = /^(?:1[16-8]|2[259]|3[124]|4[17-9]|5[124679])/;

/** What ten national digits are, with the rule's base confidence; null for no phone number. */
export function classifyNational(national: string): { kind: PhoneKind; confidence: number } | null {
  if (national.length !== 10 || national.charCodeAt(0) !== 48) return null;
  const nn = national.slice(1);
  if (MOBILE.test(nn)) return { kind: 'mobile', confidence: 0.9 };
  if (nn.startsWith('66')) return { kind: 'pager', confidence: 0.4 };
  if (nn.startsWith('85') || nn.startsWith('91')) return { kind: 'voip', confidence: 0.6 };
  if (nn.startsWith('84') || nn.startsWith('87')) return { kind: 'non-geographic', confidence: 0.5 };
  if (nn.startsWith('88')) return { kind: 'company', confidence: 0.3 };
  if (FIXED_LINE.test(nn)) return { kind: 'landline', confidence: 0.7 };
  return null;
}

/** The usual Dutch notation: 06-12345678, 010-1234567, 0513-123456, 088-1234567. */
export function formatNational(national: string, kind: PhoneKind): string {
  if (kind === 'foreign') return national;
  if (kind === 'mobile' || kind === 'pager') return `${national.slice(0, 2)}-${national.slice(2)}`;
  const cut = kind === 'landline' && LONG_AREA_CODE.test(national.slice(1)) ? 4 : 3;
  return `${national.slice(0, cut)}-${national.slice(cut)}`;
}

const DESCRIPTION: Record<PhoneKind, string> = {
  mobile: 'Dutch mobile number',
  landline: 'Dutch landline number',
  pager: 'Dutch pager number',
  voip: 'Dutch VoIP number',
  'non-geographic': 'Dutch non-geographic number',
  company: 'Dutch company number',
  foreign: 'foreign phone number',
};

/** A foreign number: a country code (not 31) and the rest, 10 to 15 digits in all (E.164). */
const FOREIGN_MIN = 10;
const FOREIGN_MAX = 15;
const FOREIGN_CONFIDENCE = 0.75;

/** "+31 (0)6": a lone 0 in brackets after the country code. */
function bracketZero(text: string, chunk: NumberChunk, j: number): boolean {
  return groupText(text, chunk, j) === '0' && gapAfter(text, chunk, j - 1).includes('(') && j + 1 < groupCount(chunk) && gapAfter(text, chunk, j).includes(')');
}

function chunkDigits(chunk: NumberChunk): number {
  let d = 0;
  for (let k = 0; k < chunk.groups.length; k += 2) d += chunk.groups[k + 1] - chunk.groups[k];
  return d;
}

function parseChunk(text: string, chunk: NumberChunk, out: PhoneHit[]): void {
  const g = groupCount(chunk);
  for (let k = 0; k < g; k++) {
    const leftOk = k === 0 ? !chunk.wordBefore : gapAfter(text, chunk, k - 1) === ' ';
    if (!leftOk) continue;
    const first = groupText(text, chunk, k);
    let national: string;
    if (k === 0 && chunk.plus) {
      if (!first.startsWith('31')) return foreign(text, chunk, first, out);
      national = '0' + first.slice(2);
    } else if (first.startsWith('0031')) national = '0' + first.slice(4);
    else if (first.startsWith('00')) {
      if (k === 0) return foreign(text, chunk, first.slice(2), out);
      continue;
    }
    else if (first.charCodeAt(0) === 48) national = first;
    else continue;
    let j = k;
    while (national.length < 10 && j + 1 < g) {
      j++;
      if (national === '0' && bracketZero(text, chunk, j)) continue;
      const part = groupText(text, chunk, j);
      national += national === '0' && part.charCodeAt(0) === 48 ? part.slice(1) : part;
    }
    if (national.length !== 10) continue;
    const rightOk = j === g - 1 ? !chunk.wordAfter : gapAfter(text, chunk, j) === ' ';
    if (!rightOk) continue;
    const kind = classifyNational(national);
    if (!kind) continue;
    const whole = k === 0 && j === g - 1;
    const start = k === 0 ? chunk.start : chunk.groups[2 * k];
    const startAt = text.charCodeAt(start) === 40 && !text.slice(start, chunk.groups[2 * j + 1]).includes(')') ? start + 1 : start;
    out.push({ start: startAt, end: chunk.groups[2 * j + 1], national, kind: kind.kind, confidence: whole ? kind.confidence : kind.confidence - 0.15 });
    k = j;
  }
}

/** The whole chunk as a foreign number ("+44 7700 900123", "0032 472 12 34 56"), if its length fits. */
function foreign(text: string, chunk: NumberChunk, first: string, out: PhoneHit[]): void {
  if (first.length === 0 || first.charCodeAt(0) === 48 || chunk.wordAfter) return;
  let digits = first;
  const g = groupCount(chunk);
  for (let j = 1; j < g; j++) digits += groupText(text, chunk, j);
  if (digits.length < FOREIGN_MIN || digits.length > FOREIGN_MAX) return;
  out.push({ start: chunk.start, end: chunk.groups[2 * g - 1], national: '+' + digits, kind: 'foreign', confidence: FOREIGN_CONFIDENCE });
}

/**
 * Dutch phone numbers in the +31 / 0031 / 0 forms, normalised to ten national digits and
 * checked against the numbering plan. Never inside a longer digit run (the chunk must end
 * there, or a single space must part it from its neighbours) nor inside an IBAN.
 * Shared with `bulk-pii`.
 */
export function phoneHits(a: TextAnalysis): PhoneHit[] {
  if (a.phones) return a.phones;
  let hits: PhoneHit[] = [];
  if (a.digits >= 10) {
    const text = a.text;
    for (const chunk of numberChunks(a)) {
      if (chunk.end - chunk.start >= 10 && chunkDigits(chunk) >= 10) parseChunk(text, chunk, hits);
    }
    if (hits.length > 0) {
      const ibans = ibanHits(a);
      if (ibans.length > 0) hits = hits.filter((p) => !ibans.some((h) => p.start < h.end && h.start < p.end));
    }
  }
  a.phones = hits;
  return hits;
}

/** A case, report or ticket word right before the number ("Incidentnummer 0612 4417 83", "melding 0786 505660"). */
const CUE_GAP = /^[\s:#.]*(?:[\p{L}\p{N}-]+[\s:#.]+)?$/u;

/** Cue words that name a number (not "pakket", "order": a parcel's courier has a phone). */
const NAMES_A_NUMBER = /nummer|nr$|melding|incident|ticket|kenmerk|referentie|case/;

function caseNumber(a: TextAnalysis, start: number): boolean {
  for (const m of a.matches) {
    if (m.lex !== LEX.numberCue || m.wordEnd > start || !NAMES_A_NUMBER.test(m.entry.term)) continue;
    if (start - m.wordEnd <= 30 && CUE_GAP.test(a.text.slice(m.wordEnd, start))) return true;
  }
  return false;
}

/**
 * Phone numbers that reach a person: Dutch mobiles, landlines and the like (+31 / 0031 / 0 forms,
 * checked against the numbering plan) and foreign numbers (+44 …, 0032 …). Not flagged: 088
 * company numbers (an organisation's switchboard; they still count for bulk-pii), and a number
 * right after a case, report or ticket word ("Incidentnummer 0612 4417 83": a case number
 * written like a phone number).
 */
export const phone: Detector = {
  id: 'phone',
  category: 'AVG',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    if (a.digits < 10) return [];
    const flags: Flag[] = [];
    for (const p of phoneHits(a)) {
      if (p.kind === 'company' || caseNumber(a, p.start)) continue;
      const why = `${DESCRIPTION[p.kind]} ${p.kind === 'foreign' ? a.text.slice(p.start, p.end) : formatNational(p.national, p.kind)}`;
      flags.push(makeFlag(message, 'phone', 'AVG', p.confidence, { start: p.start, end: p.end }, why));
    }
    return flags;
  },
};
