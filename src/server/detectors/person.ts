import { hitsOf, type TextAnalysis } from './analysis';
import { LEX } from './lexicons';

export interface Cue {
  start: number;
  end: number;
}

/**
 * Possessive + relation pairs ("je moeder", "mijn man"): the possessive directly before the
 * relation, one space apart. Family evidence for privé, a person cue for health and criminal.
 */
export function relationPairs(a: TextAnalysis): Cue[] {
  if (a.pairs) return a.pairs;
  let pairs: Cue[] = [];
  const relations = hitsOf(a, LEX.relation);
  if (relations.length > 0) {
    const possessives = hitsOf(a, LEX.possessive);
    for (const r of relations) {
      const p = possessives.find((x) => x.wordEnd + 1 === r.wordStart);
      if (p && !pairs.some((q) => q.start === p.wordStart)) pairs.push({ start: p.wordStart, end: r.wordEnd });
    }
    // "mijn vader en moeder" gives one pair per possessive; longest first for equal starts.
    pairs = pairs.sort((x, y) => x.start - y.start);
  }
  a.pairs = pairs;
  return pairs;
}

/**
 * The sign that the message is about a particular person: the first possessive + relation
 * pair ("je moeder"), else the first first/third-person phrase ("ik ben", "ze ligt",
 * "beterschap").
 */
export function personCue(a: TextAnalysis): Cue | null {
  if (a.cue !== undefined) return a.cue;
  let cue: Cue | null = relationPairs(a)[0] ?? null;
  if (!cue) {
    for (const m of a.matches) {
      if (m.lex !== LEX.self) continue;
      cue = { start: m.wordStart, end: m.wordEnd };
      break;
    }
  }
  a.cue = cue;
  return cue;
}
