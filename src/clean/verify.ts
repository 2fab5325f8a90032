import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RemovalReport, sha256, sha256File, type Message } from '../model';
import { InputError } from '../model/errors';
import { getFormat, parseExport, type ParseOptions } from '../parsers';
import { readScreenshot, screenshotFiles } from '../parsers/screenshots/format';
import { decodeScreenshot, isBlack, pixelBoxes } from '../parsers/screenshots/pixels';
import { openExport, type ExportInput } from '../parsers/input';
import { encodeText, readLinesWithEnds, textForm } from '../parsers/text';
import { blackoutBoxes, transcriptExport } from './screenshots';

/** What a removal diff says, line by line: a file's header, a hunk's start, a hunk line. */
type DiffEvent =
  | { kind: 'file'; path: string }
  | { kind: 'deleted' }
  | { kind: 'hunk'; oldStart: number }
  /** A hunk line: its prefix (` `, `-`, `+`) and its text with its own line end, if it has one. */
  | { kind: 'line'; text: string };

/** The diff's lines split on `\n` only (a CRLF file's lines keep their `\r`), each with its `\n`. */
async function* diffLines(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    pending += decoder.decode(chunk as Buffer, { stream: true });
    let at = 0;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', at)) {
      yield pending.slice(at, nl + 1);
      at = nl + 1;
    }
    pending = pending.slice(at);
  }
  pending += decoder.decode();
  if (pending) yield pending;
}

/**
 * Reads the diffs `cleanExport` writes as a stream of events, one line of look-ahead (for
 * `\ No newline at end of file`): a diff of any size is read in bounded memory.
 */
async function* readRemovalDiff(file: string): AsyncGenerator<DiffEvent> {
  let inFile = false;
  let inHunk = false;
  let held: string | undefined;
  let lineNo = 0;
  const hunkLine = (line: string, noEnd: boolean): DiffEvent => ({ kind: 'line', text: noEnd ? line.replace(/\r?\n$/, '') : line });
  for await (const line of diffLines(file)) {
    lineNo++;
    if (held !== undefined) {
      const noEnd = line.startsWith('\\ No newline');
      yield hunkLine(held, noEnd);
      held = undefined;
      if (noEnd) continue;
    }
    const header = /^diff --git a\/(.*) b\/(.*)\n$/.exec(line);
    if (header) {
      inFile = true;
      inHunk = false;
      yield { kind: 'file', path: header[1] };
    } else if (!inFile) {
      // Before the first file only notes (`# …`) and blank lines may stand.
      if (line.trim() !== '' && !line.startsWith('# ')) throw new InputError(`the diff does not start with a file header (line ${lineNo})`);
    } else if (line.startsWith('deleted file mode')) {
      yield { kind: 'deleted' };
    } else if (line.startsWith('@@ ')) {
      const m = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
      if (!m) throw new InputError(`the diff has a malformed hunk header at line ${lineNo}`);
      inHunk = true;
      yield { kind: 'hunk', oldStart: Number(m[1]) };
    } else if (inHunk && /^[ +-]/.test(line)) {
      held = line;
    }
  }
  // The diff's last line: had it no line end, the text it stands for has none either.
  if (held !== undefined) yield hunkLine(held, !held.endsWith('\n'));
}

/** The files a diff names, and which it deletes (one pass; hunks are not kept). */
async function diffFiles(file: string): Promise<{ paths: Set<string>; deleted: Set<string> }> {
  const paths = new Set<string>();
  const deleted = new Set<string>();
  let current = '';
  for await (const e of readRemovalDiff(file)) {
    if (e.kind === 'file') paths.add(current = e.path);
    else if (e.kind === 'deleted') deleted.add(current);
  }
  return { paths, deleted };
}

/** The hunk events of one file's section of the diff. */
async function* hunksOf(file: string, target: string): AsyncGenerator<DiffEvent> {
  let inTarget = false;
  for await (const e of readRemovalDiff(file)) {
    if (e.kind === 'file') inTarget = e.path === target;
    else if (inTarget && (e.kind === 'hunk' || e.kind === 'line')) yield e;
  }
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
 * Applies a file's hunks to the original lines as they stream, both read in lockstep, returning
 * the sha256 of the result in the original encoding and the original lines the diff dropped.
 */
async function applyHunks(input: ExportInput, entry: string | undefined, hunks: AsyncGenerator<DiffEvent>, problems: string[]): Promise<{ sha256: string; dropped: Set<number> }> {
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
  let next = (await hunks.next()).value as DiffEvent | undefined;
  const advance = async () => {
    next = (await hunks.next()).value as DiffEvent | undefined;
  };
  /** Added lines at the hunk's current place. */
  const additions = async () => {
    while (next?.kind === 'line' && next.text[0] === '+') {
      emit(next.text.slice(1));
      await advance();
    }
  };
  let inHunk = false;
  let lineNo = 0;
  for await (const batch of readLinesWithEnds(input.open(entry), what)) {
    for (const line of batch) {
      lineNo++;
      if (!inHunk && next?.kind === 'hunk' && next.oldStart === lineNo) {
        await advance();
        inHunk = true;
        await additions();
      }
      if (inHunk && next?.kind === 'line') {
        const expected = next.text;
        await advance();
        if (expected.slice(1) !== line) problems.push(`the diff does not apply to ${what} at line ${lineNo}`);
        if (expected[0] === ' ') emit(line);
        else dropped.add(lineNo);
        await additions();
        if (next?.kind !== 'line') inHunk = false;
        continue;
      }
      inHunk = false;
      emit(line);
    }
  }
  // What is left may only add lines at the end (a BOM that outlives every line).
  await additions();
  if (next !== undefined) problems.push(`the diff runs past the end of ${what}`);
  if (first && form.bom && form.encoding !== 'utf-8') hash.update(encodeText('', form, true));
  return { sha256: hash.digest('hex'), dropped };
}

/**
 * `chatreview verify`: recomputes every hash, re-applies the diff to the original and compares
 * the result with the cleaned file, checks the report against the export, and checks that no
 * removed message and no redacted span survives in the cleaned file. Names every mismatch.
 */
export async function verifyExport(exportPath: string, reportPath: string, options: { ocr?: ParseOptions['ocr'] } = {}): Promise<VerifyResult> {
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
  // Screenshots: the transcript the diff applies to is made again from every message read.
  const fromScreenshots: Message[] = [];
  const { format, conversation } = await parseExport(exportPath, { conversation: report.conversation?.id, ocr: options.ocr }, {
    message(m) {
      if (named.has(m.id)) byId.set(m.id, m);
      if (m.meta?.image) fromScreenshots.push(m);
    },
  });
  for (const r of report.removed) {
    const m = byId.get(r.id);
    check(!!m && sha256(m.text) === r.sha256, `the report's entry for removed ${r.id} does not match the export`);
  }
  for (const r of report.redactions) {
    const m = byId.get(r.id);
    check(!!m && sha256(m.text.slice(r.start, r.end)) === r.sha256, `the report's redaction of ${r.id} does not match the export`);
  }

  const files = await diffFiles(diffPath);
  const original = await openExport(report.screenshots ? transcriptExport(conversation, fromScreenshots) : exportPath);
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
    const applied = await applyHunks(original, entry, hunksOf(diffPath, chatPath), problems);
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
      const { deleted } = files;
      for (const a of report.attachmentsRemoved) check(deleted.has(a.name), `the diff does not delete the removed attachment ${a.name}`);
      for (const name of original.zip.entries.keys()) {
        if (name === entry) continue;
        if (deleted.has(name)) check(!cleaned.zip?.entries.has(name), `the removed attachment ${name} is still in the cleaned zip`);
        else check(!!cleaned.zip?.entries.has(name) && await hashStream(original.open(name)) === await hashStream(cleaned.open(name)), `the entry ${name} is missing or changed in the cleaned zip`);
      }
      for (const name of cleaned.zip?.entries.keys() ?? []) check(original.zip.entries.has(name), `the cleaned zip has an entry ${name} the export does not have`);
    }
    if (report.screenshots) await checkScreenshots(exportPath, path.join(dir, report.screenshots.file), report, byId, files.paths, check);
  } finally {
    original.close();
    cleaned.close();
  }
  return { problems, checks };
}

/**
 * The cleaned screenshots: the copies are the ones the report hashes, one for every screenshot of
 * the export; the boxes the review's decisions call for (found again from the export) are the
 * ones the report lists; and every pixel of them is black in the copy.
 */
async function checkScreenshots(
  exportPath: string, copiesPath: string, report: RemovalReport, byId: ReadonlyMap<string, Message>, inDiff: ReadonlySet<string>,
  check: (ok: boolean, problem: string) => void,
): Promise<void> {
  const account = report.screenshots!;
  const copiesSha = await sha256File(copiesPath).catch(() => undefined);
  check(copiesSha === account.sha256, copiesSha ? `the cleaned screenshots ${account.file} differ from their sha256 in the report` : `the cleaned screenshots ${account.file} are missing`);
  if (!copiesSha) return;
  const redactions = new Map<string, { start: number; end: number }[]>();
  for (const r of report.redactions) redactions.set(r.id, [...(redactions.get(r.id) ?? []), r]);
  const expected = blackoutBoxes(byId.values(), new Set(report.removed.map((r) => r.id)), redactions);
  const [original, copies] = [await openExport(exportPath), await openExport(copiesPath)];
  try {
    const names = screenshotFiles(original);
    check(names.join('\n') === account.images.map((i) => i.name).join('\n'), 'the report does not list every screenshot of the export');
    // Nothing else may travel with the copies: the folder's sha256 covers only its visible files.
    for (const extra of await contentsBeyond(copiesPath, new Set(names))) check(false, `the cleaned screenshots hold ${JSON.stringify(extra)}, which is not a cleaned screenshot`);
    for (const image of account.images) {
      if (!copies.zip?.entries.has(image.name)) {
        check(false, `the cleaned copy of ${image.name} is missing`);
        continue;
      }
      const [before, after] = await Promise.all([readScreenshot(original, image.name), readScreenshot(copies, image.name)]);
      check(sha256(before) === image.sha256, `the screenshot ${image.name} is not the one in the report`);
      check(sha256(after) === image.cleaned, `the cleaned copy of ${image.name} differs from its sha256 in the report`);
      const pixels = decodeScreenshot(after, image.name);
      const wanted = pixelBoxes(expected.get(image.name) ?? [], pixels.width, pixels.height);
      check(JSON.stringify(wanted) === JSON.stringify(image.blackedOut), `the boxes of ${image.name} in the report are not the ones the review's decisions call for`);
      // JPEG's rounding leaves black a few levels above 0.
      check(isBlack(pixels, image.blackedOut, /\.jpe?g$/i.test(image.name) ? 24 : 0), `the cleaned copy of ${image.name} is not black where the review removed or redacted`);
      if (image.blackedOut.length) check(inDiff.has(image.name), `the diff does not name the blacked-out screenshot ${image.name}`);
    }
  } finally {
    original.close();
    copies.close();
  }
}

/** What a cleaned screenshots folder or zip holds besides the named screenshots: hidden files and subfolders included. */
async function contentsBeyond(copiesPath: string, names: ReadonlySet<string>): Promise<string[]> {
  const stat = await fs.promises.stat(copiesPath);
  if (!stat.isDirectory()) {
    const zip = await openExport(copiesPath);
    try {
      return [...(zip.zip?.entries.keys() ?? []), ...(zip.zip?.folders.map((f) => f.name) ?? [])].filter((n) => !names.has(n));
    } finally {
      zip.close();
    }
  }
  const entries = await fs.promises.readdir(copiesPath, { recursive: true, withFileTypes: true });
  return entries
    .map((e) => path.relative(copiesPath, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .filter((n) => !names.has(n))
    .sort();
}
