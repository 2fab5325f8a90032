/**
 * Runs one generated case through `cleanExport` in a fresh folder, and the tools the properties
 * check it with: the real `git apply`, `unzip` (or yauzl), a recursive file listing.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { cleanExport, type CleanResult } from '../../../../src/clean/cleaner';
import type { ParsedExport } from '../../../../src/model/conversation';
import { InputError } from '../../../../src/model/errors';
import { ReviewState } from '../../../../src/model/review';
import { readExport } from '../../../../src/parsers';
import { openZip } from '../../../../src/parsers/zip';
import { tempDir } from '../../support/fixtures';
import { makeZip } from '../../support/zips';
import { decision, exportModel, rates, redactText, renderChat, spansFor, type Decision, type ExportModel, type Span, type TagName } from './chat';

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Runs per property: FC_RUNS overrides; FC_SEED fixes the seed (a failure prints the seed and path to replay). */
export const RUNS = Number(process.env.FC_RUNS ?? 60);
export const fcParams = (): fc.Parameters<unknown> => ({
  numRuns: RUNS,
  ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
  ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  endOnFailure: true,
});

export interface TagPlan { tag: TagName; rule: string | undefined; note: string | undefined; by: string; at: string }

export interface Case {
  model: ExportModel;
  decisions: Decision[];
  rates: { tag: number; redact: number };
  /** Write the three files into a new nested folder instead of beside the export. */
  outSub: boolean;
  now: Date;
}

export const caseArb: fc.Arbitrary<Case> = exportModel.chain((model) => fc.record({
  model: fc.constant(model),
  decisions: fc.array(decision, { minLength: model.chat.messages.length, maxLength: model.chat.messages.length }),
  rates,
  outSub: fc.boolean(),
  now: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 31) }).map((t) => new Date(t)),
}));

export interface Run {
  c: Case;
  dir: string;
  exportPath: string;
  outDir: string;
  original: Buffer;
  parsed: ParsedExport;
  state: ReviewState;
  /** By message index: the tag that removes it. */
  removed: Map<number, TagPlan>;
  /** By message index: the spans of kept messages (tag wins over redaction). */
  spans: Map<number, Span[]>;
  /** By message index: spans the state has for removed messages (ignored by the cleaner). */
  shadowed: Map<number, Span[]>;
  /** Every file under `dir` (relative, `/` for folders) before cleaning. */
  before: string[];
  result: CleanResult;
}

export async function writeExport(model: ExportModel, dir: string, chatText: string): Promise<string> {
  const file = path.join(dir, model.fileName);
  if (model.container === 'txt') fs.writeFileSync(file, chatText, 'utf8');
  else {
    // The chat entry first or among the media: zips from phones differ.
    const entries = [{ name: model.chatEntry!, data: Buffer.from(chatText, 'utf8') }, ...model.media.map((m) => ({ name: m.name, data: m.data, compress: false }))];
    if (entries.length > 2) entries.push(entries.shift()!);
    fs.writeFileSync(file, await makeZip(entries));
  }
  return file;
}

export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out.push(r + '/');
        walk(r);
      } else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** Every file under `dir` with its bytes; folders as `name/` with an empty buffer. */
export function readTree(dir: string): Map<string, Buffer> {
  return new Map(listTree(dir).map((r) => [r, r.endsWith('/') ? Buffer.alloc(0) : fs.readFileSync(path.join(dir, r))]));
}

/** The messages' state decisions become a ReviewState over the parsed ids. */
export function buildState(c: Case, parsed: ParsedExport, exportFile: string, exportSha: string) {
  const tags: ReviewState['tags'] = [];
  const redactions: NonNullable<ReviewState['redactions']> = [];
  const removed = new Map<number, TagPlan>();
  const spans = new Map<number, Span[]>();
  const shadowed = new Map<number, Span[]>();
  parsed.messages.forEach((m, i) => {
    const d = c.decisions[i];
    const tagged = d.tagRoll < c.rates.tag;
    if (tagged) {
      removed.set(i, { tag: d.tag, rule: d.rule, note: d.note, by: d.by, at: d.at });
      tags.push({ id: m.id, tag: d.tag, ...(d.rule !== undefined ? { rule: d.rule } : {}), ...(d.note !== undefined ? { note: d.note } : {}), by: d.by, at: d.at });
    }
    if (d.redactRoll < c.rates.redact) {
      const s = spansFor(m.text, d);
      if (s.length) (tagged ? shadowed : spans).set(i, s);
      for (const r of s) redactions.push({ id: m.id, start: r.start, end: r.end, tag: r.tag, ...(r.rule !== undefined ? { rule: r.rule } : {}), by: d.by, at: d.at });
    }
  });
  const state = ReviewState.parse({ version: 1, export: { file: exportFile, sha256: exportSha }, tags, redactions });
  return { state, removed, spans, shadowed };
}

/** The cleaner refused a case, rightly: the property has nothing more to check in it. */
export class JustifiedRefusal extends Error {}

/**
 * A refusal "the redaction would make the line read as something else" holds: that message,
 * redacted as the review state says, alone in an export, does not read as one message with
 * its sender, time and kind.
 */
async function assertRefusalJustified(c: Case, parsed: ParsedExport, spans: Map<number, Span[]>, i: number, dir: string): Promise<void> {
  const file = path.join(dir, 'refused-alone.txt');
  fs.writeFileSync(file, renderChat(c.model.chat, (k) => k === i, (_, t) => redactText(t, spans.get(i) ?? [])));
  const alone = await readExport(file, { format: 'whatsapp', dayOrder: 'day-first' }).catch(() => undefined);
  fs.rmSync(file);
  const was = parsed.messages[i];
  const now = alone?.messages;
  const same = now?.length === 1 && now[0].sender === was.sender && now[0].kind === was.kind && now[0].timestamp === was.timestamp;
  assert.ok(!same, `the cleaner refused ${was.id}, but redacted it still reads as itself`);
}

/**
 * Writes the case's export, checks the generator against the parser (so a failure below is
 * the cleaner's, not a generator that wrote something else than it meant), and cleans.
 */
export async function runCase(c: Case): Promise<Run> {
  const dir = tempDir();
  const chatText = renderChat(c.model.chat);
  const exportPath = await writeExport(c.model, dir, chatText);
  const original = fs.readFileSync(exportPath);
  const parsed = await readExport(exportPath);
  assertModelParses(c.model, parsed);
  const { state, removed, spans, shadowed } = buildState(c, parsed, c.model.fileName, sha256(original));
  const outDir = c.outSub ? path.join(dir, 'out', 'cleaned') : dir;
  const before = listTree(dir);
  const result = await cleanExport(exportPath, state, { reviewer: 'Reviewer Zoë', now: c.now, ...(c.outSub ? { outDir } : {}) }).catch(async (e: unknown) => {
    const refused = e instanceof InputError && /^the redaction .* of (m\d+) would make its line read as/.exec(e.message);
    if (!refused) throw e;
    await assertRefusalJustified(c, parsed, spans, Number(refused[1].slice(1)) - 1, dir);
    assert.deepEqual(listTree(dir), before, 'a refused cleaning writes nothing');
    fs.rmSync(dir, { recursive: true, force: true });
    throw new JustifiedRefusal(e.message);
  });
  return { c, dir, exportPath, outDir, original, parsed, state, removed, spans, shadowed, before, result };
}

/** Generator self-check: the parser reads exactly the messages the model wrote. */
export function assertModelParses(model: ExportModel, parsed: ParsedExport): void {
  const msgs = model.chat.messages;
  assert.equal(parsed.format, 'whatsapp');
  assert.equal(parsed.messages.length, msgs.length, 'generator self-check: message count');
  parsed.messages.forEach((m, i) => {
    const want = msgs[i];
    assert.deepEqual(
      { text: m.text, sender: m.sender, kind: m.kind, timestamp: m.timestamp, attachments: m.attachments.map((a) => a.name) },
      { text: want.text, sender: want.sender, kind: want.kind, timestamp: want.timestamp, attachments: want.attachments },
      `generator self-check: message ${i + 1} ${JSON.stringify(want.prefix)}`,
    );
  });
}

/** Unpacks a zip into a new folder: `unzip` when installed, else yauzl through openZip. */
export async function unpack(zipPath: string, dest: string): Promise<void> {
  fs.mkdirSync(dest, { recursive: true });
  if (hasUnzip()) {
    const r = spawnSync('unzip', ['-q', '-o', zipPath, '-d', dest], { encoding: 'utf8' });
    assert.equal(r.status, 0, `unzip ${zipPath}: ${r.stderr}`);
    return;
  }
  const zip = await openZip(zipPath, path.basename(zipPath));
  try {
    for (const name of zip.entries.keys()) {
      const target = path.join(dest, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const parts: Buffer[] = [];
      for await (const chunk of zip.openEntry(name)) parts.push(Buffer.from(chunk));
      fs.writeFileSync(target, Buffer.concat(parts));
    }
  } finally {
    zip.close();
  }
}

let unzipAvailable: boolean | undefined;
function hasUnzip(): boolean {
  unzipAvailable ??= spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;
  return unzipAvailable;
}

/** Entry names of a zip, folders included, in central-directory order. */
export async function zipEntryNames(zipPath: string): Promise<string[]> {
  const yauzl = await import('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: { fileName: string }) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => {
        zip.close();
        resolve(names);
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The bytes of one zip entry. */
export async function zipEntry(zipPath: string, name: string): Promise<Buffer> {
  const zip = await openZip(zipPath, path.basename(zipPath));
  try {
    const parts: Buffer[] = [];
    for await (const chunk of zip.openEntry(name)) parts.push(Buffer.from(chunk));
    return Buffer.concat(parts);
  } finally {
    zip.close();
  }
}

/** Runs the real `git apply <diff>` in `cwd` (outside any repository); returns status and stderr. */
export function gitApply(diffPath: string, cwd: string, extra: string[] = []): { status: number | null; stderr: string } {
  const r = spawnSync('git', ['-c', 'core.autocrlf=false', '-c', 'core.safecrlf=false', 'apply', '--whitespace=nowarn', ...extra, diffPath], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(cwd), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  return { status: r.status, stderr: r.stderr };
}

/** The chat text of the cleaned export, decoded (BOM included as U+FEFF). */
export async function cleanedChatText(run: Run): Promise<string> {
  const bytes = run.c.model.container === 'zip' ? await zipEntry(run.result.cleaned, run.c.model.chatEntry!) : fs.readFileSync(run.result.cleaned);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** A short description of a run for assertion messages. */
export function describeRun(run: Run): string {
  const m = run.c.model;
  return `${m.container} ${m.chat.platform} ${m.fileName} (${m.chat.messages.length} messages, ${run.removed.size} removed, ${[...run.spans.values()].flat().length} redactions)`;
}
