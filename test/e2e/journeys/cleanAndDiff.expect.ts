// What the "clean and diff" journey expects of the three files "Save Cleaned Export" writes, of the
// removal diff view and of the cleaned zip; kept apart from the driving so other suites can check
// the same things. Also the unpacking and `git apply` the journey does to the files on disk.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { openZip } from '../../../src/parsers/zip';

export { COMMAND_TITLE, SAMPLE_ZIP, SCHEME } from './openExport.expect';

export const SAVE_CLEANED = 'Chat Review: Save Cleaned Export';
export const OPEN_REMOVAL_DIFF = 'Chat Review: Open Removal Diff';
export const VERIFY_CLEANED = 'Chat Review: Verify Cleaned Export';

/** Weekend and BBQ chatter, tagged privé with Alt+P. */
export const PRIVE = { id: 'm000008' };
/** The photo of the planning board, tagged AVG with Alt+A: its attachment leaves the cleaned zip. */
export const PHOTO = { id: 'm000012', attachment: '00000001-PHOTO-2020-03-12-10-15-00.jpg' };
/** The other photo (m000013): kept, copied into the cleaned zip as it is. */
export const KEPT_PHOTO = '00000002-PHOTO-2020-03-12-10-15-30.jpg';
/** The BSN, redacted with the quick fix "Redact only …". */
export const BSN = { id: 'm000009', value: '111222333', quickFix: /^Redact only "111222333" as AVG$/ };
/** The identifier flags the journey leaves open: Save Cleaned Export lists them. */
export const UNRESOLVED = [
  { id: 'm000014', rule: 'iban' },
  { id: 'm000016', rule: 'phone' },
];
/** The refusal modal's default button: it puts the cursor on the first unresolved identifier flag. */
export const GO_TO_FIRST = 'Go to First';
/** The override reason typed into the input box (at least 10 characters). */
export const REASON = 'IBAN en telefoon zijn zakelijk; akkoord van de FG op 14-03';
/** A reason the input box refuses. */
export const SHORT_REASON = 'te kort';

/** `<name>.cleaned.zip`, `<name>.removal.diff`, `<name>.removal.json` beside the export. */
export function outputFiles(exportPath: string): { cleaned: string; diff: string; report: string } {
  const { dir, name, ext } = path.parse(exportPath);
  return {
    cleaned: path.join(dir, `${name}.cleaned${ext}`),
    diff: path.join(dir, `${name}.removal.diff`),
    report: path.join(dir, `${name}.removal.json`),
  };
}

/** The diff editor's title: `<file>: original ↔ cleaned (N removed, M redacted)`. */
export const diffTitle = (exportName: string, removed: number, redacted: number) =>
  `${exportName}: original ↔ cleaned (${removed} removed, ${redacted} redacted)`;

/** "… are unresolved: m000014 (iban), m000016 (phone). …" → the listed flags, in order. */
export function listedFlags(message: string): { id: string; rule: string }[] {
  return [...message.matchAll(/\b(m\d{6}) \(([\w-]+)\)/g)].map((m) => ({ id: m[1], rule: m[2] }));
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

interface Report {
  version: number;
  export: { file: string; sha256: string };
  cleaned: { file: string; sha256: string };
  diff: { file: string; sha256: string };
  override: { reason: string; unresolved: { id: string; rule: string }[] } | null;
  removed: { id: string; tag: string }[];
  redactions: { id: string; start: number; end: number; tag: string; sha256: string }[];
  attachmentsRemoved: { id: string; name: string; sha256: string }[];
  counts: Record<string, number>;
}

/**
 * Checks the removal report: the override with the reason and the open flags, the counts, the
 * removed messages and attachment, the redaction of the BSN, and the hashes of the files beside it.
 */
export function assertReport(reportPath: string, exportPath: string, photoSha256: string): Report {
  const json = fs.readFileSync(reportPath, 'utf8');
  let report: Report;
  try {
    report = JSON.parse(json) as Report;
  } catch (e) {
    assert.fail(`the removal report is not JSON (${(e as Error).message}):\n${json.slice(0, 500)}`);
  }
  const files = outputFiles(exportPath);
  assert.equal(report.version, 1);
  assert.equal(report.export.file, path.basename(exportPath));
  assert.equal(report.export.sha256, sha256(fs.readFileSync(exportPath)), 'the report holds the export sha256');
  assert.equal(report.cleaned.file, path.basename(files.cleaned));
  assert.equal(report.cleaned.sha256, sha256(fs.readFileSync(files.cleaned)), 'the report holds the cleaned zip sha256');
  assert.equal(report.diff.file, path.basename(files.diff));
  assert.equal(report.diff.sha256, sha256(fs.readFileSync(files.diff)), 'the report holds the diff sha256');
  assert.equal(report.override?.reason, REASON, `override.reason is the reason typed:\n${json}`);
  assert.deepEqual(report.override?.unresolved, UNRESOLVED, 'the override lists the open identifier flags');
  assert.deepEqual(report.counts, { 'privé': 1, AVG: 1, scope: 0, redactions: 1 });
  assert.deepEqual(
    report.removed.map((r) => [r.id, r.tag]).sort(),
    [[PHOTO.id, 'AVG'], [PRIVE.id, 'privé']].sort(),
    'the removed messages and their tags',
  );
  assert.equal(report.redactions.length, 1, `one redaction:\n${json}`);
  assert.equal(report.redactions[0].id, BSN.id);
  assert.equal(report.redactions[0].tag, 'AVG');
  assert.equal(report.redactions[0].sha256, sha256(BSN.value), 'the redaction hashes exactly the BSN');
  assert.deepEqual(report.attachmentsRemoved, [{ id: PHOTO.id, name: PHOTO.attachment, sha256: photoSha256 }]);
  return report;
}

/** Every file of a zip (read with yauzl through src/parsers/zip.ts), by entry name. */
export async function readZip(zipPath: string): Promise<Map<string, Buffer>> {
  const zip = await openZip(zipPath, path.basename(zipPath));
  try {
    const out = new Map<string, Buffer>();
    for (const name of zip.entries.keys()) {
      const chunks: Buffer[] = [];
      for await (const chunk of zip.openEntry(name)) chunks.push(Buffer.from(chunk));
      out.set(name, Buffer.concat(chunks));
    }
    return out;
  } finally {
    zip.close();
  }
}

/** Unpacks a zip into `dir` (created); returns the entry names. */
export async function unpackZip(zipPath: string, dir: string): Promise<string[]> {
  const files = await readZip(zipPath);
  for (const [name, data] of files) {
    const target = path.join(dir, ...name.split('/'));
    assert.ok(target.startsWith(dir + path.sep), `entry ${name} stays inside ${dir}`);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(target, data);
  }
  return [...files.keys()].sort();
}

/** Runs the real `git apply` of `diff` in `dir` (no repository needed); returns what it printed. */
export function gitApply(diff: string, dir: string): string {
  const run = spawnSync('git', ['apply', '--verbose', diff], { cwd: dir, encoding: 'utf8' });
  const printed = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  assert.equal(run.status, 0, `git apply ${path.basename(diff)} failed in ${dir} (${run.error?.message ?? `exit ${run.status}`}):\n${printed}`);
  return printed;
}

/** Every file under `dir` (relative, `/`-separated), sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fsp.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Asserts two folders hold the same files, byte for byte. */
export async function assertSameTree(actual: string, expected: string, what: string): Promise<string[]> {
  const a = await listFiles(actual);
  const b = await listFiles(expected);
  assert.deepEqual(a, b, `${what}: the same files`);
  for (const f of a) {
    const x = await fsp.readFile(path.join(actual, f));
    const y = await fsp.readFile(path.join(expected, f));
    if (!x.equals(y)) {
      let at = 0;
      while (at < Math.min(x.length, y.length) && x[at] === y[at]) at++;
      assert.fail(`${what}: ${f} differs at byte ${at} (${x.length} vs ${y.length} bytes):\n` +
        `  patched: ${JSON.stringify(x.subarray(Math.max(0, at - 40), at + 40).toString('utf8'))}\n` +
        `  cleaned: ${JSON.stringify(y.subarray(Math.max(0, at - 40), at + 40).toString('utf8'))}`);
    }
  }
  return a;
}

/** A line's message id (message lines only; '' for header lines). */
export const idOf = (line: string) => (line.startsWith('#') ? '' : /^\s*(?:\S+\s+)?(m\d{6})\b/.exec(line)?.[1] ?? '');

/**
 * The cleaned conversation the diff view should show, from the review document as opened (no
 * tags): header lines as they are but the message count, PRIVE and PHOTO gone, BSN → [AVG].
 */
export function expectedCleanedMessages(originalLines: readonly string[]): string[] {
  return originalLines
    .filter((l) => idOf(l) && idOf(l) !== PRIVE.id && idOf(l) !== PHOTO.id)
    .map((l) => (idOf(l) === BSN.id ? l.replace(BSN.value, '[AVG]') : l));
}
