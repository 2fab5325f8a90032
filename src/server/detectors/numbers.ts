import { C_DIGIT, CHAR_CLASS } from './chars';
import type { TextAnalysis } from './analysis';

/**
 * A run of digit groups joined by short separators, the way people write numbers:
 * "06-12345678", "+31 (0)6 1234 5678", "111.222.333", "1234 AB" (the 1234), "12-03-2020".
 * Rules read the groups and decide what the chunk is; a chunk is scanned once per message.
 */
export interface NumberChunk {
  /** Includes a leading '+' or '('. */
  start: number;
  end: number;
  plus: boolean;
  /** Group bounds, flat: start0, end0, start1, end1, … */
  groups: number[];
  /** Whether the character before `start` / at `end` is a letter or digit. */
  wordBefore: boolean;
  wordAfter: boolean;
}

/** Separator characters between digit groups; at most two of them in a row. */
const CLS = CHAR_CLASS;
const WORD = C_DIGIT;

function isSeparator(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 46 || c === 45 || c === 47 || c === 40 || c === 41 || c === 0x202f;
}

export function numberChunks(a: TextAnalysis): NumberChunk[] {
  if (a.chunks) return a.chunks;
  const chunks = a.digits === 0 ? [] : scanChunks(a.text);
  a.chunks = chunks;
  return chunks;
}

export function scanChunks(text: string): NumberChunk[] {
  const out: NumberChunk[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 < 48 || c0 > 57) {
      i++;
      continue;
    }
    let start = i;
    let plus = false;
    if (i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p === 43) {
        plus = true;
        start = i - 1;
      } else if (p === 40) start = i - 1;
    }
    const groups: number[] = [];
    let j = i;
    let end = i;
    for (;;) {
      let e = j;
      while (e < n && isDigitCode(text.charCodeAt(e))) e++;
      groups.push(j, e);
      end = e;
      let k = e;
      while (k < n && k - e < 2 && isSeparator(text.charCodeAt(k))) k++;
      if (k > e && k < n && isDigitCode(text.charCodeAt(k))) {
        j = k;
        continue;
      }
      break;
    }
    out.push({
      start,
      end,
      plus,
      groups,
      wordBefore: start > 0 && CLS[text.charCodeAt(start - 1)] >= WORD,
      wordAfter: end < n && CLS[text.charCodeAt(end)] >= WORD,
    });
    i = end;
  }
  return out;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The separator text between group `k` and group `k + 1`. */
export function gapAfter(text: string, chunk: NumberChunk, k: number): string {
  return text.slice(chunk.groups[2 * k + 1], chunk.groups[2 * k + 2]);
}

export function groupCount(chunk: NumberChunk): number {
  return chunk.groups.length >> 1;
}

export function groupText(text: string, chunk: NumberChunk, k: number): string {
  return text.slice(chunk.groups[2 * k], chunk.groups[2 * k + 1]);
}

export function groupLength(chunk: NumberChunk, k: number): number {
  return chunk.groups[2 * k + 1] - chunk.groups[2 * k];
}
