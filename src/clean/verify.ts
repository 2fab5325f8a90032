import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RemovalReport, sha256File, type Message } from '../model';
import { InputError } from '../model/errors';
import { getFormat, parseExport } from '../parsers';
import { openExport, type ExportInput } from '../parsers/input';
import { encodeText, readLinesWithEnds, textForm } from '../parsers/text';

interface Hunk {
  oldStart: number;
  lines: string[];
}

interface DiffFile {
  path: string;
  deleted: boolean;
  hunks: Hunk[];
}

/** Reads the diffs `cleanExport` writes: per file, its hunks, or that it was deleted. */
export function parseRemovalDiff(text: string): DiffFile[] {
  const files: DiffFile[] = [];
  const lines = text.split('\n');
  let file: DiffFile | undefined;
  let hunk: Hunk | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = /^diff --git a\/(.*) b\/(.*)$/.exec(line);
    if (header) {
      file = { path: header[1], deleted: false, hunks: [] };
      files.push(file);
      hunk = undefined;
    } else if (!file) {
      // Before the first file only notes (`# …`) and blank lines may stand.
      if (line !== '' && !line.startsWith('# ')) throw new InputError(`the diff does not start with a file header (line ${i + 1})`);
    } else if (line.startsWith('deleted file mode')) {
      file.deleted = true;
    } else if (line.startsWith('@@ ')) {
      const m = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
      if (!m) throw new InputError(`the diff has a malformed hunk header at line ${i + 1}`);
      hunk = { oldStart: Number(m[1]), lines: [] };
      file.hunks.push(hunk);
    } else if (hunk && /^[ +-]/.test(line)) {
      // Lines carry their own ends; the split took the final \n, which `\ No newline` takes back.
      const noEnd = lines[i + 1]?.startsWith('\\ No newline');
      hunk.lines.push(line + (noEnd || i === lines.length - 1 ? '' : '\n'));
      if (noEnd) i++;
    }
  }
  return files;
}

export interface VerifyResult {
  problems: string[];
  checks: number;
}

async function hashStream(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Applies a file's hunks to the original lines as they stream, returning the sha256 of the
 * result in the original encoding, and the original lines `wanted` by number.
 */
async function applyHunks(input: ExportInput, entry: string | undefined, hunks: Hunk[], problems: string[]): Promise<{ sha256: string; dropped: Set<number> }> {
  const what = entry ?? input.fileName;
  const form = textForm(await input.head(entry), what);
  const hash = createHash('sha256');
  /** Original lines the diff removed or replaced, by number. */
  const dropped = new Set<number>();
  let first = true;
  const emit = (line: string) => {
    hash.update(encodeText(line, form, first));
    first = false;
  };
  let lineNo = 0;
  let h = 0;
  let queue: string[] = [];
  const take = (line: string) => {
    if (queue.length) {
      const expected = queue.shift()!;
      if (expected.slice(1) !== line) problems.push(`the diff does not apply to ${what} at line ${lineNo}`);
      if (expected[0] === ' ') emit(line);
      else dropped.add(lineNo);
      while (queue.length && queue[0][0] === '+') emit(queue.shift()!.slice(1));
      return;
    }
    emit(line);
  };
  for await (const batch of readLinesWithEnds(input.open(entry), what)) {
    for (const line of batch) {
      lineNo++;
      if (!queue.length && h < hunks.length && hunks[h].oldStart === lineNo) {
        queue = [...hunks[h++].lines];
        while (queue.length && queue[0][0] === '+') emit(queue.shift()!.slice(1));
      }
      take(line);
    }
  }
  if (queue.some((l) => l[0] !== '+') || h < hunks.length) problems.push(`the diff runs past the end of ${what}`);
  for (const l of queue) if (l[0] === '+') emit(l.slice(1));
  if (first && form.bom && form.encoding !== 'utf-8') hash.update(encodeText('', form, true));
  return { sha256: hash.digest('hex'), dropped };
}

/**
 * `chatreview verify`: recomputes every hash, re-applies the diff to the original and compares
 * the result with the cleaned file, checks the report against the export, and checks that no
 * removed message and no redacted span survives in the cleaned file. Names every mismatch.
 */
export async function verifyExport(exportPath: string, reportPath: string): Promise<VerifyResult> {
  const json = await fs.promises.readFile(reportPath, 'utf8').catch(() => {
    throw new InputError(`${reportPath}: no such file`);
  });
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new InputError(`${path.basename(reportPath)} is not valid JSON`);
  }
  const parsedReport = RemovalReport.safeParse(data);
  if (!parsedReport.success) throw new InputError(`${path.basename(reportPath)} is not a removal report: ${parsedReport.error.issues[0].path.join('.')}: ${parsedReport.error.issues[0].message}`);
  const report = parsedReport.data;
  const dir = path.dirname(reportPath);
  const cleanedPath = path.join(dir, report.cleaned.file);
  const diffPath = path.join(dir, report.diff.file);
  const problems: string[] = [];
  let checks = 0;
  const check = (ok: boolean, problem: string) => {
    checks++;
    if (!ok) problems.push(problem);
  };

  const hashOf = (file: string) => sha256File(file).catch(() => undefined);
  const [exportSha, cleanedSha, diffSha] = await Promise.all([hashOf(exportPath), hashOf(cleanedPath), hashOf(diffPath)]);
  if (exportSha === undefined) throw new InputError(`${exportPath}: no such file`);
  check(exportSha === report.export.sha256, `the export's sha256 is not the one in the report (another export, or it changed)`);
  check(cleanedSha === report.cleaned.sha256, cleanedSha ? `the cleaned file ${report.cleaned.file} differs from its sha256 in the report` : `the cleaned file ${report.cleaned.file} is missing`);
  if (report.rsmf) {
    const rsmfSha = await hashOf(path.join(dir, report.rsmf.file));
    check(rsmfSha === report.rsmf.sha256, rsmfSha ? `the RSMF file ${report.rsmf.file} differs from its sha256 in the report` : `the RSMF file ${report.rsmf.file} is missing`);
  }
  check(diffSha === report.diff.sha256, diffSha ? `the diff ${report.diff.file} differs from its sha256 in the report` : `the diff ${report.diff.file} is missing`);
  if (!cleanedSha || !diffSha) return { problems, checks };

  // Only the messages the report names are kept from the parse.
  const named = new Set([...report.removed.map((r) => r.id), ...report.redactions.map((r) => r.id)]);
  const byId = new Map<string, Message>();
  const { format } = await parseExport(exportPath, { conversation: report.conversation?.id }, { message: (m) => void (named.has(m.id) && byId.set(m.id, m)) });
  const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
  for (const r of report.removed) {
    const m = byId.get(r.id);
    check(!!m && sha(m.text) === r.sha256, `the report's entry for removed ${r.id} does not match the export`);
  }
  for (const r of report.redactions) {
    const m = byId.get(r.id);
    check(!!m && sha(m.text.slice(r.start, r.end)) === r.sha256, `the report's redaction of ${r.id} does not match the export`);
  }

  const files = parseRemovalDiff(await fs.promises.readFile(diffPath, 'utf8'));
  const original = await openExport(exportPath);
  let cleaned: ExportInput;
  try {
    cleaned = await openExport(cleanedPath);
  } catch (e) {
    original.close();
    if (!(e instanceof InputError)) throw e;
    check(false, `the cleaned file ${report.cleaned.file} cannot be read: it is damaged`);
    return { problems, checks };
  }
  try {
    const entry = original.zip ? await getFormat(format)?.chatEntry?.(original, { conversation: report.conversation?.id }) : undefined;
    const chatPath = entry ?? original.fileName;
    const chatDiff = files.find((f) => f.path === chatPath && !f.deleted);
    const applied = await applyHunks(original, entry, chatDiff?.hunks ?? [], problems);
    const cleanedChat = await hashStream(cleaned.zip ? cleaned.open(entry) : cleaned.open());
    check(applied.sha256 === cleanedChat, `re-applying the diff to ${chatPath} does not give the cleaned chat text`);
    // Positional: every line of a removed message, and a line of each redacted one, went.
    for (const r of report.removed) {
      const m = byId.get(r.id);
      if (!m) continue;
      let gone = true;
      for (let l = 0; l < m.source.lines; l++) gone &&= applied.dropped.has(m.source.line + l);
      check(gone, `removed message ${r.id} is still in the cleaned file`);
    }
    for (const r of report.redactions) {
      const m = byId.get(r.id);
      if (!m) continue;
      let changed = false;
      for (let l = 0; l < m.source.lines; l++) changed ||= applied.dropped.has(m.source.line + l);
      check(changed, `the redacted span of ${r.id} is still in the cleaned file`);
    }
    if (original.zip) {
      const deleted = new Set(files.filter((f) => f.deleted).map((f) => f.path));
      for (const a of report.attachmentsRemoved) check(deleted.has(a.name), `the diff does not delete the removed attachment ${a.name}`);
      for (const name of original.zip.entries.keys()) {
        if (name === entry) continue;
        if (deleted.has(name)) check(!cleaned.zip?.entries.has(name), `the removed attachment ${name} is still in the cleaned zip`);
        else check(!!cleaned.zip?.entries.has(name) && await hashStream(original.open(name)) === await hashStream(cleaned.open(name)), `the entry ${name} is missing or changed in the cleaned zip`);
      }
      for (const name of cleaned.zip?.entries.keys() ?? []) check(original.zip.entries.has(name), `the cleaned zip has an entry ${name} the export does not have`);
    }
  } finally {
    original.close();
    cleaned.close();
  }
  return { problems, checks };
}
