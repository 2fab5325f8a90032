import type { Policy } from '../../model';
import { C_A, C_DIGIT, C_HYPHEN, C_OTHER, CHAR_CLASS, CLASSES } from './chars';
import { inflectionOk, type Automaton, type Entry } from './automaton';
import { automatonFor, DEFAULT_AUTOMATON, PRIVATE_EMOJI } from './lexicons';
import type { EmailHit } from './email';
import type { IbanHit } from './iban';
import type { NumberChunk } from './numbers';
import type { Cue } from './person';
import type { PhoneHit } from './phone';
import type { ScanMessage } from './types';

/** A word-list hit. */
export interface LexMatch {
  entry: Entry;
  lex: number;
  /** What the pattern matched. */
  start: number;
  end: number;
  /** The whole word(s) around it: `ziekenhuis*` in "ziekenhuisopname" covers the word. */
  wordStart: number;
  wordEnd: number;
}

export interface EmojiHit {
  index: number;
  length: number;
  weight: number;
}

/**
 * Everything about a message's text that more than one rule needs, computed in one pass:
 * word-list hits of every list, digit count, first '@', whether a hyphen occurs, private
 * emoji. Rules that need more (number chunks, IBANs, e-mail addresses, phone numbers, person
 * cues) keep it in the memo fields, filled on first use, so every rule of one scan shares them.
 */
export class TextAnalysis {
  /** Memo fields, filled by the rules' shared helpers on first use (see numbers.ts, iban.ts…). */
  chunks: NumberChunk[] | undefined = undefined;
  ibans: IbanHit[] | undefined = undefined;
  emails: EmailHit[] | undefined = undefined;
  phones: PhoneHit[] | undefined = undefined;
  pairs: Cue[] | undefined = undefined;
  cue: Cue | null | undefined = undefined;
  /** Memo fields of the topic and privé rules (topic.ts, private.ts). */
  topic: unknown = undefined;
  privateScore: unknown = undefined;
  /** Whether the message is a short reply (context.ts). */
  reply: boolean | undefined = undefined;
  /** Health and criminal mentions (special.ts). */
  healthFindings: unknown = undefined;
  criminalFindings: unknown = undefined;

  constructor(
    readonly text: string,
    /** Sorted by start, longer first. */
    readonly matches: LexMatch[],
    readonly digits: number,
    /** Index of the first '@', or -1. */
    readonly firstAt: number,
    readonly hyphen: boolean,
    readonly emoji: EmojiHit[] | null,
  ) {}
}

const NO_MATCHES: LexMatch[] = [];

// The scan loop indexes the transition table with `state << 5`.
if (CLASSES !== 32) throw new Error('the lexicon automaton expects 32 character classes');

// Module-local bindings: the scan loop must not go through import accessors.
const CLS = CHAR_CLASS;
const EMOJI = PRIVATE_EMOJI;
const WORD = C_DIGIT;

function wordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && CLS[text.charCodeAt(i)] >= WORD;
}

/**
 * A small memo of recent analyses, keyed by message object (and its text, should someone
 * mutate it, and the automaton): every rule of a scan shares one analysis per message, and
 * rules that look at neighbours (topic, name) find theirs here too. Eight entries hold a
 * message, three before and three after it, and one spare.
 */
const MEMO = 8;
const memoMessages: (ScanMessage | undefined)[] = new Array(MEMO).fill(undefined);
const memoTexts: string[] = new Array(MEMO).fill('');
const memoAutomata: (Automaton | undefined)[] = new Array(MEMO).fill(undefined);
const memoAnalyses: (TextAnalysis | undefined)[] = new Array(MEMO).fill(undefined);
let memoLast = 0;
let memoNext = 0;
let lastPolicy: Policy | undefined;
let lastAutomaton: Automaton = DEFAULT_AUTOMATON;

/** The analysis of `message` under `policy`'s word lists, shared by every rule that scans it. */
export function analyse(message: ScanMessage, policy: Policy): TextAnalysis {
  const l = memoLast;
  if (memoMessages[l] === message && policy === lastPolicy && memoTexts[l] === message.text) return memoAnalyses[l]!;
  if (policy !== lastPolicy) {
    lastAutomaton = automatonFor(policy);
    lastPolicy = policy;
  }
  const automaton = lastAutomaton;
  for (let i = 0; i < MEMO; i++) {
    if (memoMessages[i] === message && memoAutomata[i] === automaton && memoTexts[i] === message.text) {
      memoLast = i;
      return memoAnalyses[i]!;
    }
  }
  const a = analyseText(message.text, automaton);
  const slot = memoNext;
  memoNext = (slot + 1) % MEMO;
  memoMessages[slot] = message;
  memoTexts[slot] = message.text;
  memoAutomata[slot] = automaton;
  memoAnalyses[slot] = a;
  memoLast = slot;
  return a;
}

/** Whether the word that `entry` matched up to `end` continues with an inflection ending; its end, or -1. */
function inflectedEnd(text: string, end: number, entry: Entry): number {
  const n = text.length;
  let e = end;
  let rest = '';
  while (e < n) {
    const cls = CLS[text.charCodeAt(e)];
    if (cls < WORD) break;
    if (cls < C_A || e - end >= 6) return -1;
    rest += String.fromCharCode(97 + cls - C_A);
    e++;
  }
  return inflectionOk(entry, rest) ? e : -1;
}

function isCapital(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

export function analyseText(text: string, automaton: Automaton = DEFAULT_AUTOMATON): TextAnalysis {
  const { delta, outStart, outs, entries } = automaton;
  const n = text.length;
  let matches: LexMatch[] | null = null;
  let emoji: EmojiHit[] | null = null;
  let digits = 0;
  let firstAt = -1;
  let hyphen = false;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const cls = CLS[c];
    s = delta[(s << 5) + cls];
    const o0 = outStart[s];
    const o1 = outStart[s + 1];
    if (o0 !== o1) {
      for (let k = o0; k < o1; k++) {
        const entry = entries[outs[k]];
        const end = i + 1;
        const start = end - entry.length;
        const mode = entry.mode;
        let wordStart = start;
        let wordEnd = end;
        if (mode === 'exact' || mode === 'prefix') {
          if (wordAt(text, start - 1)) continue;
        } else while (wordStart > 0 && CLS[text.charCodeAt(wordStart - 1)] >= WORD) wordStart--;
        if (mode === 'exact' || mode === 'suffix') {
          if (wordAt(text, end)) {
            if (entry.inflect === 0 || (wordEnd = inflectedEnd(text, end, entry)) < 0) continue;
          } else if (entry.inflect === 3) continue;
        } else while (wordEnd < n && CLS[text.charCodeAt(wordEnd)] >= WORD) wordEnd++;
        if (entry.caps && !isCapital(text.charCodeAt(start))) continue;
        (matches ??= []).push({ entry, lex: entry.lex, start, end, wordStart, wordEnd });
      }
    }
    if (cls <= WORD) {
      if (cls === WORD) digits++;
      else if (cls === C_OTHER) {
        if (c === 64) {
          if (firstAt < 0) firstAt = i;
        } else if (c >= 0x2000) {
          let cp = c;
          let len = 1;
          if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
            const lo = text.charCodeAt(i + 1);
            if (lo >= 0xdc00 && lo <= 0xdfff) {
              cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
              len = 2;
            }
          }
          const w = EMOJI.get(cp);
          if (w !== undefined) (emoji ??= []).push({ index: i, length: len, weight: w });
        }
      } else if (cls === C_HYPHEN) hyphen = true;
    }
  }
  if (matches && matches.length > 1) sortMatches(matches);
  return new TextAnalysis(text, matches ?? NO_MATCHES, digits, firstAt, hyphen, emoji);
}


function sortMatches(m: LexMatch[]): void {
  // Insertion sort: a message has a handful of hits, already nearly ordered by end.
  for (let i = 1; i < m.length; i++) {
    const x = m[i];
    let j = i - 1;
    while (j >= 0 && before(x, m[j])) {
      m[j + 1] = m[j];
      j--;
    }
    m[j + 1] = x;
  }
}

function before(a: LexMatch, b: LexMatch): boolean {
  if (a.wordStart !== b.wordStart) return a.wordStart < b.wordStart;
  const la = a.wordEnd - a.wordStart;
  const lb = b.wordEnd - b.wordStart;
  if (la !== lb) return la > lb;
  return a.entry.weight > b.entry.weight;
}

/** The hits of one list. */
export function hitsOf(a: TextAnalysis, lex: number): readonly LexMatch[] {
  let out: LexMatch[] | null = null;
  for (const m of a.matches) if (m.lex === lex) (out ??= []).push(m);
  return out ?? NO_MATCHES;
}

export function hasHit(a: TextAnalysis, lex: number): boolean {
  for (const m of a.matches) if (m.lex === lex) return true;
  return false;
}

/**
 * Leftmost-longest hits of one list: of overlapping hits keep the one that starts first, then
 * the longer, then the heavier ("fijn weekend" over "weekend", "ziekenhuisopname" over
 * "ziekenhuis*").
 */
export function selectHits(a: TextAnalysis, lex: number): readonly LexMatch[] {
  let out: LexMatch[] | null = null;
  let until = -1;
  for (const m of a.matches) {
    if (m.lex !== lex || m.wordStart < until) continue;
    (out ??= []).push(m);
    until = m.wordEnd;
  }
  return out ?? NO_MATCHES;
}

export function overlaps(m: { wordStart: number; wordEnd: number }, start: number, end: number): boolean {
  return m.wordStart < end && start < m.wordEnd;
}
