import { C_APOS, C_A, C_DIGIT, C_HYPHEN, C_LETTER, C_SPACE, CHAR_CLASS, CLASSES } from './chars';

/**
 * One Aho–Corasick automaton for every word list at once, compiled into a dense transition
 * table over the character classes of `chars.ts`. Scanning a message is one table lookup per
 * UTF-16 unit, however many lists and terms there are; a list adds states, not time. The
 * built-in lists compile once at module load; a policy that changes the lists gets its own
 * automaton, compiled once (see `lexicons.ts`).
 *
 * Pattern syntax (lexicon data files and policy word lists):
 * - `word`   the whole word only ("ic" matches "IC" and "IC-bedden", not "politiek");
 * - `word*`  a word starting with it ("ziekenhuis*": "ziekenhuizen" no, "ziekenhuisopname" yes);
 * - `*word`  a word ending with it ("*ontsteking": "longontsteking");
 * - `*word*` anywhere inside a word.
 * Spaces match one whitespace character; hyphens and apostrophes match themselves; letters
 * match either case with or without diacritics. Words are letters and digits: a hyphen or an
 * apostrophe ends one, so `ggd` matches in "GGD-regio's".
 *
 * Inflection (`Inflect`): an entry of a Dutch list also matches its word with a Dutch plural,
 * diminutive or adjective ending ("operatie" → "operaties", "operatietje"; "pil" → "pillen",
 * "pilletje"; "ziek" → "zieke"), and words ending in s/f or a long vowel get their spelling
 * alternation ("depressief" → "depressieve", "kuur" → "kuren"); English entries take -s/-es.
 * The ending is checked when a match is followed by more letters, so it costs no states.
 */

export type Mode = 'exact' | 'prefix' | 'suffix' | 'infix';

/** 0: none; 1: Dutch endings; 2: English -s/-es; 3: a Dutch alternation stem that needs an ending. */
export type Inflect = 0 | 1 | 2 | 3;

export interface Entry {
  /** Which list (a small integer, see `lexicons.ts`). */
  lex: number;
  /** The list's group the term came from ("strong", "cued", "relation"…). */
  group: string;
  weight: number;
  /** The pattern as written, without the asterisks. */
  term: string;
  mode: Mode;
  /** Length in UTF-16 units (one class per unit) of what the automaton matches. */
  length: number;
  inflect: Inflect;
  /** Counts only when its first letter is a capital (first names). */
  caps: boolean;
  /** The term's last word folded to a..z (for the inflection check), '' when it ends in a non-letter. */
  folded: string;
}

export interface Automaton {
  /**
   * `delta[state * CLASSES + class]` is the next state: 16 bits while the states fit (half the
   * memory, so more of the table stays in the CPU cache), else 32.
   */
  delta: Uint16Array | Int32Array;
  /** Entries ending in a state: `outs[outStart[s] .. outStart[s + 1])`. */
  outStart: Int32Array;
  outs: Int32Array;
  entries: Entry[];
  /** Patterns left out because no text could ever match them (lenient sources only). */
  skipped: string[];
}

export interface PatternSource {
  lex: number;
  group: string;
  weight: number;
  patterns: readonly string[];
  inflect?: 0 | 1 | 2;
  caps?: boolean;
  /**
   * Policy patterns: never throw. Characters are normalised (NFKD: "ĳ" → "ij", "²" → "2",
   * combining marks dropped), a letter outside a..z (ß, ø, Greek) matches any such letter, and
   * a pattern that still holds a character no text class matches is left out (`skipped`).
   */
  lenient?: boolean;
}

const COMBINING = /\p{M}/gu;

function classesOf(term: string): number[] | null {
  const seq: number[] = [];
  for (let i = 0; i < term.length; i++) {
    const cls = CHAR_CLASS[term.charCodeAt(i)];
    if (cls !== C_SPACE && cls !== C_HYPHEN && cls !== C_APOS && cls !== C_DIGIT && cls < C_LETTER) return null;
    seq.push(cls);
  }
  return seq;
}

/** The last word of a class sequence as a..z letters: '' when it ends in anything else. */
function foldClasses(seq: readonly number[]): string {
  let s = '';
  for (let i = seq.length - 1; i >= 0 && seq[i] >= C_A; i--) s = String.fromCharCode(97 + seq[i] - C_A) + s;
  return s;
}

const VOWEL = /[aeiouy]/;

/**
 * The spelling-alternation stem of a Dutch word, or null: s → z and f → v after a vowel
 * ("huis" → "huiz-en", "depressief" → "depressiev-e"), and a long vowel written double before
 * the last consonant written single ("kuur" → "kur-en", "been" → "ben-en").
 */
export function alternationStem(folded: string): string | null {
  const n = folded.length;
  if (n < 3) return null;
  const last = folded[n - 1];
  const prev = folded[n - 2];
  let stem = folded;
  if ((last === 's' || last === 'f') && VOWEL.test(prev)) stem = folded.slice(0, -1) + (last === 's' ? 'z' : 'v');
  const m = /([aeou])\1([^aeiouy])$/.exec(stem);
  if (m && n >= 4) stem = stem.slice(0, -3) + m[1] + m[2];
  return stem === folded ? null : stem;
}

/** Compiles pattern lists into one automaton. Throws on a pattern it cannot represent, unless the source is lenient. */
export function compile(sources: readonly PatternSource[]): Automaton {
  const entries: Entry[] = [];
  const classSeqs: number[][] = [];
  const skipped: string[] = [];
  const add = (src: PatternSource, term: string, seq: number[], mode: Mode, inflect: Inflect) => {
    entries.push({
      lex: src.lex, group: src.group, weight: src.weight, term, mode, length: seq.length, inflect,
      caps: src.caps === true, folded: foldClasses(seq),
    });
    classSeqs.push(seq);
  };
  for (const src of sources) {
    for (const raw0 of src.patterns) {
      const raw = src.lenient ? raw0.trim().normalize('NFKD').replace(COMBINING, '') : raw0;
      const prefix = raw.endsWith('*');
      const suffix = raw.startsWith('*');
      const term = raw.slice(suffix ? 1 : 0, prefix ? -1 : undefined);
      if (term.length === 0 || (prefix && suffix && raw.length < 2)) {
        if (src.lenient) {
          skipped.push(raw0);
          continue;
        }
        throw new Error(`empty pattern in list ${src.lex}`);
      }
      const seq = classesOf(term);
      if (!seq) {
        if (src.lenient) {
          skipped.push(raw0);
          continue;
        }
        const bad = [...term].find((ch) => classesOf(ch) === null);
        throw new Error(`pattern "${raw}" has a character no text class matches: "${bad}"`);
      }
      if (!src.lenient && seq.includes(C_LETTER)) throw new Error(`pattern "${raw}" has a letter outside a-z: write it without diacritics`);
      const mode: Mode = prefix && suffix ? 'infix' : prefix ? 'prefix' : suffix ? 'suffix' : 'exact';
      const inflects = (mode === 'exact' || mode === 'suffix') && src.inflect ? src.inflect : 0;
      add(src, term, seq, mode, inflects);
      if (inflects === 1) {
        const folded = foldClasses(seq);
        const stem = folded ? alternationStem(folded) : null;
        if (stem) add(src, term, [...seq.slice(0, seq.length - folded.length), ...classesOf(stem)!], mode, 3);
      }
    }
  }

  // Trie.
  const goto: Int32Array[] = [new Int32Array(CLASSES).fill(-1)];
  const own: number[][] = [[]];
  classSeqs.forEach((seq, id) => {
    let s = 0;
    for (const cls of seq) {
      let t = goto[s][cls];
      if (t < 0) {
        t = goto.length;
        goto.push(new Int32Array(CLASSES).fill(-1));
        own.push([]);
        goto[s][cls] = t;
      }
      s = t;
    }
    own[s].push(id);
  });

  // Breadth-first: failure links, full transitions, merged outputs.
  const n = goto.length;
  const delta = n <= 0x10000 ? new Uint16Array(n * CLASSES) : new Int32Array(n * CLASSES);
  const fail = new Int32Array(n);
  const outLists: number[][] = new Array(n);
  outLists[0] = own[0];
  const queue: number[] = [];
  for (let c = 0; c < CLASSES; c++) {
    const t = goto[0][c];
    if (t >= 0) {
      delta[c] = t;
      fail[t] = 0;
      queue.push(t);
    } else delta[c] = 0;
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    outLists[s] = own[s].concat(outLists[fail[s]]);
    for (let c = 0; c < CLASSES; c++) {
      const t = goto[s][c];
      if (t >= 0) {
        fail[t] = delta[fail[s] * CLASSES + c];
        delta[s * CLASSES + c] = t;
        queue.push(t);
      } else delta[s * CLASSES + c] = delta[fail[s] * CLASSES + c];
    }
  }
  const outStart = new Int32Array(n + 1);
  let total = 0;
  for (let s = 0; s < n; s++) {
    outStart[s] = total;
    total += outLists[s].length;
  }
  outStart[n] = total;
  const outs = new Int32Array(total);
  for (let s = 0; s < n; s++) outs.set(outLists[s], outStart[s]);
  return { delta, outStart, outs, entries, skipped };
}

const DUTCH_ENDINGS = new Set(['e', 'en', 'je', 'jes', 'tje', 'tjes', 'pje', 'pjes', 'etje', 'etjes', 'ie', 'ies']);

/**
 * Whether `rest` (folded a..z) is an inflection ending of `entry`'s word: Dutch plural (-s,
 * -en, -n after e, a doubled consonant + -en), diminutive (-je, -tje, -pje, -etje, plural -s),
 * adjective -e; English -s/-es. Alternation stems (inflect 3) need -e or -en.
 */
export function inflectionOk(entry: Entry, rest: string): boolean {
  const t = entry.folded;
  if (t === '' || rest === '') return false;
  const last = t[t.length - 1];
  if (entry.inflect === 2) return rest === 's' || rest === 'es';
  if (entry.inflect === 3) return rest === 'e' || rest === 'en';
  const vowelEnd = VOWEL.test(last);
  if (rest === 's') return vowelEnd || /e[lmnr]$/.test(t) || entry.length >= 5;
  if (rest === 'n') return last === 'e';
  if (rest === 'en') return !vowelEnd;
  if (!vowelEnd && rest[0] === last) {
    // Doubled consonant after a short vowel: "pil" → "pillen", "pilletje"; "grap" → "grappen".
    const r = rest.slice(1);
    const prev = t[t.length - 2] ?? '';
    const prev2 = t[t.length - 3] ?? '';
    if ((r === 'en' || r === 'e' || r === 'etje' || r === 'etjes') && VOWEL.test(prev) && !VOWEL.test(prev2)) return true;
  }
  if (rest === 'e') return !vowelEnd;
  if (rest === 'ie' || rest === 'ies') return false;
  return DUTCH_ENDINGS.has(rest);
}
