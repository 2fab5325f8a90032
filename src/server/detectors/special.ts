import type { Flag, FlagCategory } from '../../model';
import { analyse, hitsOf, overlaps, type LexMatch, type TextAnalysis } from './analysis';
import { CHAR_CLASS, C_DIGIT, compoundEndAt, compoundStartAt, isDigitAt } from './chars';
import { makeFlag, quote } from './flag';
import { LEX } from './lexicons';
import { personCue, relationPairs, type Cue } from './person';
import type { DetectorContext, ScanMessage } from './types';

export interface SpecialCategory {
  rule: string;
  category: FlagCategory;
  /** Word list and its cancelling list. */
  lex: number;
  notLex: number;
  /** For explanations: "health", "criminal record". */
  label: string;
  /** Compound heads ("*operatie") count only after one of these first parts; null: after any. */
  modifiers: ReadonlySet<string> | null;
}

/** How much a person cue adds, and what is left of a strong term in a work message. */
const CUE_BOOST = 0.3;
const WORK_FACTOR = 0.5;
/**
 * A first-person cue ("ik heb") counts for a term in the same sentence at most this many words
 * away; in a message with work vocabulary only right beside it ("ik heb met het ziekenhuis
 * gebeld over de levering" is work, "ik lig in het ziekenhuis" is not), within six words and with
 * no "met", "over", "voor" between them.
 */
const SELF_CUE_WORDS = 10;
const SELF_CUE_WORDS_AT_WORK = 6;
/** Words that make the term the object of business between a work cue and the term ("ik heb met het ziekenhuis gebeld"). */
const BUSINESS = /(?:^|[^\p{L}])(?:met|over|voor|aan|namens|via|with|about|for)(?=$|[^\p{L}])/iu;
/** A negator counts this many words before the term at most ("geen hoge koorts"). */
const NEGATION_GAP = 1;
/** A negative test result counts this many words either side ("corona test negatief"). */
const RESULT_GAP = 3;
/** A count or quantity counts this many words before the term at most ("56 mensen opgenomen"). */
const AGGREGATE_GAP = 2;

/**
 * Special-category words (health, criminal) with Dutch morphology and cheap role, negation and
 * work checks:
 * - the lists match inflected forms (automaton.ts) and compounds: `*kanker`, `*ontsteking`
 *   directly, and compound heads (`*operatie`, `*pijn`, `*straf`) after a body part or, for
 *   criminal, any first part ("hartoperatie", "rugpijn", "taakstraf");
 * - a 'not' phrase over the hit, or a work term in the same compound ("ziekenhuiscapaciteit",
 *   "IC-bedden", "aangiftebereidheid"), cancels it: that is the work's vocabulary;
 * - a negator just before it ("niet ziek", "geen koorts", "geen last van") cancels it, and so
 *   does a negative result near a COVID word ("gelukkig negatief getest op corona"): the window
 *   is one word before (three either side for a result) within the clause, so "ik weet niet of
 *   ze ziek is" still counts;
 * - a count or quantity just before it without a person cue ("aantal zieken", "340
 *   aanhoudingen", "veel besmet") is statistics, not a person's data;
 * - `cued` terms (COVID words, "aangehouden") count only when the message is about a person;
 * - a person cue raises confidence by 0.3: a possessive + relation anywhere ("je moeder"), a
 *   first-person phrase ("ik ben", "ze ligt", "mijn") in the same sentence within ten words (six
 *   in a message with work vocabulary);
 * - without one, in a message with work vocabulary only strong terms remain, at half weight.
 */
export function detectSpecial(message: ScanMessage, context: DetectorContext, spec: SpecialCategory): Flag[] {
  const a = analyse(message, context.policy);
  if (a.matches.length === 0) return [];
  const found = specialFindings(a, spec);
  if (found.length === 0) return [];
  return found.map((f) => makeFlag(message, spec.rule, spec.category, f.confidence, { start: f.hit.wordStart, end: f.hit.wordEnd }, f.why));
}

/** A special-category mention as the rule judges it: the hit, its confidence, why, and the person cue if any. */
export interface Finding {
  hit: LexMatch;
  confidence: number;
  why: string;
  cue: Cue | null;
}

/** The mentions of a special category in an analysed text (see `detectSpecial`), memoised on the analysis. */
export function specialFindings(a: TextAnalysis, spec: SpecialCategory): Finding[] {
  const health = spec.lex === LEX.health;
  let found = (health ? a.healthFindings : a.criminalFindings) as Finding[] | undefined;
  if (!found) {
    found = findings(a, spec);
    if (health) a.healthFindings = found;
    else a.criminalFindings = found;
  }
  return found;
}

const NO_FINDINGS: Finding[] = [];

function findings(a: TextAnalysis, spec: SpecialCategory): Finding[] {
  if (a.matches.length === 0) return NO_FINDINGS;
  const hits = candidates(a, spec);
  if (hits.length === 0) return NO_FINDINGS;
  const text = a.text;
  const nots = hitsOf(a, spec.notLex);
  const work = hitsOf(a, LEX.work);
  // Crisis vocabulary that is no mention itself ("ziekenhuizen", "zorg", "virus") makes the message crisis work too.
  const atWork = work.length > 0 || a.matches.some((c) => c.lex === LEX.crisis && !a.matches.some((h) => (h.lex === LEX.health || h.lex === LEX.criminal) && overlaps(h, c.wordStart, c.wordEnd)));
  const out: Finding[] = [];
  for (const m of hits) {
    if (nots.length > 0 && nots.some((n) => overlaps(n, m.wordStart, m.wordEnd))) continue;
    if (work.length > 0) {
      const cs = compoundStartAt(text, m.wordStart);
      const ce = compoundEndAt(text, m.wordEnd);
      if (work.some((w) => overlaps(w, cs, ce))) continue;
    }
    if (negated(a, m)) continue;
    const group = m.entry.group;
    const cue = cueFor(a, m, atWork ? SELF_CUE_WORDS_AT_WORK : SELF_CUE_WORDS);
    if (!cue && aggregated(a, m)) continue;
    const term = quote(text, m.wordStart, m.wordEnd);
    let confidence: number;
    let why: string;
    if (cue) {
      confidence = Math.min(0.95, m.entry.weight + CUE_BOOST);
      why = `${term} (${spec.label}) about a person (${quote(text, cue.start, cue.end)})`;
    } else if (group === 'cued') {
      continue;
    } else if (atWork) {
      if (group !== 'strong') continue;
      const w = work.find((x) => !overlaps(x, m.wordStart, m.wordEnd)) ?? work[0] ?? a.matches.find((c) => c.lex === LEX.crisis)!;
      confidence = m.entry.weight * WORK_FACTOR;
      why = `${term} (${spec.label}) in a work message (${quote(text, w.wordStart, w.wordEnd)}): check whether it is about a person`;
    } else {
      confidence = m.entry.weight;
      why = `${term} (${spec.label})`;
    }
    out.push({ hit: m, confidence, why, cue });
  }
  return out;
}

/**
 * Leftmost-longest hits of the list, of those that may count: a compound head needs a first
 * part (a body part for health) before it in the same word.
 */
function candidates(a: TextAnalysis, spec: SpecialCategory): LexMatch[] {
  let out: LexMatch[] | null = null;
  let until = -1;
  for (const m of a.matches) {
    if (m.lex !== spec.lex || m.wordStart < until) continue;
    if (m.entry.group === 'compound' && !compoundOk(a.text, m, spec.modifiers)) continue;
    (out ??= []).push(m);
    until = m.wordEnd;
  }
  return out ?? NO_HITS;
}

const NO_HITS: LexMatch[] = [];

function compoundOk(text: string, m: LexMatch, modifiers: ReadonlySet<string> | null): boolean {
  if (m.start <= m.wordStart) return false;
  if (!modifiers) return m.start - m.wordStart >= 3;
  const first = fold(text.slice(m.wordStart, m.start));
  if (modifiers.has(first)) return true;
  // A longer first part ending in a body part of four letters or more: "sleutelbeen", "slokdarm".
  for (let k = 1; k + 4 <= first.length; k++) if (modifiers.has(first.slice(k))) return true;
  return false;
}

const MARKS = /\p{M}/gu;
function fold(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').toLowerCase();
}

const CLAUSE_BREAK = /[.,;:!?()\n\r]/;
const SENTENCE_BREAK = /[.!?\n\r]/;

/** Words strictly between two offsets, or -1 when a break of `breaks` lies between them. */
function wordsBetween(text: string, from: number, to: number, breaks: RegExp): number {
  if (to < from) return -1;
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (breaks.test(ch) && !((ch === '.' || ch === ',' || ch === ':') && isDigitAt(text, i - 1) && isDigitAt(text, i + 1))) return -1;
    const w = CHAR_CLASS[text.charCodeAt(i)] >= C_DIGIT;
    if (w && !inWord) words++;
    inWord = w;
  }
  return words;
}

/** "niet ziek", "geen last van koorts", "corona? gelukkig negatief". */
function negated(a: TextAnalysis, m: LexMatch): boolean {
  const text = a.text;
  for (const n of a.matches) {
    if (n.lex === LEX.negation) {
      if (n.wordEnd > m.wordStart) continue;
      const gap = wordsBetween(text, n.wordEnd, m.wordStart, CLAUSE_BREAK);
      if (gap >= 0 && gap <= NEGATION_GAP) return true;
    } else if (n.lex === LEX.negativeResult && m.entry.group === 'cued') {
      const gap = n.wordEnd <= m.wordStart
        ? wordsBetween(text, n.wordEnd, m.wordStart, CLAUSE_BREAK)
        : n.wordStart >= m.wordEnd ? wordsBetween(text, m.wordEnd, n.wordStart, CLAUSE_BREAK) : -1;
      if (gap >= 0 && gap <= RESULT_GAP) return true;
    }
  }
  return false;
}

/** A count or a quantity word just before the term: "aantal zieken", "56 mensen opgenomen". */
function aggregated(a: TextAnalysis, m: LexMatch): boolean {
  const text = a.text;
  for (const g of a.matches) {
    if (g.wordEnd > m.wordStart) break;
    if (g.lex !== LEX.aggregate) continue;
    const gap = wordsBetween(text, g.wordEnd, m.wordStart, CLAUSE_BREAK);
    if (gap >= 0 && gap <= AGGREGATE_GAP) return true;
  }
  if (a.digits === 0) return false;
  // A number among the words just before ("56 mensen opgenomen", "1.234 zieken"), not across a
  // singular verb ("die jongen uit nummer 12 is vastgezet").
  let i = m.wordStart;
  for (let w = 0; w <= AGGREGATE_GAP; w++) {
    while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
    const end = i;
    while (i > 0 && text.charCodeAt(i - 1) !== 32 && text.charCodeAt(i - 1) !== 10) i--;
    if (i === end) return false;
    const word = text.slice(i, end);
    if (NUMBER.test(word)) return true;
    if (CLAUSE_BREAK.test(word) || SINGULAR_VERB.test(word)) return false;
  }
  return false;
}

const SINGULAR_VERB = /^(?:is|was|werd|wordt|heeft|had)$/i;
const NUMBER = /^\d[\d.,]*%?$/;

/** The person cue that counts for a term: a possessive + relation anywhere, a first-person phrase nearby. */
function cueFor(a: TextAnalysis, m: LexMatch, maxWords: number): Cue | null {
  const pair = relationPairs(a)[0];
  if (pair) return pair;
  if (!personCue(a)) return thirdPerson(a, m);
  for (const s of a.matches) {
    if (s.lex !== LEX.self) continue;
    const gap = s.wordEnd <= m.wordStart
      ? wordsBetween(a.text, s.wordEnd, m.wordStart, SENTENCE_BREAK)
      : m.wordEnd <= s.wordStart ? wordsBetween(a.text, m.wordEnd, s.wordStart, SENTENCE_BREAK) : 0;
    if (gap < 0 || gap > maxWords) continue;
    if (maxWords === SELF_CUE_WORDS_AT_WORK && s.wordEnd <= m.wordStart && BUSINESS.test(a.text.slice(s.wordEnd, m.wordStart))) continue;
    return { start: s.wordStart, end: s.wordEnd };
  }
  return thirdPerson(a, m);
}

/** "is", "heeft", "ligt"… at most two words before the term: the verb of a third-person statement. */
const SUBJECT_VERB = /(?:^|[^\p{L}])(?:is|was|werd|wordt|heeft|had|ligt|lag|zit|zat|kreeg|krijgt|moest|moet|has|had|was|is|got)(?:\s+[\p{L}\p{N}'’-]+){0,2}\s+$/iu;

/**
 * A person in the third person: a singular person noun ("de man", "onze chauffeur",
 * "patiënt") or a capitalised first name earlier in the sentence, and a verb such as "is",
 * "heeft", "ligt" just before the term ("Iris is positief getest", "De man die de teststraat
 * bekogelde is aangehouden"). The cue is the noun or name.
 */
function thirdPerson(a: TextAnalysis, m: LexMatch): Cue | null {
  const text = a.text;
  if (!SUBJECT_VERB.test(text.slice(Math.max(0, m.wordStart - 40), m.wordStart))) return null;
  for (const p of a.matches) {
    if (p.lex !== LEX.personNoun && p.lex !== LEX.firstName) continue;
    if (p.wordEnd > m.wordStart) break;
    const gap = wordsBetween(text, p.wordEnd, m.wordStart, SENTENCE_BREAK);
    if (gap >= 0 && gap <= THIRD_PERSON_WORDS) return { start: p.wordStart, end: p.wordEnd };
  }
  return null;
}

/** A person noun and its verb within this many words of the term. */
const THIRD_PERSON_WORDS = 14;
