import health from '../../model/lexicons/health.json';
import criminal from '../../model/lexicons/criminal.json';
import privateWords from '../../model/lexicons/private.json';
import work from '../../model/lexicons/work.json';
import person from '../../model/lexicons/person.json';
import firstNames from '../../model/lexicons/firstNames.json';
import identifiers from '../../model/lexicons/identifiers.json';
import { canonicalJson, DEFAULT_POLICY, type Language, type Policy, type WordList } from '../../model/policy';
import { compile, type Automaton, type PatternSource } from './automaton';

/**
 * The word lists and the automaton they compile into, per policy.
 *
 * Built-in lists (src/model/lexicons/*.json) hold each group's words per language (`nl`, `en`);
 * a policy's `languages` picks which languages' built-in words are used. A policy's
 * `wordLists` extend a built-in list or, with `replace`, take its place (all of that list's
 * groups, its `not` phrases included); the policy's own words are used whatever `languages`
 * says. Terms a policy adds to health, criminal or private count as that list's strong group;
 * its `not` phrases cancel matches of that list; `work` terms join the work vocabulary;
 * `firstNames` join the first names. Policy patterns never make compilation fail (see
 * `PatternSource.lenient`): what cannot match anything is left out and listed in `skipped`.
 *
 * The default policy's automaton is compiled at module load; any other is compiled once per
 * distinct (languages, wordLists) and kept (a policy object maps to it through a WeakMap).
 */

/** List ids in the shared automaton. */
export const LEX = {
  health: 0,
  healthNot: 1,
  criminal: 2,
  criminalNot: 3,
  private: 4,
  privateNot: 5,
  work: 6,
  possessive: 7,
  relation: 8,
  self: 9,
  bsnCue: 10,
  numberCue: 11,
  birth: 12,
  street: 13,
  streetNot: 14,
  vehicle: 15,
  workNot: 16,
  crisis: 17,
  unrelated: 18,
  negation: 19,
  negativeResult: 20,
  aggregate: 21,
  firstName: 22,
  firstNameNot: 23,
  personNoun: 24,
  nameCue: 25,
  officeCue: 26,
  addressCue: 27,
} as const;
export const LEX_COUNT = 28;

type PerLanguage = Record<Language, string[]>;

interface WeightedLexicon {
  weights: Record<string, number>;
  not?: PerLanguage;
  [group: string]: unknown;
}

function isPerLanguage(v: unknown): v is PerLanguage {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Array.isArray((v as PerLanguage).nl);
}

/** Inflection per language: Dutch endings for nl, -s/-es for en. */
const INFLECT: Record<Language, 1 | 2> = { nl: 1, en: 2 };

/** One source per language of a per-language group. */
function perLanguage(lex: number, group: string, weight: number, words: PerLanguage, languages: readonly Language[], inflect: boolean, caps = false): PatternSource[] {
  return languages.map((l) => ({ lex, group, weight, patterns: words[l] ?? [], inflect: inflect ? INFLECT[l] : 0, caps }));
}

/** A policy's words for one list: always used, whatever `languages` says; lenient. */
function policyWords(lex: number, group: string, weight: number, list: WordList | undefined, inflect: boolean, caps = false): PatternSource[] {
  if (!list) return [];
  return (['nl', 'en'] as const).map((l) => ({ lex, group, weight, patterns: list[l], inflect: inflect ? INFLECT[l] : 0, caps, lenient: true }));
}

function policyNot(notLex: number, list: WordList | undefined): PatternSource[] {
  return list && list.not.length > 0 ? [{ lex: notLex, group: 'not', weight: 0, patterns: list.not, inflect: 1, lenient: true }] : [];
}

/**
 * A weighted category list (health, criminal, private): every group with a weight and words,
 * in the languages asked for, then the policy's words as the strong group.
 */
function weighted(lex: number, notLex: number, data: WeightedLexicon, languages: readonly Language[], list: WordList | undefined): PatternSource[] {
  const out: PatternSource[] = [];
  if (!list?.replace) {
    for (const [group, weight] of Object.entries(data.weights)) {
      const words = data[group];
      // Groups without words (a weight for derived evidence) and emoji (no class in the automaton).
      if (!isPerLanguage(words)) continue;
      out.push(...perLanguage(lex, group, weight, words, languages, true));
    }
    if (data.not) out.push(...perLanguage(notLex, 'not', 0, data.not, languages, true));
  }
  out.push(...policyWords(lex, 'strong', data.weights.strong, list, true), ...policyNot(notLex, list));
  return out;
}

const plain = (lex: number, group: string, patterns: readonly string[]): PatternSource => ({ lex, group, weight: 1, patterns });

/** Every source of a policy's automaton. */
export function sourcesFor(languages: readonly Language[], lists: Policy['wordLists']): PatternSource[] {
  const w = lists.work;
  const n = lists.firstNames;
  const builtInWork = !w?.replace;
  const builtInNames = !n?.replace;
  return [
    ...weighted(LEX.health, LEX.healthNot, health as unknown as WeightedLexicon, languages, lists.health),
    ...weighted(LEX.criminal, LEX.criminalNot, criminal as unknown as WeightedLexicon, languages, lists.criminal),
    ...weighted(LEX.private, LEX.privateNot, privateWords as unknown as WeightedLexicon, languages, lists.private),
    ...(builtInWork ? perLanguage(LEX.work, 'work', 1, work.terms, languages, true) : []),
    ...policyWords(LEX.work, 'work', 1, w, true),
    ...policyNot(LEX.workNot, w),
    ...(builtInWork ? perLanguage(LEX.crisis, 'crisis', 1, work.crisis, languages, true) : []),
    ...(builtInWork ? perLanguage(LEX.unrelated, 'unrelated', 1, work.unrelated, languages, true) : []),
    ...perLanguage(LEX.possessive, 'possessive', 1, person.possessive, languages, false),
    ...perLanguage(LEX.relation, 'relation', 1, person.relation, languages, false),
    ...perLanguage(LEX.self, 'self', 1, person.self, languages, false),
    ...perLanguage(LEX.negation, 'negation', 1, person.negation, languages, false),
    ...perLanguage(LEX.negativeResult, 'negativeResult', 1, person.negativeResult, languages, false),
    ...perLanguage(LEX.aggregate, 'aggregate', 1, person.aggregate, languages, false),
    ...perLanguage(LEX.personNoun, 'personNoun', 1, person.personNoun, languages, false),
    ...perLanguage(LEX.nameCue, 'nameCue', 1, firstNames.cues, languages, false),
    ...(builtInNames ? perLanguage(LEX.firstName, 'name', 1, { nl: firstNames.nl, en: firstNames.en }, languages, false, true) : []),
    ...(builtInNames ? perLanguage(LEX.firstNameNot, 'not', 0, firstNames.not, languages, false) : []),
    ...policyWords(LEX.firstName, 'name', 1, n, false, true),
    ...policyNot(LEX.firstNameNot, n),
    plain(LEX.bsnCue, 'bsnCue', identifiers.bsnCue),
    plain(LEX.numberCue, 'numberCue', identifiers.numberCue),
    plain(LEX.birth, 'birth', identifiers.birth),
    plain(LEX.street, 'street', identifiers.streetSuffix),
    plain(LEX.streetNot, 'streetNot', identifiers.streetNot),
    plain(LEX.vehicle, 'vehicle', identifiers.vehicle),
    plain(LEX.officeCue, 'officeCue', identifiers.officeCue),
    plain(LEX.addressCue, 'addressCue', identifiers.addressCue),
  ];
}

/** What a policy's automaton depends on: its languages and word lists. */
function lexiconKey(policy: Policy): string {
  return canonicalJson({ languages: [...new Set(policy.languages)].sort(), wordLists: policy.wordLists });
}

const byPolicy = new WeakMap<Policy, Automaton>();
/** Automata by lexicon key, most recently used last; a few policies at most in one session. */
const byKey = new Map<string, Automaton>();
const KEEP = 8;

function build(policy: Policy): Automaton {
  return compile(sourcesFor([...new Set(policy.languages)].sort(), policy.wordLists));
}

export const DEFAULT_AUTOMATON: Automaton = build(DEFAULT_POLICY);
byPolicy.set(DEFAULT_POLICY, DEFAULT_AUTOMATON);
byKey.set(lexiconKey(DEFAULT_POLICY), DEFAULT_AUTOMATON);

/** The automaton of the policy in force, compiled on first use. */
export function automatonFor(policy: Policy): Automaton {
  let a = byPolicy.get(policy);
  if (a) return a;
  const key = lexiconKey(policy);
  a = byKey.get(key);
  if (a) byKey.delete(key);
  else a = build(policy);
  byKey.set(key, a);
  if (byKey.size > KEEP) {
    for (const k of byKey.keys()) {
      if (byKey.get(k) === DEFAULT_AUTOMATON) continue;
      byKey.delete(k);
      break;
    }
  }
  byPolicy.set(policy, a);
  return a;
}

/** Symbols the privé rule counts (emoji have no class in the automaton): code point → weight. */
export const PRIVATE_EMOJI: ReadonlyMap<number, number> = new Map(
  (privateWords.emoji as string[]).map((e) => [e.codePointAt(0)!, (privateWords.weights as Record<string, number>).emoji ?? 0.15]),
);

export const PRIVATE_WEIGHTS = privateWords.weights as Record<string, number>;
export const HEALTH_WEIGHTS = health.weights as Record<string, number>;
export const CRIMINAL_WEIGHTS = criminal.weights as Record<string, number>;

const lowerSet = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
export const STREET_PREFIXES: ReadonlySet<string> = lowerSet(identifiers.streetPrefix);
export const PRIVATE_MAIL_DOMAINS: ReadonlySet<string> = lowerSet(identifiers.privateMailDomains);
export const GOVERNMENT_MAIL_DOMAINS: ReadonlySet<string> = lowerSet(identifiers.governmentMailDomains);
export const FUNCTIONAL_MAILBOXES: ReadonlySet<string> = lowerSet(identifiers.functionalMailboxes);
export const NUMBER_UNITS: readonly string[] = identifiers.units;

/** Body parts that make a health compound head count ("hart|operatie"); all languages (it is a check, not a match). */
export const BODY_PARTS: ReadonlySet<string> = lowerSet([...health.bodyParts.nl, ...health.bodyParts.en]);
/** First names that are also ordinary words, surname particles, words that make a name an institution's. */
export const NAME_ALSO_WORDS: ReadonlySet<string> = lowerSet(firstNames.alsoWords);
export const NAME_ALSO_CAPITAL_WORDS: ReadonlySet<string> = lowerSet(firstNames.alsoCapitalWords);
export const NAME_PARTICLES: ReadonlySet<string> = lowerSet(firstNames.particles);
export const NAME_INSTITUTIONS: ReadonlySet<string> = lowerSet(firstNames.institutions);
