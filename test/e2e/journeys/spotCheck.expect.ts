// What the "spot check" journey expects: the sample the second reviewer walks (drawn again from
// the seed the command reports, with the model's own seeded sampler), the notification, the
// verdicts in the sidecar and in the removal report; kept apart from the driving so other suites
// can check the same things.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { spotCheckSample, type SpotCheckItem } from '../../../src/model/spotCheck';
import { readExport } from '../../../src/parsers';

export { SAMPLE_ZIP, SCHEME } from './openExport.expect';
export { SAVE_CLEANED, outputFiles } from './cleanAndDiff.expect';

export const SPOT_CHECK = 'Chat Review: Spot-Check Sample';

/** Who reviews in this journey (setting chatReview.reviewer): stamped on tags and verdicts. */
export const REVIEWER = 'jdv';
/** A short walk: two of the removed messages and three kept ones. */
export const SAMPLE_SIZES = { removed: 2, kept: 3 } as const;
export const SETTINGS = {
  'chatReview.reviewer': REVIEWER,
  'chatReview.spotCheck.removed': SAMPLE_SIZES.removed,
  'chatReview.spotCheck.kept': SAMPLE_SIZES.kept,
};

/** The first reviewer's decisions, made with the keyboard before the spot check. */
export const TAGS = [
  { id: 'm000006', tag: 'AVG', key: 'Alt+KeyA' }, // a mother in hospital: health
  { id: 'm000008', tag: 'privé', key: 'Alt+KeyP' }, // weekend and BBQ
  { id: 'm000018', tag: 'privé', key: 'Alt+KeyP' }, // a birthday
] as const;

/** The system events of the sample: never part of a spot check. */
export const SYSTEM_MESSAGES = ['m000002', 'm000003', 'm000004', 'm000020'];

/** What the second reviewer types when disputing. */
export const DISPUTE_COMMENT = 'Graag opnieuw beoordelen: past dit bij het beleid?';
/** Why the cleaned export is saved with the identifier flags this journey leaves open. */
export const REASON = 'Identificatoren zijn zakelijk; akkoord van de FG op 14-03';

/** The walk's verdicts, in order. */
export const WALK = ['approve', 'dispute', 'skip', 'stop'] as const;

/**
 * The quick pick's title: "Spot check 2 of 5: m000008 — removed as privé (rule —, by jdv)" or
 * "Spot check 3 of 5: m000011 — kept".
 */
export interface SpotCheckTitle {
  index: number;
  total: number;
  id: string;
  removed: { tag: string; rule: string; by: string } | null;
}

const TITLE = /^Spot check (\d+) of (\d+): (m\d{6}) — (?:removed as (privé|AVG|scope) \(rule (.+), by (.+)\)|(kept))$/;
export const TITLE_OF_ITEM = (index: number, total: number) => new RegExp(`^Spot check ${index} of ${total}: m\\d{6} — `);

export function parseTitle(title: string): SpotCheckTitle {
  const m = TITLE.exec(title);
  assert.ok(m, `the spot check's quick pick is titled "Spot check i of n: <id> — removed as … / kept": "${title}"`);
  return {
    index: Number(m[1]),
    total: Number(m[2]),
    id: m[3],
    removed: m[7] ? null : { tag: m[4], rule: m[5], by: m[6] },
  };
}

/** "Spot check recorded: 1 approved, 1 disputed (sample seed 12345)." → the numbers. */
export function parseRecorded(message: string): { approved: number; disputed: number; seed: number } {
  const m = /^Spot check recorded: (\d+) approved, (\d+) disputed \(sample seed (\d+)\)\.?$/.exec(message);
  assert.ok(m, `the notification reads "Spot check recorded: N approved, M disputed (sample seed S)": "${message}"`);
  return { approved: Number(m[1]), disputed: Number(m[2]), seed: Number(m[3]) };
}

/** The sample `seed` draws from the export with these tags, as the model's sampler draws it. */
export async function expectedSample(exportPath: string, tags: readonly { id: string; tag: string }[], seed: number): Promise<SpotCheckItem[]> {
  const { messages } = await readExport(exportPath);
  const state = { tags: tags.map((t) => ({ id: t.id, tag: t.tag as 'AVG', by: REVIEWER, at: new Date(0).toISOString() })) };
  return spotCheckSample(messages, state, SAMPLE_SIZES.removed, SAMPLE_SIZES.kept, seed);
}

/** Checks a sample as walked against what the policy of a spot check asks of it. */
export function assertSampleShape(items: readonly { id: string; removed: boolean }[]): void {
  const ids = items.map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length, `no message is sampled twice: ${ids.join(', ')}`);
  const tagged = new Set<string>(TAGS.map((t) => t.id));
  const removed = items.filter((i) => i.removed);
  assert.equal(removed.length, Math.min(SAMPLE_SIZES.removed, TAGS.length), `${SAMPLE_SIZES.removed} removed messages: ${ids.join(', ')}`);
  assert.ok(removed.every((i) => tagged.has(i.id)), `the removed ones are tagged messages: ${ids.join(', ')}`);
  const kept = items.filter((i) => !i.removed);
  assert.equal(kept.length, SAMPLE_SIZES.kept, `${SAMPLE_SIZES.kept} kept messages: ${ids.join(', ')}`);
  assert.ok(kept.every((i) => !tagged.has(i.id) && !SYSTEM_MESSAGES.includes(i.id)), `the kept ones are untagged, no system events: ${ids.join(', ')}`);
}

export interface Verdict {
  id: string;
  verdict: 'approve' | 'dispute';
  comment?: string;
}

interface StoredSpotCheck extends Verdict {
  by: string;
  at: string;
}

function assertVerdicts(stored: readonly StoredSpotCheck[] | undefined, expected: readonly Verdict[], notBefore: number, where: string): void {
  assert.ok(Array.isArray(stored), `${where} holds spotChecks`);
  assert.deepEqual(
    stored.map((s) => ({ id: s.id, verdict: s.verdict, ...(s.comment !== undefined ? { comment: s.comment } : {}) })),
    expected,
    `${where}: the verdicts and comments, in the order given`,
  );
  for (const s of stored) {
    assert.equal(s.by, REVIEWER, `${where}: the verdict on ${s.id} is by ${REVIEWER}`);
    const at = Date.parse(s.at);
    assert.ok(!Number.isNaN(at) && /Z$|[+-]\d\d:\d\d$/.test(s.at), `${where}: the verdict on ${s.id} has an ISO time: ${s.at}`);
    assert.ok(at >= notBefore - 1000 && at <= Date.now() + 1000, `${where}: the verdict on ${s.id} was given during the walk: ${s.at}`);
  }
}

export interface Sidecar {
  version: number;
  export: { file: string; sha256: string };
  tags: { id: string; tag: string; rule?: string; by: string; at: string }[];
  redactions?: unknown[];
  dismissed?: unknown[];
  spotChecks?: StoredSpotCheck[];
  spotCheckSeed?: number;
}

export function readSidecar(file: string): Sidecar {
  const json = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(json) as Sidecar;
  } catch (e) {
    assert.fail(`the sidecar is not JSON (${(e as Error).message}):\n${json.slice(0, 500)}`);
  }
}

/** The sidecar after the spot check: the seed, the verdicts, and the tags left as they were. */
export function assertSidecarSpotChecks(sidecar: Sidecar, seed: number, expected: readonly Verdict[], notBefore: number): void {
  assert.equal(sidecar.spotCheckSeed, seed, 'the sidecar keeps the seed of the sample');
  assertVerdicts(sidecar.spotChecks, expected, notBefore, 'the sidecar');
  assert.deepEqual(sidecar.tags.map((t) => [t.id, t.tag]).sort(), TAGS.map((t) => [t.id, t.tag]).sort(), 'the tags are left as they were');
}

/** The removal report records the spot check: `spotChecks: { seed, items }`, as in the sidecar. */
export function assertReportSpotChecks(reportPath: string, sidecar: Sidecar, seed: number, expected: readonly Verdict[], notBefore: number): void {
  const json = fs.readFileSync(reportPath, 'utf8');
  const report = JSON.parse(json) as { spotChecks?: { seed: number | null; items: StoredSpotCheck[] }; removed: { id: string; tag: string }[] };
  assert.ok(report.spotChecks, `the report has a spotChecks record:\n${json}`);
  assert.equal(report.spotChecks.seed, seed, 'the report records the seed of the sample');
  assertVerdicts(report.spotChecks.items, expected, notBefore, 'the report');
  assert.deepEqual(report.spotChecks.items, sidecar.spotChecks, 'the report records the verdicts exactly as the review state holds them');
  assert.deepEqual(report.removed.map((r) => [r.id, r.tag]).sort(), TAGS.map((t) => [t.id, t.tag]).sort(), 'the report removes the tagged messages');
}
