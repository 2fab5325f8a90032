// What the "workspace policy file" journey expects: the policy files it writes, how the review
// header names the policy in force, and what the sidecar and the removal report record of it;
// kept apart from the driving so other suites can check the same things.
import * as assert from 'node:assert/strict';

export { SAMPLE_ZIP, SCHEME } from './openExport.expect';

/** Where a workspace keeps its policy, and the name Quick Open and the Problems panel show. */
export const POLICY_FILE = '.chatreview/policy.json';
export const POLICY_NAME = 'policy.json';

export const NAME = 'Crisisteam Vaccinatie, archief 2020';
/** The crisis period the fixed policy sets: messages of 2020-03-12 and before fall outside it. */
export const PERIOD_START = '2020-03-13';

/**
 * A policy with two problems: the misspelt field "perod" (unknown) and an empty AVG marker. The
 * `"rules": { }` is where the journey asks for completions.
 */
export const INVALID = `{
  "name": "${NAME}",
  "perod": { "start": "${PERIOD_START}" },
  "markers": { "AVG": "" },
  "rules": { }
}
`;
/** The problems the extension finds in INVALID: message and 1-based line. */
export const INVALID_PROBLEMS = [
  { message: 'unknown field "perod"', line: 3 },
  { message: 'markers.AVG: a marker cannot be empty', line: 4 },
];

/** INVALID fixed: the period where it belongs, and private chatter no longer flagged. */
export const FIXED_VERSION = '2';
export const FIXED = `{
  "name": "${NAME}",
  "version": "${FIXED_VERSION}",
  "period": { "start": "${PERIOD_START}" },
  "rules": { "private": { "enabled": false } }
}
`;

/** The policy changed once more after the review was saved: a new version and another AVG marker. */
export const CHANGED_VERSION = '2.1';
export const AVG_MARKER = '[AVG: weggelakt]';
export const CHANGED = `{
  "name": "${NAME}",
  "version": "${CHANGED_VERSION}",
  "period": { "start": "${PERIOD_START}" },
  "rules": { "private": { "enabled": false } },
  "markers": { "AVG": "${AVG_MARKER}" }
}
`;

/** The phone number of m000016: redacted in the last step, so its AVG marker shows in the cleaned text. */
export const PHONE = { id: 'm000016', value: '06-12345678', quickFix: /^Redact only "06-12345678" as AVG$/ };
/** The rules whose open flags make Save Cleaned Export refuse (src/model/flags.ts IDENTIFIER_RULES). */
export const IDENTIFIER_RULES = ['bsn', 'iban', 'phone', 'email', 'address'];

/** The review header's policy line, read. */
export interface PolicyLine {
  sha256: string;
  source: string;
  /** `(<file> has N problems)`, when the file has problems and the built-in policy stands in. */
  problems?: { file: string; count: number };
  /** `· changed since the last save (was <12 hex>…)`. */
  savedUnder?: string;
}

/** `# policy sha256 <sha> · <source>[ (<file> has N problems)][ · changed since the last save (was <12 hex>…)]`. */
export function parsePolicyLine(text: string): PolicyLine | undefined {
  const m = /^# policy sha256 ([0-9a-f]{64}) · (\S+)(?: \((\S+) has (\d+) problems?\))?(?: · changed since the last save \(was ([0-9a-f]{12})…\))?$/.exec(
    text.replace(/\s+/g, ' ').trim(),
  );
  if (!m) return undefined;
  return {
    sha256: m[1],
    source: m[2],
    ...(m[3] ? { problems: { file: m[3], count: Number(m[4]) } } : {}),
    ...(m[5] ? { savedUnder: m[5] } : {}),
  };
}

/** `m000012 2020-03-12 10:15:00 …` in a review line → id and date. */
export function messageOf(line: string): { id: string; date: string } | undefined {
  const m = /^\s*(?:\S+\s+)?(m\d{6}) (\d{4}-\d{2}-\d{2}) /.exec(line);
  return m ? { id: m[1], date: m[2] } : undefined;
}

interface Sidecar {
  tags: { id: string; tag: string }[];
  redactions?: { id: string }[];
  policy?: { sha256: string; previous?: string[] };
}

/** The sidecar's JSON, with the policy it was saved under. */
export function readSidecar(json: string): Sidecar {
  const state = JSON.parse(json) as Sidecar;
  assert.ok(state.policy, `the sidecar records the policy it was saved under:\n${json.slice(0, 600)}`);
  return state;
}

/** The removal report's account of the policy: the one in force when cleaning, and the earlier one the review was saved under. */
export function assertReportPolicy(json: string, expected: { sha256: string; previous: string[] }): void {
  const report = JSON.parse(json) as { policy: unknown };
  assert.deepEqual(
    report.policy,
    { sha256: expected.sha256, name: NAME, version: CHANGED_VERSION, source: POLICY_FILE, previous: expected.previous },
    `the report's policy names the policy file, its name and version, and the earlier fingerprint:\n${JSON.stringify(report.policy, null, 2)}`,
  );
}
