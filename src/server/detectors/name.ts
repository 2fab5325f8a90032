import type { Flag } from '../../model';
import { analyse, type LexMatch, type TextAnalysis } from './analysis';
import { CHAR_CLASS, C_DIGIT, wordEndAt } from './chars';
import { neighbourAt, RADIUS } from './context';
import { makeFlag } from './flag';
import { LEX, NAME_ALSO_CAPITAL_WORDS, NAME_ALSO_WORDS, NAME_INSTITUTIONS, NAME_PARTICLES } from './lexicons';
import { PRIVATE_THRESHOLD, privateScore } from './privateScore';
import type { DetectorContext, Detector, ScanMessage } from './types';

/** Confidence: these are suggestions (lexicons/firstNames.json). */
const FULL_WITH_CUE = 0.6;
const FULL = 0.5;
const FULL_AT_WORK = 0.45;
const SINGLE_WITH_CUE = 0.55;
const SINGLE = 0.4;
const SINGLE_SENTENCE_START = 0.35;
const PRIVATE_BONUS = 0.05;

/** Abbreviated cues written with dots, which the word lists cannot hold: "t.n.v.", "t.a.v.", "mevr.", "dhr.", "mw.". */
const DOTTED_CUE = /(?:^|[^\p{L}])(t\.\s?n\.\s?v\.?|t\.\s?a\.\s?v\.?|mevr\.|dhr\.|mw\.|mr\.|mrs\.)\s*:?\s*$/iu;
/** A relation word before a name that is no sign of a private person: a colleague is a participant's peer. */
const NOT_A_CUE = new Set(['collega', 'colleague']);

interface Candidate {
  start: number;
  /** End of the first name (or of the word after a cue). */
  firstEnd: number;
  /** On the first-name list (else found through a cue). */
  listed: boolean;
  /** The term as listed, lower case. */
  key: string;
}

/**
 * Person names of private individuals (AVG), as suggestions: a first name from the lists
 * (lexicons/firstNames.json, or the policy's), written with a capital, alone or with a surname
 * ("Sanne", "Sanne de Vries", "Jan van der Berg", "Tijn Bakker"), and a capitalised word after a
 * relation or a cue ("mijn buurvrouw Chantal", "tante Riet", "patiënt Ahmet Prins", "t.n.v.
 * Dewi Kok"), or joined to a name ("Jayden en Hennie"). Confidence 0.35–0.6: higher with a
 * surname or a cue. Not flagged:
 * - a first name that is also a word ("Ben", "Roos", "Mark") at the start of a sentence, or one
 *   that is also a word written with a capital ("Frans", "Noor") anywhere, without a surname or
 *   a cue; all-capital words; a name after "@";
 * - a first name alone in a work message (work, crisis or other-dossier vocabulary): colleagues
 *   call each other by first name; a full name there is flagged (an index case, a volunteer);
 * - the first name of the sender of this or a nearby message: a participant of the chat;
 * - names of hospitals, schools and streets ("Jeroen Bosch Ziekenhuis", "Jan van Galenstraat"),
 *   and the firstNames `not` phrases;
 * - names on the policy's never-flag list, and a first name alone that begins one ("Hugo" when
 *   "Hugo de Jonge" is listed): most likely the official (index.ts `exempt`).
 */
export const personName: Detector = {
  id: 'name',
  category: 'AVG',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    if (a.matches.length === 0) return [];
    const text = a.text;
    let candidates: Candidate[] | null = null;
    let work = false;
    let nots: LexMatch[] | null = null;
    for (const m of a.matches) {
      const lex = m.lex;
      if (lex === LEX.firstName) (candidates ??= []).push({ start: m.wordStart, firstEnd: m.wordEnd, listed: true, key: m.entry.term.toLowerCase() });
      else if ((lex === LEX.relation && !NOT_A_CUE.has(m.entry.term)) || lex === LEX.nameCue) {
        const next = nextWord(text, m.wordEnd, lex === LEX.nameCue);
        if (next >= 0 && isTitleCase(text, next, wordEndAt(text, next))) (candidates ??= []).push({ start: next, firstEnd: wordEndAt(text, next), listed: false, key: '' });
      } else if (lex === LEX.work || lex === LEX.crisis || lex === LEX.unrelated) work = true;
      else if (lex === LEX.firstNameNot) (nots ??= []).push(m);
    }
    if (!candidates) return [];
    candidates.sort((x, y) => x.start - y.start || Number(y.listed) - Number(x.listed));

    const flags: Flag[] = [];
    let until = -1;
    let participants: Set<string> | null = null;
    for (const c of candidates) {
      if (c.start < until) continue;
      const firstEnd = c.firstEnd;
      if (!isTitleCase(text, c.start, firstEnd) || text[c.start - 1] === '@') continue;
      const end = fullNameEnd(a, firstEnd);
      const full = end > firstEnd;
      const after = nextWord(text, end, false);
      if (after >= 0 && NAME_INSTITUTIONS.has(text.slice(after, wordEndAt(text, after)).toLowerCase())) continue;
      if (full && streetAt(a, firstEnd, end)) continue;
      if (nots && nots.some((n) => n.wordStart < end && c.start < n.wordEnd)) continue;
      const cue = cueBefore(a, c.start);
      if (!c.listed && !cue) continue;
      const initial = sentenceStart(text, c.start);
      if (!full && !cue) {
        if (NAME_ALSO_CAPITAL_WORDS.has(c.key) || (initial && NAME_ALSO_WORDS.has(c.key))) continue;
        if (work) continue;
        const first = fold(text.slice(c.start, firstEnd));
        if (context.participants?.has(first)) continue;
        participants ??= participantNames(message, context);
        if (participants.has(first)) continue;
      } else if (full && context.participants?.has(fold(text.slice(c.start, end)))) {
        continue;
      } else if (full && !cue && NAME_ALSO_CAPITAL_WORDS.has(c.key) && initial) continue;

      let confidence: number;
      let why: string;
      const span = `"${text.slice(c.start, end)}"`;
      if (full) {
        confidence = cue ? FULL_WITH_CUE : work ? FULL_AT_WORK : FULL;
        why = `${span}: a first name and a surname${cue ? ` after "${cue}"` : ''}`;
      } else {
        confidence = cue ? SINGLE_WITH_CUE : initial ? SINGLE_SENTENCE_START : SINGLE;
        if (privateScore(a, context.policy).confidence >= PRIVATE_THRESHOLD) confidence += PRIVATE_BONUS;
        why = cue ? `${span}: a name after "${cue}"` : `${span}: a first name, not of a participant of this chat`;
      }
      flags.push(makeFlag(message, 'name', 'AVG', confidence, { start: c.start, end }, `${why} (a private individual?)`));
      until = end;
      // "Jayden en Hennie", "Kees, Sven en Truus": a capitalised word joined to a name is one too.
      for (let j = joinedName(a, end); j >= 0; j = joinedName(a, until)) {
        const je = fullNameEnd(a, wordEndAt(text, j));
        flags.push(makeFlag(message, 'name', 'AVG', confidence, { start: j, end: je }, `"${text.slice(j, je)}": named together with ${span} (a private individual?)`));
        until = je;
      }
    }
    return flags;
  },
};

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * What the name rule knows a conversation's participants by: each one's full name and first
 * word, without case and accents. For `DetectorContext.participants`.
 */
export function participantKeys(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    const full = name.trim().replace(/\s+/g, ' ');
    if (!full) continue;
    out.add(fold(full));
    const first = /^[\p{L}'’-]+/u.exec(full);
    if (first) out.add(fold(first[0]));
  }
  return out;
}

/** The first words of the senders of this message and of the messages around it. */
function participantNames(message: ScanMessage, context: DetectorContext): Set<string> {
  const out = new Set<string>();
  const add = (m: ScanMessage | undefined) => {
    if (!m?.sender) return;
    const first = /^[\p{L}'’-]+/u.exec(m.sender.trim());
    if (first) out.add(fold(first[0]));
  };
  add(message);
  for (let k = 1; k <= RADIUS; k++) {
    add(neighbourAt(context, -k));
    add(neighbourAt(context, k));
  }
  return out;
}

/** A capital followed by at least one lower-case letter: "Sanne", "Van", not "GGD". */
function isTitleCase(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  const first = text[start];
  if (first === first.toLowerCase()) return false;
  for (let i = start + 1; i < end; i++) {
    const ch = text[i];
    if (ch !== ch.toUpperCase()) return true;
  }
  return false;
}

/** Start of the word after `end` across one space (and, after a cue, a colon or comma), or -1. */
function nextWord(text: string, end: number, punctuation: boolean): number {
  let i = end;
  if (punctuation && (text[i] === ':' || text[i] === ',')) i++;
  if (text[i] !== ' ' && text[i] !== '\u00a0') return -1;
  i++;
  return i < text.length && CHAR_CLASS[text.charCodeAt(i)] >= C_DIGIT ? i : -1;
}

/**
 * Where a full name ends that starts with a first name ending at `end`: another first name
 * ("Jan Willem"), surname particles ("de", "van der", "'t"), then a capitalised surname, maybe
 * double-barrelled ("Jansen-de Vries"). `end` itself when no surname follows.
 */
function fullNameEnd(a: TextAnalysis, end: number): number {
  const text = a.text;
  let i = end;
  // A second first name: "Jan Willem", "Anne Marie".
  const second = nextWord(text, i, false);
  if (second >= 0 && a.matches.some((m) => m.lex === LEX.firstName && m.wordStart === second)) {
    const se = wordEndAt(text, second);
    if (isTitleCase(text, second, se)) i = se;
  }
  let j = i;
  let particles = 0;
  for (;;) {
    const w = nextWord(text, j, false);
    if (w < 0) return i;
    let we = wordEndAt(text, w);
    if (text[we] === "'" || text[we] === '’') we++;
    const word = text.slice(w, we).toLowerCase().replace('’', "'");
    if (NAME_PARTICLES.has(word) && particles < 3) {
      // "de", "van der", also "Van" with a capital: a particle when a surname follows.
      particles++;
      j = we;
      continue;
    }
    if (!isTitleCase(text, w, we) || sentenceStart(text, w)) return i;
    let e = wordEndAt(text, w);
    // Double-barrelled: "Jansen-de Vries", "Smit-Bakker".
    while (text[e] === '-' && CHAR_CLASS[text.charCodeAt(e + 1)] >= C_DIGIT) {
      const pe = wordEndAt(text, e + 1);
      const part = text.slice(e + 1, pe).toLowerCase();
      if (NAME_PARTICLES.has(part)) {
        const n2 = nextWord(text, pe, false);
        if (n2 >= 0 && isTitleCase(text, n2, wordEndAt(text, n2))) {
          e = wordEndAt(text, n2);
          continue;
        }
        break;
      }
      if (!isTitleCase(text, e + 1, pe)) break;
      e = pe;
    }
    return e;
  }
}

/** Whether the surname part is a street ("Jan van Galenstraat 12" is an address). */
function streetAt(a: TextAnalysis, from: number, to: number): boolean {
  return a.matches.some((m) => m.lex === LEX.street && m.wordStart < to && from < m.wordEnd && m.wordStart < m.start);
}

/** The cue right before a name: a relation word ("buurvrouw"), a cue word ("patiënt", "t.n.v."), or null. */
function cueBefore(a: TextAnalysis, start: number): string | null {
  const text = a.text;
  for (const m of a.matches) {
    if (m.wordEnd > start) break;
    if ((m.lex === LEX.relation && !NOT_A_CUE.has(m.entry.term)) || m.lex === LEX.nameCue) {
      const next = nextWord(text, m.wordEnd, m.lex === LEX.nameCue);
      if (next === start) return text.slice(m.wordStart, m.wordEnd);
    }
  }
  const d = DOTTED_CUE.exec(text.slice(Math.max(0, start - 12), start));
  return d ? d[1] : null;
}

/** At the start of the text, a line or a sentence. */
function sentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '"' || text[i] === '(' || text[i] === '\u00a0')) i--;
  if (i < 0) return true;
  const ch = text[i];
  return ch === '.' || ch === '!' || ch === '?' || ch === '\n' || ch === ':' || ch === ';' || ch === '-' || ch === '•';
}

/** The capitalised word after " en " (or a listed first name after ", ") that follows a name, or -1. */
function joinedName(a: TextAnalysis, end: number): number {
  const text = a.text;
  const m = /^(?:,\s|\s(?:en|and)\s)/u.exec(text.slice(end, end + 5));
  if (!m) return -1;
  const w = end + m[0].length;
  if (w >= text.length || CHAR_CLASS[text.charCodeAt(w)] < C_DIGIT) return -1;
  if (!isTitleCase(text, w, wordEndAt(text, w))) return -1;
  if (m[0].startsWith(',') && !a.matches.some((x) => x.lex === LEX.firstName && x.wordStart === w)) return -1;
  return w;
}
