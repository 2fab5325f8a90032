import { createHash } from 'node:crypto';
import { z } from 'zod';
import criminal from './lexicons/criminal.json';
import firstNames from './lexicons/firstNames.json';
import health from './lexicons/health.json';
import identifiers from './lexicons/identifiers.json';
import person from './lexicons/person.json';
import privateWords from './lexicons/private.json';
import work from './lexicons/work.json';
import { Tag } from './review';

/**
 * The policy in force: what detection looks for and how cleaning marks it. The built-in default
 * is POLICY.md's; a workspace `.chatreview/policy.json` (or `chatreview … --policy <file>`)
 * overrides it field by field, and the `chatReview.*` settings fill what the file leaves out.
 * Nothing here can make detection slow: word lists compile into one automaton (linear in the
 * text), terms are literals, never regular expressions.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Every rule id a policy can name. */
export const RULE_IDS = [
  'bsn', 'iban', 'phone', 'email', 'address', 'dob', 'plate', 'name',
  'health', 'criminal', 'bulk-pii', 'private', 'topic', 'period', 'always', 'same-minute',
] as const;
export const RuleId = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleId>;

/** The word lists a policy can extend or replace; each belongs to one category (or, for work, to none). */
export const WORD_LISTS = ['health', 'criminal', 'private', 'work', 'firstNames'] as const;
export type WordListName = (typeof WORD_LISTS)[number];

export const LANGUAGES = ['nl', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/**
 * A word-list pattern: `word` (the whole word), `word*` (a word starting with it), `*word` (a
 * word ending with it: `*ontsteking` finds "longontsteking"), `*word*`. Letters, digits, spaces,
 * hyphens and apostrophes; case and diacritics are ignored.
 */
export const WordPattern = z
  .string()
  .trim()
  .max(80, 'at most 80 characters')
  .regex(/^\*?[\p{L}\p{N}](?:[\p{L}\p{N}' ’-]*[\p{L}\p{N}])?\*?$/u, "letters, digits, spaces, - and ', with * only at the start or end");

/**
 * One word list of a policy. Its words are used whatever `languages` says; words added to
 * health, criminal or private count as that list's strong group; Dutch words also match their
 * plural, diminutive and adjective forms (operatie: operaties, operatietje). `replace` drops the
 * whole built-in list, its `not` phrases included (for work also its crisis and other-dossier
 * words: another crisis needs its own vocabulary).
 */
const WordList = z.strictObject({
  /** true: the built-in list is not used, only the words given here. */
  replace: z.boolean().default(false).describe('true: the built-in list is not used, only the words given here'),
  nl: z.array(WordPattern).default([]).describe('Dutch words and patterns: word, word* (starts with), *word (ends with: *ontsteking finds longontsteking); plurals and diminutives match too; words added to health, criminal or private count as strong evidence'),
  en: z.array(WordPattern).default([]).describe('English words and patterns'),
  /** Phrases and compounds that cancel a match they overlap ("ziekenhuiscapaciteit"). */
  not: z.array(WordPattern).default([]).describe('Phrases and compounds that cancel a match they overlap (ziekenhuiscapaciteit)'),
});
export type WordList = z.infer<typeof WordList>;

const RuleSettings = z.strictObject({
  enabled: z.boolean().default(true).describe('false: the rule does not run'),
  /** Report this rule's flags under another category than its own. */
  category: Tag.optional().describe("Report this rule's flags under another category"),
  /** Flags below this confidence are not shown. */
  minConfidence: z.number().min(0).max(1).default(0).describe('Flags below this confidence (0–1) are not shown'),
});
export type RuleSettings = z.infer<typeof RuleSettings>;

const Marker = z.string().min(1, 'a marker cannot be empty').max(60, 'at most 60 characters').refine((s) => !/[\r\n]/.test(s), 'one line');

const SampleSize = z.number().int().min(0).max(1000);

export const Policy = z.strictObject({
  /** Editors' schema hint; ignored. */
  $schema: z.string().optional().describe('The JSON schema, for editors; ignored'),
  /** Which policy this is, for the report ("Ministerie X, crisis-archief"). */
  name: z.string().max(200).default('Chat Review default (POLICY.md)').describe('Which policy this is; goes into the removal report'),
  /** The policy's own version, for the report. */
  version: z.string().max(50).default('1').describe("The policy's own version; goes into the removal report"),
  /** Languages whose built-in word lists are used. */
  languages: z.array(Language).min(1).default(['nl', 'en']).describe("Languages whose built-in word lists are used"),
  period: z.strictObject({
    start: IsoDate.default('2019-12-15'),
    end: IsoDate.nullable().default(null),
  }).refine((p) => p.end === null || p.end >= p.start, { message: 'the period ends before it starts', path: ['end'] })
    .default({ start: '2019-12-15', end: null })
    .describe('The crisis period (whole days, inclusive): messages outside it are flagged scope'),
  /** Per rule: switched off, another category, a confidence threshold. */
  rules: z.partialRecord(RuleId, RuleSettings).default({}).describe('Per rule: switched off, another category, a confidence threshold'),
  /** Word lists per list and language: extend (default) or replace the built-in ones. */
  wordLists: z.partialRecord(z.enum(WORD_LISTS), WordList).default({}).describe('Word lists: health and criminal (AVG), private (privé), work (crisis vocabulary: on topic, and cancels health words in its compounds), firstNames (the name rule)'),
  /** Names of public officials acting in their role: never flagged. */
  neverFlag: z.array(z.string().trim().min(2, 'at least 2 characters').max(100)).default([]).describe('Names of public officials acting in their role: a flag on them is dropped'),
  /** Terms always flagged, with the category they belong to; literal text, whole words. */
  alwaysFlag: z.array(z.strictObject({ term: z.string().trim().min(2, 'at least 2 characters').max(100), category: Tag })).default([]).describe('Terms always flagged (literal text, whole words), with their category'),
  /** Text that replaces a redacted span in the cleaned export, per tag. */
  markers: z.strictObject({ AVG: Marker.optional(), 'privé': Marker.optional(), scope: Marker.optional() }).default({}).describe('Text that replaces a redacted span in the cleaned export, per tag'),
  /** Spot-check sample sizes: removed and kept messages. */
  spotCheck: z.strictObject({ removed: SampleSize.default(20), kept: SampleSize.default(20) }).default({ removed: 20, kept: 20 }).describe("The second reviewer's sample: how many removed and how many kept messages"),
});
export type Policy = z.infer<typeof Policy>;

export const DEFAULT_POLICY: Policy = Policy.parse({});

/** The built-in word lists, as shipped: part of what a policy's hash covers. */
export const BUILT_IN_LEXICONS = { health, criminal, private: privateWords, work, person, firstNames, identifiers } as const;

/** JSON with object keys sorted at every level: the same policy always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

let builtInSha: string | undefined;

/**
 * The policy's fingerprint: sha256 of its canonical JSON together with the built-in word lists
 * it extends, so a change of either (a colleague's edit, a new Chat Review version) shows.
 * `$schema` is a hint for editors and does not count.
 */
export function policySha256(policy: Policy): string {
  builtInSha ??= createHash('sha256').update(canonicalJson(BUILT_IN_LEXICONS)).digest('hex');
  const { $schema: _hint, ...rest } = policy;
  return createHash('sha256').update(canonicalJson(rest)).update('\n').update(builtInSha).digest('hex');
}

/** One thing wrong in a policy file: where (a JSON path) and what. */
export interface PolicyProblem {
  path: (string | number)[];
  message: string;
}

export type PolicyResult = { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

/**
 * A policy from a file's parsed JSON over a base (what the settings say): the file's fields win,
 * objects merge key by key, arrays and values replace. Problems name the path in the file.
 */
export function parsePolicy(fromFile: unknown, base: Record<string, unknown> = {}): PolicyResult {
  if (!fromFile || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
    return { ok: false, problems: [{ path: [], message: 'a policy is a JSON object' }] };
  }
  const merged = mergeObjects(base, fromFile as Record<string, unknown>);
  const result = Policy.safeParse(merged);
  if (result.success) return { ok: true, policy: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: problemText(i) })),
  };
}

function problemText(issue: z.core.$ZodIssue): string {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => `"${k}"`).join(', ') : '';
  if (issue.code === 'unrecognized_keys' && issue.path.at(-1) === 'rules') return `unknown rule ${keys}; rules are ${RULE_IDS.join(', ')}`;
  if (issue.code === 'unrecognized_keys' && issue.path.at(-1) === 'wordLists') return `unknown word list ${keys}; lists are ${WORD_LISTS.join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  if (issue.code === 'invalid_value' && 'values' in issue) return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_key') return `unknown rule; rules are ${RULE_IDS.join(', ')}`;
  return issue.message;
}

function mergeObjects(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? mergeObjects(b, v) : v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where a workspace keeps its policy. */
export const POLICY_FILE = '.chatreview/policy.json';
