/**
 * Character classes shared by every detector, in one 64 KiB table built at module load: a
 * lookup per UTF-16 unit instead of a regex per message.
 *
 * Classes 6..31 are the letters a..z, upper and lower case and with their diacritics folded
 * (é → e, Ü → u), so lexicon patterns written in plain ASCII match "privé" and "CAFÉ" alike.
 */

export const C_OTHER = 0;
export const C_SPACE = 1;
export const C_HYPHEN = 2;
export const C_APOS = 3;
export const C_DIGIT = 4;
/** A letter outside a..z (ß, Greek, CJK) or a combining mark: part of a word, in no pattern. */
export const C_LETTER = 5;
export const C_A = 6;
/** Number of classes: the width of the lexicon automaton's transition table. */
export const CLASSES = 32;

export const CHAR_CLASS: Uint8Array = buildClasses();

function buildClasses(): Uint8Array {
  const t = new Uint8Array(0x10000);
  // One regex pass over the whole Basic Multilingual Plane (surrogate halves left out: they are
  // emoji and other astral symbols, class OTHER) is much cheaper than a test per character.
  let all = '';
  for (let c = 0; c < 0x10000; c += 0x1000) {
    const block: number[] = [];
    for (let d = c; d < c + 0x1000; d++) block.push(d >= 0xd800 && d <= 0xdfff ? 0x20 : d);
    all += String.fromCharCode(...block);
  }
  for (const m of all.matchAll(/[\p{L}\p{M}]/gu)) {
    const c = m.index;
    const base = c < 0x2000 ? String.fromCharCode(c).normalize('NFD').charCodeAt(0) | 0x20 : 0;
    t[c] = base >= 97 && base <= 122 ? C_A + (base - 97) : C_LETTER;
  }
  for (const m of all.matchAll(/\s/gu)) if (m.index < 0xd800 || m.index > 0xdfff) t[m.index] = C_SPACE;
  for (let c = 48; c <= 57; c++) t[c] = C_DIGIT;
  for (const c of [45, 0x2010, 0x2011]) t[c] = C_HYPHEN;
  for (const c of [39, 0x2019, 0x2018, 0x60]) t[c] = C_APOS;
  t[0x20] = C_SPACE;
  return t;
}

/** Letters and digits: what a word is made of. Hyphens and apostrophes end a word. */
export function isWordClass(cls: number): boolean {
  return cls >= C_DIGIT;
}

/** Whether position `i` of `text` holds a word character; false outside the text. */
export function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && CHAR_CLASS[text.charCodeAt(i)] >= C_DIGIT;
}

export function isLetterAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && CHAR_CLASS[text.charCodeAt(i)] >= C_LETTER;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isDigitAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** ASCII letter test (IBANs, plates, postcodes are ASCII only). */
export function isAsciiLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isUpperAsciiCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Start of the word (letters and digits) that contains or ends just before `i`. */
export function wordStartAt(text: string, i: number): number {
  while (i > 0 && CHAR_CLASS[text.charCodeAt(i - 1)] >= C_DIGIT) i--;
  return i;
}

/** End (exclusive) of the word that contains or starts at `i`. */
export function wordEndAt(text: string, i: number): number {
  const n = text.length;
  while (i < n && CHAR_CLASS[text.charCodeAt(i)] >= C_DIGIT) i++;
  return i;
}

/** Start of the hyphenated compound ("IC-bedden", "GGD-regio") around `i`. */
export function compoundStartAt(text: string, i: number): number {
  for (;;) {
    i = wordStartAt(text, i);
    if (i >= 2 && CHAR_CLASS[text.charCodeAt(i - 1)] === C_HYPHEN && CHAR_CLASS[text.charCodeAt(i - 2)] >= C_DIGIT) i -= 1;
    else return i;
  }
}

export function compoundEndAt(text: string, i: number): number {
  const n = text.length;
  for (;;) {
    i = wordEndAt(text, i);
    if (i + 1 < n && CHAR_CLASS[text.charCodeAt(i)] === C_HYPHEN && CHAR_CLASS[text.charCodeAt(i + 1)] >= C_DIGIT) i += 1;
    else return i;
  }
}
