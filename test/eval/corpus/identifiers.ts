/**
 * Fictional identifiers for the evaluation corpus, with valid checksums computed and invalid ones
 * deliberately broken. Everything takes the seeded random source, so the corpus is reproducible.
 */

export type Rand = () => number;

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const chance = (r: Rand, p: number): boolean => r() < p;
export const digits = (r: Rand, n: number): string => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

// ---------------------------------------------------------------- BSN

/** The 11-test: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). */
export function elevenTestOk(d: string): boolean {
  if (!/^\d{9}$/.test(d) || /^0+$/.test(d)) return false;
  let s = 0;
  for (let i = 0; i < 8; i++) s += (9 - i) * Number(d[i]);
  s -= Number(d[8]);
  return ((s % 11) + 11) % 11 === 0;
}

export function validBsnDigits(r: Rand): string {
  for (;;) {
    const head = String(int(r, 1, 9)) + digits(r, 7);
    let s = 0;
    for (let i = 0; i < 8; i++) s += (9 - i) * Number(head[i]);
    const last = s % 11;
    if (last === 10) continue;
    const d = head + String(last);
    if (elevenTestOk(d)) return d;
  }
}

/** Nine digits that fail the 11-test. */
export function invalidBsnDigits(r: Rand): string {
  for (;;) {
    const d = String(int(r, 1, 9)) + digits(r, 8);
    if (!elevenTestOk(d)) return d;
  }
}

/** A BSN as people write it: 123456782, 1234.56.782, 123 456 782, 1234 56 782, 123.456.782. */
export function formatBsn(r: Rand, d: string): string {
  switch (int(r, 0, 6)) {
    case 0:
    case 1:
    case 2:
      return d;
    case 3:
      return `${d.slice(0, 4)}.${d.slice(4, 6)}.${d.slice(6)}`;
    case 4:
      return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
    case 5:
      return `${d.slice(0, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
    default:
      return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`;
  }
}

// ---------------------------------------------------------------- IBAN

function mod97(s: string): number {
  let m = 0;
  for (const ch of s) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const c of v) m = (m * 10 + Number(c)) % 97;
  }
  return m;
}

export function ibanOk(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(s)) return false;
  return mod97(s.slice(4) + s.slice(0, 4)) === 1;
}

function withCheck(country: string, bban: string): string {
  const check = 98 - mod97(bban + country + '00');
  return `${country}${pad(check, 2)}${bban}`;
}

const NL_BANKS = ['ABNA', 'INGB', 'RABO', 'TRIO', 'SNSB', 'ASNB', 'KNAB', 'BUNQ', 'RBRB', 'FVLB'];
const GB_BANKS = ['NWBK', 'BARC', 'MIDL', 'LOYD'];

export type IbanCountry = 'NL' | 'DE' | 'BE' | 'FR' | 'ES' | 'GB';

function bbanFor(r: Rand, country: IbanCountry): string {
  switch (country) {
    case 'NL':
      return pick(r, NL_BANKS) + digits(r, 10);
    case 'DE':
      return digits(r, 18);
    case 'BE':
      return digits(r, 12);
    case 'FR':
      return digits(r, 23);
    case 'ES':
      return digits(r, 20);
    case 'GB':
      return pick(r, GB_BANKS) + digits(r, 14);
  }
}

/** A valid IBAN (mod-97 = 1), compact. */
export function validIban(r: Rand, country: IbanCountry = 'NL'): string {
  return withCheck(country, bbanFor(r, country));
}

/** An IBAN-shaped string whose mod-97 check fails: check digits or one account digit changed. */
export function invalidIban(r: Rand, country: IbanCountry = 'NL'): string {
  for (;;) {
    const good = validIban(r, country);
    let bad: string;
    if (chance(r, 0.5)) {
      const check = (Number(good.slice(2, 4)) + int(r, 1, 9)) % 97;
      bad = good.slice(0, 2) + pad(Math.max(check, 2), 2) + good.slice(4);
    } else {
      const i = good.length - int(r, 1, 6);
      const d = (Number(good[i]) + int(r, 1, 9)) % 10;
      bad = good.slice(0, i) + String(d) + good.slice(i + 1);
    }
    if (!ibanOk(bad)) return bad;
  }
}

/** Grouped by four (the paper form), compact, or compact in lower case. */
export function formatIban(r: Rand, iban: string): string {
  const k = int(r, 0, 9);
  if (k <= 4) return iban.replace(/(.{4})(?=.)/g, '$1 ');
  if (k <= 8) return iban;
  return iban.toLowerCase();
}

// ---------------------------------------------------------------- phone numbers

/** Ten national digits of a Dutch mobile number: 06 followed by 1–5 or 8. */
export function mobileNational(r: Rand): string {
  return '06' + pick(r, ['1', '2', '3', '4', '5', '8']) + digits(r, 7);
}

const AREA_CODES = ['070', '010', '020', '030', '040', '050', '071', '072', '073', '076', '079', '0513', '0172', '0348', '0252', '0182', '0297', '0411'];

export function landlineNational(r: Rand): string {
  const area = pick(r, AREA_CODES);
  return area + String(int(r, 2, 9)) + digits(r, 10 - area.length - 1);
}

/** A Dutch mobile number in one of the ways people write it. */
export function formatMobile(r: Rand, n: string): string {
  const rest = n.slice(2); // 8 digits after 06
  switch (int(r, 0, 11)) {
    case 0:
    case 1:
    case 2:
      return `06-${rest}`;
    case 3:
    case 4:
      return n;
    case 5:
      return `06 ${rest}`;
    case 6:
      return `+31 6 ${rest.slice(0, 4)} ${rest.slice(4)}`;
    case 7:
      return `+316${rest}`;
    case 8:
      return `0031 6 ${rest}`;
    case 9:
      return `+31 (0)6 ${rest}`;
    case 10:
      return `06 ${rest.slice(0, 2)} ${rest.slice(2, 4)} ${rest.slice(4, 6)} ${rest.slice(6)}`;
    default:
      return `(06) ${rest.slice(0, 4)} ${rest.slice(4)}`;
  }
}

export function formatLandline(r: Rand, n: string): string {
  const area = n.startsWith('0') && ['0513', '0172', '0348', '0252', '0182', '0297', '0411'].includes(n.slice(0, 4)) ? n.slice(0, 4) : n.slice(0, 3);
  const rest = n.slice(area.length);
  switch (int(r, 0, 4)) {
    case 0:
    case 1:
      return `${area}-${rest}`;
    case 2:
      return `${area} ${rest.slice(0, 3)} ${rest.slice(3)}`;
    case 3:
      return `+31 ${area.slice(1)} ${rest}`;
    default:
      return n;
  }
}

/** Foreign numbers of private persons (Belgian, German, French, British mobile). */
export function foreignPhone(r: Rand): string {
  switch (int(r, 0, 3)) {
    case 0:
      return `+32 4${int(r, 60, 99)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`;
    case 1:
      return `+49 15${int(r, 1, 9)} ${digits(r, 4)} ${digits(r, 4)}`;
    case 2:
      return `+33 6 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`;
    default:
      return `+44 7700 ${digits(r, 6)}`;
  }
}

// ---------------------------------------------------------------- licence plates

/** Letters the RDW issues on modern plates (no vowels, no C, Q or Y). */
const PLATE_LETTERS = 'BDFGHJKLNPRSTVXZ';
const FORBIDDEN = ['SS', 'SD', 'GVD', 'KKK', 'NSB', 'PKK', 'PSV', 'TBS', 'PVV', 'SGP', 'VVD'];
const SHAPES = ['99-XXX-9', '9-XXX-99', 'XX-999-X', 'X-999-XX', 'XXX-99-X', '99-XX-XX', 'XX-99-XX', 'XX-XX-99', 'X-99-XXX', '9-XX-999'];

export function validPlate(r: Rand): string {
  for (;;) {
    const shape = pick(r, SHAPES);
    let s = '';
    for (const c of shape) s += c === '9' ? String(int(r, 1, 9)) : c === 'X' ? pick(r, PLATE_LETTERS.split('')) : c;
    const letters = s.replace(/[^A-Z-]/g, '');
    if (FORBIDDEN.some((f) => letters.split('-').some((g) => g.includes(f)))) continue;
    return s;
  }
}

// ---------------------------------------------------------------- dates of birth

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function randomDate(r: Rand, fromYear: number, toYear: number): { y: number; m: number; d: number } {
  const y = int(r, fromYear, toYear);
  const m = int(r, 1, 12);
  const d = int(r, 1, DAYS_IN[m - 1]);
  return { y, m, d };
}

/** A date as people write it: 3-4-1975, 03-04-1975, 3/4/75, 12 maart 1956, 1956-03-12, 12.03.1956. */
export function formatDate(r: Rand, x: { y: number; m: number; d: number }, allowShortYear = true): string {
  switch (int(r, 0, allowShortYear ? 6 : 5)) {
    case 0:
    case 1:
      return `${x.d}-${x.m}-${x.y}`;
    case 2:
      return `${pad(x.d, 2)}-${pad(x.m, 2)}-${x.y}`;
    case 3:
      return `${x.d} ${MONTHS[x.m - 1]} ${x.y}`;
    case 4:
      return `${x.y}-${pad(x.m, 2)}-${pad(x.d, 2)}`;
    case 5:
      return `${pad(x.d, 2)}.${pad(x.m, 2)}.${x.y}`;
    default:
      return `${x.d}/${x.m}/${String(x.y).slice(2)}`;
  }
}

export const MONTH_NAMES = MONTHS;

// ---------------------------------------------------------------- postcodes

export function postcode(r: Rand, spaced: boolean): string {
  for (;;) {
    const letters = pick(r, 'ABCDEGHJKLMNPRSTVWXZ'.split('')) + pick(r, 'ABCDEGHJKLMNPRSTVWXZ'.split(''));
    if (letters === 'SA' || letters === 'SD' || letters === 'SS') continue;
    return `${int(r, 1011, 9999)}${spaced ? ' ' : ''}${letters}`;
  }
}
