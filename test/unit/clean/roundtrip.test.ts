/**
 * Round-trip properties of `cleanExport` over generated WhatsApp exports (Android and iOS, txt
 * and zip, with and without BOM, multi-line and unicode texts) and generated review states
 * (tags, redactions within and across lines and around emoji, both on one message).
 *
 * Replay a failure with FC_SEED=<seed> FC_PATH=<path> (fast-check prints both); FC_RUNS sets
 * the number of cases per property.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { InputError } from '../../../src/model/errors';
import { RemovalReport } from '../../../src/model/report';
import { readExport } from '../../../src/parsers';
import { MARKERS, redactText, renderChat, type TagName } from './support/chat';
import {
  caseArb, cleanedChatText, describeRun, fcParams, gitApply, JustifiedRefusal, listTree, readTree, runCase, sha256, unpack, zipEntry, zipEntryNames, type Run,
} from './support/harness';

/** The Woo ground each tag must carry (POLICY.md), written out here rather than imported. */
function expectedGround(tag: TagName, rule: string | undefined): string | null {
  if (tag === 'AVG') return rule === 'bsn' ? '5.1.1e' : '5.1.1d';
  if (tag === 'privé') return '5.1.2e';
  return null;
}

const keptIndices = (run: Run) => run.parsed.messages.map((_, i) => i).filter((i) => !run.removed.has(i));
const expectedText = (run: Run, i: number) => {
  const text = run.parsed.messages[i].text;
  const spans = run.spans.get(i);
  return spans ? redactText(text, spans) : text;
};

interface ParsedHunk { oldStart: number; oldCount: number; newStart: number; newCount: number; body: string[] }

/** The hunks of one file's section of a unified diff (our own reading, not the cleaner's). */
function hunksOf(diff: string, file: string): ParsedHunk[] {
  const lines = diff.split('\n');
  const start = lines.indexOf(`diff --git a/${file} b/${file}`);
  if (start < 0) return [];
  const hunks: ParsedHunk[] = [];
  for (let i = start + 1; i < lines.length && !lines[i].startsWith('diff --git '); i++) {
    const h = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@/.exec(lines[i]);
    if (h) hunks.push({ oldStart: +h[1], oldCount: +h[2], newStart: +h[3], newCount: +h[4], body: [] });
    else if (hunks.length && /^[ +-]/.test(lines[i])) hunks[hunks.length - 1].body.push(lines[i][0]);
  }
  return hunks;
}

/**
 * Three lines of context on each side of a change (fewer only at the ends of the file), counts
 * that add up, and hunks merged whenever their context would touch (more than 6 lines apart).
 */
function assertHunkShape(hunks: ParsedHunk[], oldLines: number): void {
  let lastChange = -Infinity;
  for (const h of hunks) {
    const lead = h.body.findIndex((p) => p !== ' ');
    const trail = [...h.body].reverse().findIndex((p) => p !== ' ');
    assert.ok(lead >= 0, 'a hunk holds a change');
    assert.equal(h.body.filter((p) => p !== '+').length, h.oldCount, 'old count');
    assert.equal(h.body.filter((p) => p !== '-').length, h.newCount, 'new count');
    const first = h.oldStart + lead;
    assert.equal(lead, Math.min(3, first - 1), `leading context of @@ -${h.oldStart},${h.oldCount}`);
    const end = h.oldStart + h.oldCount - 1;
    assert.equal(trail, Math.min(3, oldLines - (end - trail)), `trailing context of @@ -${h.oldStart},${h.oldCount}`);
    assert.ok(first - lastChange - 1 > 6, `hunk @@ -${h.oldStart} stands apart from the one before`);
    lastChange = end - trail;
  }
}

/** Lines of a text as a diff counts them: a last line without a line end counts too. */
const lineCount = (text: string) => (text.match(/\r\n|\r|\n/g)?.length ?? 0) + (/[^\r\n]$/.test(text) ? 1 : 0);

/** Attachments the cleaned zip must leave out: the present ones of removed messages. */
function droppedEntries(run: Run): Set<string> {
  const names = new Set<string>();
  for (const i of run.removed.keys()) {
    for (const a of run.parsed.messages[i].attachments) {
      if (!a.present) continue;
      for (const e of run.c.model.media) if (path.posix.basename(e.name) === a.name) names.add(e.name);
    }
  }
  return names;
}

function property(check: (run: Run) => Promise<void> | void) {
  return fc.assert(fc.asyncProperty(caseArb, async (c) => {
    const run = await runCase(c).catch((e: unknown) => {
      if (e instanceof JustifiedRefusal) return undefined;
      throw e;
    });
    if (!run) return;
    try {
      await check(run);
    } catch (e) {
      if (e instanceof Error) e.message = `${describeRun(run)}: ${e.message}`;
      throw e;
    } finally {
      fs.rmSync(run.dir, { recursive: true, force: true });
    }
  }), fcParams());
}

describe('clean: round-trip properties over generated exports', function () {
  this.timeout(120_000);

  it('the cleaned export is the original minus the removals: byte for byte, and re-parsed message by message', () => property(async (run) => {
    const { chat } = run.c.model;
    // Bytes: every kept line as it was, redacted spans as markers, removed messages gone.
    const want = renderChat(chat, (i) => !run.removed.has(i), (i, t) => (run.spans.has(i) ? redactText(t, run.spans.get(i)!) : t));
    assert.equal(await cleanedChatText(run), want, 'cleaned chat text');

    // Re-parsed: the kept messages, in order, same sender/time/kind, texts with markers.
    const kept = keptIndices(run);
    if (kept.length === 0) {
      await assert.rejects(readExport(run.result.cleaned), InputError, 'nothing kept: no messages to read');
    } else {
      const again = await readExport(run.result.cleaned);
      assert.equal(again.messages.length, kept.length, 'kept message count');
      kept.forEach((i, k) => {
        const was = run.parsed.messages[i];
        const now = again.messages[k];
        const text = expectedText(run, i);
        assert.deepEqual(
          { sender: now.sender, timestamp: now.timestamp, precision: now.precision, kind: now.kind, text: now.text, attachments: now.attachments },
          { sender: was.sender, timestamp: was.timestamp, precision: was.precision, kind: was.kind, text, attachments: was.attachments },
          `kept message ${was.id} (now ${now.id})`,
        );
      });
    }

    // A zip keeps every other entry, byte for byte, and drops the removed messages' attachments.
    if (run.c.model.container === 'zip') {
      const dropped = droppedEntries(run);
      const names = await zipEntryNames(run.result.cleaned);
      const want = [run.c.model.chatEntry!, ...run.c.model.media.map((m) => m.name).filter((n) => !dropped.has(n))];
      assert.deepEqual([...names].sort(), want.sort(), 'cleaned zip entries');
      for (const m of run.c.model.media) {
        if (!dropped.has(m.name)) assert.ok((await zipEntry(run.result.cleaned, m.name)).equals(Buffer.from(m.data)), `entry ${m.name} unchanged`);
      }
    }
  }));

  it('git apply of the removal diff to the original reproduces the cleaned export byte for byte', () => property(async (run) => {
    const work = path.join(run.dir, 'apply');
    const wantDir = path.join(run.dir, 'want');
    const zip = run.c.model.container === 'zip';
    if (zip) {
      await unpack(run.exportPath, work);
      await unpack(run.result.cleaned, wantDir);
    } else {
      fs.mkdirSync(work);
      fs.mkdirSync(wantDir);
      fs.copyFileSync(run.exportPath, path.join(work, path.basename(run.exportPath)));
      fs.copyFileSync(run.result.cleaned, path.join(wantDir, path.basename(run.exportPath)));
    }
    const diff = fs.readFileSync(run.result.diff, 'utf8');
    const changes = run.removed.size + run.spans.size;
    if (changes === 0) {
      // Nothing to remove: an empty diff, which plain `git apply` refuses ("No valid patches").
      assert.equal(diff, '', 'no changes, no diff');
      assert.equal(gitApply(run.result.diff, work, ['--allow-empty']).status, 0);
    } else {
      const r = gitApply(run.result.diff, work);
      assert.equal(r.status, 0, `git apply failed: ${r.stderr}\n--- diff ---\n${diff}`);
      const chatFile = zip ? run.c.model.chatEntry! : run.c.model.fileName;
      assertHunkShape(hunksOf(diff, chatFile), lineCount(renderChat(run.c.model.chat).replace(/^\uFEFF/, '')));
      // Every hunk names its reason: tag · rule · reviewer and time.
      for (const h of diff.split('\n').filter((l) => l.startsWith('@@'))) {
        assert.match(h, /^@@ -\d+,\d+ \+\d+,\d+ @@ (?:(?:AVG|privé|scope) · rule \S+ · by .+ \d{4}-\d\d-\d\d \d\d:\d\d(?:; |$))+/, h);
      }
    }
    const got = readTree(work);
    const want = readTree(wantDir);
    assert.deepEqual([...got.keys()], [...want.keys()], 'files after git apply');
    for (const [name, bytes] of want) assert.ok(got.get(name)!.equals(bytes), `${name} after git apply equals the cleaned one`);
  }));

  it('the report validates, its hashes are those of the three files, and counts, grounds and entries match the state', () => property(async (run) => {
    const json = fs.readFileSync(run.result.report, 'utf8');
    const report = RemovalReport.parse(JSON.parse(json));
    assert.deepEqual(report, run.result.summary, 'the file is the summary returned');
    assert.deepEqual(report.export, { file: run.c.model.fileName, sha256: sha256(run.original) });
    assert.deepEqual(report.cleaned, { file: path.basename(run.result.cleaned), sha256: sha256(fs.readFileSync(run.result.cleaned)) });
    assert.deepEqual(report.diff, { file: path.basename(run.result.diff), sha256: sha256(fs.readFileSync(run.result.diff)) });
    assert.equal(report.reviewer, 'Reviewer Zoë');
    assert.equal(report.createdAt, run.c.now.toISOString());
    assert.equal(report.policy, null);
    assert.equal(report.override, null);

    const count = (tag: TagName) => [...run.removed.values()].filter((t) => t.tag === tag).length;
    const spanCount = [...run.spans.values()].flat().length;
    assert.deepEqual(report.counts, { 'privé': count('privé'), AVG: count('AVG'), scope: count('scope'), redactions: spanCount });

    const msgs = run.parsed.messages;
    assert.deepEqual(report.removed, [...run.removed].map(([i, t]) => ({
      id: msgs[i].id, timestamp: msgs[i].timestamp, sender: msgs[i].sender, tag: t.tag, rule: t.rule ?? null, note: t.note ?? null,
      by: t.by, at: t.at, wooGround: expectedGround(t.tag, t.rule), sha256: sha256(msgs[i].text),
    })), 'removed');
    const byPlace = (a: { id: string; start: number }, b: { id: string; start: number }) => a.id.localeCompare(b.id) || a.start - b.start;
    assert.deepEqual([...report.redactions].sort(byPlace), [...run.spans].flatMap(([i, spans]) => spans.map((s) => ({
      id: msgs[i].id, timestamp: msgs[i].timestamp, sender: msgs[i].sender, tag: s.tag, rule: s.rule ?? null, note: null,
      by: run.c.decisions[i].by, at: run.c.decisions[i].at, wooGround: expectedGround(s.tag, s.rule),
      sha256: sha256(msgs[i].text.slice(s.start, s.end)), start: s.start, end: s.end,
    }))).sort(byPlace), 'redactions (none of removed messages)');

    const dropped = droppedEntries(run);
    const media = new Map(run.c.model.media.map((m) => [m.name, m.data]));
    const owner = (name: string) => msgs.findIndex((m) => m.attachments.some((a) => a.name === path.posix.basename(name)));
    assert.deepEqual(
      [...report.attachmentsRemoved].sort((a, b) => a.name.localeCompare(b.name)),
      [...dropped].sort().map((name) => ({ id: msgs[owner(name)].id, name, sha256: sha256(media.get(name)!) })),
      'attachmentsRemoved',
    );
    assert.deepEqual(report.spotChecks, { seed: null, items: [] });
  }));

  it('leaves the original byte-identical and creates only the three files (no temp files)', () => property(async (run) => {
    assert.ok(fs.readFileSync(run.exportPath).equals(run.original), 'the export is unchanged');
    const after = listTree(run.dir);
    const rel = (p: string) => path.relative(run.dir, p).split(path.sep).join('/');
    const outputs = [run.result.cleaned, run.result.diff, run.result.report].map(rel);
    const stem = path.parse(run.c.model.fileName).name;
    const ext = path.parse(run.c.model.fileName).ext;
    const outRel = rel(run.outDir);
    const prefix = outRel ? `${outRel}/` : '';
    assert.deepEqual(outputs, [`${prefix}${stem}.cleaned${ext}`, `${prefix}${stem}.removal.diff`, `${prefix}${stem}.removal.json`]);
    const folders = outRel ? ['out/', 'out/cleaned/'] : [];
    assert.deepEqual(after, [...run.before, ...folders, ...outputs].sort(), 'files in the export folder after cleaning');
  }));

  it('no removed text (≥ 8 chars) and no redacted span (≥ 6 chars) is left in the cleaned chat', () => property(async (run) => {
    // Markers (and marker-like text the chat itself holds) are blanked on both sides, so a
    // secret cannot be "found" across a marker the cleaner put there.
    const norm = (s: string) => Object.values(MARKERS).reduce((acc, m) => acc.split(m).join('\0'), s.replace(/\r\n/g, '\n'));
    const cleaned = norm(await cleanedChatText(run));
    // What legitimately stays: every kept message with its spans cut out (NUL never occurs in a chat).
    const residual = norm(renderChat(run.c.model.chat, (i) => !run.removed.has(i), (i, t) => redactText(t, run.spans.get(i) ?? [], () => '\0')));
    const secrets = [
      ...[...run.removed.keys()].map((i) => run.parsed.messages[i].text).filter((t) => t.length >= 8),
      ...[...run.spans].flatMap(([i, spans]) => spans.map((s) => run.parsed.messages[i].text.slice(s.start, s.end))).filter((t) => t.length >= 6),
    ];
    for (const secret of secrets) {
      if (residual.includes(secret)) continue;
      assert.ok(!cleaned.includes(secret), `${JSON.stringify(secret)} is still in the cleaned chat`);
    }
  }));
});
