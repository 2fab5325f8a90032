import { C_APOS, C_A, C_DIGIT, C_HYPHEN, C_SPACE, CHAR_CLASS, CLASSES } from './chars';

/**
 * One Aho–Corasick automaton for every word list at once, compiled at module load into a dense
 * transition table over the character classes of `chars.ts`. Scanning a message is one table
 * lookup per UTF-16 unit, however many lists and terms there are; a list adds states, not time.
 *
 * Pattern syntax (lexicon data files):
 * - `word`   the whole word only ("ic" matches "IC" and "IC-bedden", not "politiek");
 * - `word*`  a word starting with it ("ziekenhuis*": "ziekenhuizen" no, "ziekenhuisopname" yes);
 * - `*word`  a word ending with it ("*ontsteking": "longontsteking");
 * - `*word*` anywhere inside a word.
 * Spaces match one whitespace character; hyphens and apostrophes match themselves; letters
 * match either case with or without diacritics. Words are letters and digits: a hyphen or an
 * apostrophe ends one, so `ggd` matches in "GGD-regio's".
 */

export type Mode = 'exact' | 'prefix' | 'suffix' | 'infix';

export interface Entry {
  /** Which list (a small integer, see `lexicons.ts`). */
  lex: number;
  /** The list's group the term came from ("strong", "cued", "relation"…). */
  group: string;
  weight: number;
  /** The pattern as written, without the asterisks. */
  term: string;
  mode: Mode;
  /** Length in UTF-16 units (one class per unit). */
  length: number;
}

export interface Automaton {
  /** `delta[state * CLASSES + class]` is the next state. */
  delta: Int32Array;
  /** Entries ending in a state: `outs[outStart[s] .. outStart[s + 1])`. */
  outStart: Int32Array;
  outs: Int32Array;
  entries: Entry[];
}

export interface PatternSource {
  lex: number;
  group: string;
  weight: number;
  patterns: readonly string[];
}

/** Compiles pattern lists into one automaton. Throws on a pattern it cannot represent. */
export function compile(sources: readonly PatternSource[]): Automaton {
  const entries: Entry[] = [];
  const classSeqs: number[][] = [];
  for (const src of sources) {
    for (const raw of src.patterns) {
      const prefix = raw.endsWith('*');
      const suffix = raw.startsWith('*');
      const term = raw.slice(suffix ? 1 : 0, prefix ? -1 : undefined);
      if (term.length === 0) throw new Error(`empty pattern in list ${src.lex}`);
      const seq: number[] = [];
      for (let i = 0; i < term.length; i++) {
        const cls = CHAR_CLASS[term.charCodeAt(i)];
        if (cls !== C_SPACE && cls !== C_HYPHEN && cls !== C_APOS && cls !== C_DIGIT && cls < C_A) {
          throw new Error(`pattern "${raw}" has a character no text class matches: "${term[i]}"`);
        }
        seq.push(cls);
      }
      const mode: Mode = prefix && suffix ? 'infix' : prefix ? 'prefix' : suffix ? 'suffix' : 'exact';
      entries.push({ lex: src.lex, group: src.group, weight: src.weight, term, mode, length: term.length });
      classSeqs.push(seq);
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
  const delta = new Int32Array(n * CLASSES);
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
  return { delta, outStart, outs, entries };
}
