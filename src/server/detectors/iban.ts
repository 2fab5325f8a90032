import type { Flag } from '../../model';
import { analyse, type TextAnalysis } from './analysis';
import { isAsciiLetterCode, isDigitCode, isWordAt } from './chars';
import { makeFlag } from './flag';
import { numberChunks } from './numbers';
import type { Detector } from './types';

/** IBAN length per country (ISO 13616 registry), for the countries Dutch chats meet and more. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31,
  MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24,
  SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

export interface IbanHit {
  start: number;
  end: number;
  /** Upper case, no spaces. */
  iban: string;
}

/** ISO 7064 mod 97-10 over the rearranged IBAN (country and check digits moved to the end). */
export function ibanChecksumValid(iban: string): boolean {
  let r = 0;
  const n = iban.length;
  for (let k = 0; k < n; k++) {
    const c = iban.charCodeAt((k + 4) % n);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) r = (r * 100 + (c - 55)) % 97;
    else return false;
  }
  return r === 1;
}

/** Spaced in fours, as banks print it: "NL91 ABNA 0417 1643 00". */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Valid IBANs in the message: two letters (a known country), two check digits, then the
 * country's length of letters and digits, optionally in space-separated groups, passing
 * mod-97. Shared with the phone and BSN rules, which skip digits inside an IBAN.
 */
export function ibanHits(a: TextAnalysis): IbanHit[] {
  if (a.ibans) return a.ibans;
  const hits: IbanHit[] = [];
  if (a.digits >= 8) {
    const text = a.text;
    for (const chunk of numberChunks(a)) {
      const g = chunk.groups[0];
      if (g < 2 || !isAsciiLetterCode(text.charCodeAt(g - 1)) || !isAsciiLetterCode(text.charCodeAt(g - 2))) continue;
      if (isWordAt(text, g - 3) || chunk.groups[1] - g < 2) continue;
      const hit = readIban(text, g - 2);
      if (hit) hits.push(hit);
    }
  }
  a.ibans = hits;
  return hits;
}

function readIban(text: string, start: number): IbanHit | null {
  const country = text.slice(start, start + 2).toUpperCase();
  const length = IBAN_LENGTHS[country];
  if (!length) return null;
  let iban = '';
  let i = start;
  const n = text.length;
  while (i < n && iban.length < length) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c) || isAsciiLetterCode(c)) {
      iban += text[i];
      i++;
    } else if (c === 32 && iban.length >= 4 && i + 1 < n && isAsciiOrDigit(text.charCodeAt(i + 1))) i++;
    else break;
  }
  if (iban.length !== length || isWordAt(text, i)) return null;
  iban = iban.toUpperCase();
  if (!isDigitCode(iban.charCodeAt(2)) || !isDigitCode(iban.charCodeAt(3))) return null;
  if (!ibanChecksumValid(iban)) return null;
  return { start, end: i, iban };
}

function isAsciiOrDigit(c: number): boolean {
  return isDigitCode(c) || isAsciiLetterCode(c);
}

/** Dutch IBANs have a bank code of four letters and a ten-digit account number. */
const DUTCH_SHAPE = /^NL\d{2}[A-Z]{4}\d{10}$/;
function dutchShape(iban: string): boolean {
  return DUTCH_SHAPE.test(iban);
}

export const iban: Detector = {
  id: 'iban',
  category: 'AVG',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    if (a.digits < 8) return [];
    const flags: Flag[] = [];
    for (const h of ibanHits(a)) {
      const nl = h.iban.startsWith('NL');
      const confidence = nl ? (dutchShape(h.iban) ? 0.95 : 0.6) : 0.9;
      flags.push(makeFlag(message, 'iban', 'AVG', confidence, { start: h.start, end: h.end }, `IBAN ${formatIban(h.iban)} passes mod-97`));
    }
    return flags;
  },
};
