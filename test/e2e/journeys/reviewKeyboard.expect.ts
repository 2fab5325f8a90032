// What the "review with the keyboard" journey expects of the sample export and of the review
// state it saves; kept apart from the driving so other suites can check the same things.
import * as assert from 'node:assert/strict';

export { COMMAND_TITLE, SAMPLE_ZIP, SCHEME } from './openExport.expect';

/** The sidecar the extension writes next to an export on Ctrl+S. */
export const sidecarName = (exportName: string) => `${exportName}.chatreview.json`;

/** Messages of the sample the journey works on. */
export const BSN = { id: 'm000009', rule: 'bsn', evidence: /^AVG: BSN 111222333 passes the 11-test/ };
export const IBAN = {
  id: 'm000014',
  rule: 'iban',
  evidence: /^AVG: IBAN NL91 ?ABNA ?0417 ?1643 ?00\b/,
  value: 'NL91ABNA0417164300',
  /** The message's text in the export: redaction offsets index it. */
  text: 'Mijn rekening is NL91ABNA0417164300, voor de declaratie van de taxi.',
};
/** Weekend and BBQ chatter: privé. */
export const PRIVE = { id: 'm000008' };
/** A plain work message whose text the journey tries to edit. */
export const EDITED = { id: 'm000005' };

/** The diagnostics' source. */
export const SOURCE = 'chatreview';

/** "6 open · 1 tagged · 77% reviewed" → numbers; undefined when the text is not that. */
export function parseReviewStatus(text: string): { open: number; tagged: number; reviewed: number } | undefined {
  const m = /(\d+) open · (\d+) tagged · (\d+)% reviewed/.exec(text);
  return m ? { open: Number(m[1]), tagged: Number(m[2]), reviewed: Number(m[3]) } : undefined;
}

/** A review line's tag column: the word before the message id ('' when untagged). */
export function tagOf(line: string, id: string): string | undefined {
  const at = line.indexOf(id);
  return at < 0 ? undefined : line.slice(0, at).trim();
}

interface SidecarTag {
  id: string;
  tag: string;
  rule?: string;
  by: string;
  at: string;
}
interface SidecarRedaction {
  id: string;
  start: number;
  end: number;
  tag: string;
  rule?: string;
}

/**
 * Checks the saved review state: JSON, version 1, the export it reviews, `tags` holding
 * m000009 AVG and m000008 privé, and one redaction of m000014 covering exactly the IBAN.
 */
export function assertSidecar(
  json: string,
  exportName: string,
  /** Rules of the AVG flags m000009 had: its tag records one of them. */
  bsnRules: readonly string[] = [BSN.rule],
): { tags: SidecarTag[]; redactions: SidecarRedaction[] } {
  let state: { version?: unknown; export?: { file?: unknown; sha256?: unknown }; tags?: SidecarTag[]; redactions?: SidecarRedaction[] };
  try {
    state = JSON.parse(json) as typeof state;
  } catch (e) {
    assert.fail(`the sidecar is not JSON (${(e as Error).message}):\n${json.slice(0, 500)}`);
  }
  assert.equal(state.version, 1, 'sidecar version 1');
  assert.equal(state.export?.file, exportName, 'the sidecar names the export');
  assert.match(String(state.export?.sha256), /^[0-9a-f]{64}$/, 'the sidecar holds the export sha256');
  assert.ok(Array.isArray(state.tags), `the sidecar has a "tags" array:\n${json}`);
  const tags = state.tags!;
  const bsn = tags.find((t) => t.id === BSN.id);
  assert.ok(bsn, `tags holds ${BSN.id}:\n${json}`);
  assert.equal(bsn.tag, 'AVG', `${BSN.id} is tagged AVG`);
  assert.ok(bsn.rule && bsnRules.includes(bsn.rule), `${BSN.id}'s tag records the rule that suggested it (${bsnRules.join('/')}), got ${bsn.rule}`);
  assert.ok(bsn.by && !Number.isNaN(Date.parse(bsn.at)), `${BSN.id}'s tag is stamped with who and when`);
  const prive = tags.find((t) => t.id === PRIVE.id);
  assert.equal(prive?.tag, 'privé', `${PRIVE.id} is tagged privé:\n${json}`);
  assert.equal(tags.length, 2, `exactly the two tags made in the journey:\n${json}`);
  const redactions = state.redactions ?? [];
  const iban = redactions.filter((r) => r.id === IBAN.id);
  assert.equal(iban.length, 1, `one redaction of ${IBAN.id}:\n${json}`);
  assert.equal(iban[0].tag, 'AVG', 'the IBAN is redacted as AVG');
  assert.equal(IBAN.text.slice(iban[0].start, iban[0].end), IBAN.value, `the redaction covers exactly the IBAN (${iban[0].start}-${iban[0].end})`);
  assert.ok(!tags.some((t) => t.id === IBAN.id), `${IBAN.id} has a redaction, not a tag`);
  return { tags, redactions };
}
