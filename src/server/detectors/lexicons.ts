import health from '../../model/lexicons/health.json';
import criminal from '../../model/lexicons/criminal.json';
import privateWords from '../../model/lexicons/private.json';
import work from '../../model/lexicons/work.json';
import person from '../../model/lexicons/person.json';
import identifiers from '../../model/lexicons/identifiers.json';
import { compile, type Automaton, type PatternSource } from './automaton';

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
} as const;
export const LEX_COUNT = 16;

interface WeightedLexicon {
  weights: Record<string, number>;
  not?: string[];
  [group: string]: unknown;
}

/** The weighted groups of a category file: every key that has a weight and holds words. */
function weighted(lex: number, notLex: number, data: WeightedLexicon): PatternSource[] {
  const out: PatternSource[] = [];
  for (const [group, weight] of Object.entries(data.weights)) {
    const words = data[group];
    // Groups without words (a weight for derived evidence) and emoji (no class in the automaton).
    if (!Array.isArray(words) || group === 'emoji') continue;
    out.push({ lex, group, weight, patterns: words as string[] });
  }
  if (data.not) out.push({ lex: notLex, group: 'not', weight: 0, patterns: data.not });
  return out;
}

const plain = (lex: number, group: string, patterns: string[]): PatternSource => ({ lex, group, weight: 1, patterns });

export const AUTOMATON: Automaton = compile([
  ...weighted(LEX.health, LEX.healthNot, health as WeightedLexicon),
  ...weighted(LEX.criminal, LEX.criminalNot, criminal as WeightedLexicon),
  ...weighted(LEX.private, LEX.privateNot, privateWords as WeightedLexicon),
  plain(LEX.work, 'work', work.terms),
  plain(LEX.possessive, 'possessive', person.possessive),
  plain(LEX.relation, 'relation', person.relation),
  plain(LEX.self, 'self', person.self),
  plain(LEX.bsnCue, 'bsnCue', identifiers.bsnCue),
  plain(LEX.numberCue, 'numberCue', identifiers.numberCue),
  plain(LEX.birth, 'birth', identifiers.birth),
  plain(LEX.street, 'street', identifiers.streetSuffix),
  plain(LEX.streetNot, 'streetNot', identifiers.streetNot),
  plain(LEX.vehicle, 'vehicle', identifiers.vehicle),
]);

/** Symbols the privé rule counts (emoji have no class in the automaton): code point → weight. */
export const PRIVATE_EMOJI: ReadonlyMap<number, number> = new Map(
  (privateWords.emoji as string[]).map((e) => [e.codePointAt(0)!, (privateWords.weights as Record<string, number>).emoji ?? 0.15]),
);

export const PRIVATE_WEIGHTS = privateWords.weights as Record<string, number>;

const lowerSet = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
export const STREET_PREFIXES: ReadonlySet<string> = lowerSet(identifiers.streetPrefix);
export const PRIVATE_MAIL_DOMAINS: ReadonlySet<string> = lowerSet(identifiers.privateMailDomains);
export const GOVERNMENT_MAIL_DOMAINS: ReadonlySet<string> = lowerSet(identifiers.governmentMailDomains);
export const NUMBER_UNITS: readonly string[] = identifiers.units;
