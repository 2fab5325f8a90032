import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { cleanedMessages, RemovalReport, reportPolicy, sha256, sha256File, wooGround, type PolicyInForce, type Message, type Redaction, type ReviewState, type Tag, type TagEntry } from '../model';
import { InputError } from '../model/errors';
import { getFormat, parseExport, type ParseOptions } from '../parsers';
import { openExport, type ExportInput } from '../parsers/input';
import { encodeText, readLinesWithEnds, textForm, type TextForm } from '../parsers/text';
import { cleanerFor, type FormatCleaner } from './formats';
import { cleanLines, type CleaningPlan, type MessageLines } from './lines';
import { checkReadsBack, type ReadBack } from './readBack';
import { writeCleanedRsmf, writeRsmf } from './rsmf';
import { blackoutBoxes, cleanScreenshotImages, transcriptExport } from './screenshots';
import { deletedBinaryFile, spillFile, UnifiedDiffWriter, type SpillFile } from './unifiedDiff';

export const DEFAULT_MARKERS: Record<Tag, string> = { AVG: '[AVG]', 'privé': '[privé]', scope: '[buiten scope]' };

export interface CleanOptions {
  /** Folder for the three files; default: beside the export. */
  outDir?: string;
  reviewer: string;
  /** The policy in force: its markers, and its fingerprint for the report. */
  policy?: PolicyInForce;
  /** Saving despite unresolved identifier flags: the reason and the flags, for the report. */
  override?: RemovalReport['override'];
  now?: Date;
  /** Cancels the cleaning; nothing is left behind. */
  signal?: AbortSignal;
  /** Also write the cleaned conversation as RSMF 2.0 (`<name>.cleaned.rsmf`) for e-discovery and Woo tools. */
  rsmf?: boolean;
  /** The zone of the messages' wall-clock times, for RSMF's zoned timestamps. */
  timeZone?: string;
  /** For screenshots: where OCR results are cached (the review read them, so they come from the cache). */
  ocr?: ParseOptions['ocr'];
}

export interface CleanResult {
  cleaned: string;
  /** Set when RSMF was asked for. */
  rsmf?: string;
  /** The cleaned screenshots (a folder or zip), for a conversation read from screenshots. */
  screenshots?: string;
  diff: string;
  report: string;
  summary: RemovalReport;
}


/**
 * The output names: `<name>.cleaned.<ext>`, `<name>.removal.diff`, `<name>.removal.json`. A
 * conversation read from screenshots is cleaned into its transcript, `<name>.cleaned.txt`, and
 * the cleaned screenshots, `<name>.cleaned` (a folder) or `<name>.cleaned.zip`.
 */
export function outputNames(exportPath: string, outDir?: string, conversation?: string, format?: string): { cleaned: string; diff: string; report: string; rsmf: string; screenshots: string } {
  const parsed = path.parse(exportPath);
  // A folder of screenshots is named whole: "Chat 2020.03" and "Chat 2020.04" are two exports.
  if (format === 'screenshots' && parsed.ext.toLowerCase() !== '.zip') Object.assign(parsed, { name: parsed.base, ext: '' });
  // One conversation of a file that holds several is named in its outputs.
  const name = conversation === undefined ? parsed.name : `${parsed.name}.${conversation.replace(/[^\w.+@-]/g, '_')}`;
  const { ext } = parsed;
  const dir = outDir ?? path.dirname(exportPath);
  return {
    cleaned: path.join(dir, `${name}.cleaned${format === 'screenshots' ? '.txt' : ext}`), diff: path.join(dir, `${name}.removal.diff`),
    report: path.join(dir, `${name}.removal.json`), rsmf: path.join(dir, `${name}.cleaned.rsmf`), screenshots: path.join(dir, `${name}.cleaned${ext}`),
  };
}

/** One tag per message; redactions inside their text and not overlapping: else the plan is ambiguous. */
function checkDecisions(state: ReviewState, byId: ReadonlyMap<string, Message>): void {
  const tagged = new Set<string>();
  for (const t of state.tags) {
    if (tagged.has(t.id)) throw new InputError(`the review state tags ${t.id} twice`);
    tagged.add(t.id);
  }
  const spans = [...(state.redactions ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.start - b.start));
  for (let i = 0; i < spans.length; i++) {
    const r = spans[i];
    if (r.end > byId.get(r.id)!.text.length) throw new InputError(`the redaction ${r.start}–${r.end} of ${r.id} runs past its text`);
    const previous = spans[i - 1];
    if (previous?.id === r.id && previous.end > r.start) throw new InputError(`two redactions of ${r.id} overlap`);
  }
}

/**
 * Files written into a private folder beside their targets and renamed into place only when all
 * are complete: readers never see half a file, and a failure leaves nothing behind.
 */
class PendingFiles {
  readonly dir: string;
  constructor(outDir: string) {
    this.dir = path.join(outDir, `.chatreview-${randomUUID()}.tmp`);
  }
  async open(): Promise<void> {
    await fs.promises.mkdir(this.dir);
  }
  path(name: string): string {
    return path.join(this.dir, name);
  }
  async commit(moves: [string, string][]): Promise<void> {
    for (const [from, to] of moves) {
      // A folder of an earlier cleaning cannot be renamed over: it is moved in here, and goes with the rest.
      if ((await fs.promises.stat(to).catch(() => undefined))?.isDirectory()) await fs.promises.rename(to, this.path(`replaced-${randomUUID()}`));
      await fs.promises.rename(from, to);
    }
    await this.discard();
  }
  async discard(): Promise<void> {
    await fs.promises.rm(this.dir, { recursive: true, force: true });
  }
}

interface Writer {
  /** Queues data and waits while the stream is full. */
  write(data: string | Buffer): Promise<void>;
  close(): Promise<void>;
}

/**
 * The removal diff's file, written with plain synchronous calls: its writer produces lines faster
 * than a stream drains them, and a stream would hold them all in memory meanwhile. It also keeps
 * the spill file a big hunk waits in.
 */
interface DiffFile {
  push(data: string | Buffer): void;
  spill: SpillFile;
  close(): Promise<void>;
}

function diffFile(file: string, spillPath: string): DiffFile {
  const fd = fs.openSync(file, 'wx');
  const spill = spillFile(spillPath);
  let open = true;
  return {
    push: (data) => void (typeof data === 'string' ? fs.writeSync(fd, data) : fs.writeSync(fd, data)),
    spill,
    async close() {
      if (!open) return;
      open = false;
      spill.remove();
      fs.closeSync(fd);
    },
  };
}

function writer(file: string): Writer {
  const stream = fs.createWriteStream(file, { flags: 'wx' });
  let failure: Error | undefined;
  stream.on('error', (e) => (failure ??= e));
  return {
    write: (data) => (stream.write(data) || failure ? Promise.resolve() : new Promise((resolve) => {
      const done = () => {
        stream.off('drain', done).off('error', done);
        resolve();
      };
      stream.on('drain', done).on('error', done);
    })),
    close: () => new Promise((resolve, reject) => stream.end(() => (failure ? reject(failure) : resolve()))),
  };
}

/** Removes `dir` and its parents up to `top`, as long as they are empty (rmdir refuses otherwise). */
async function removeEmptyFolders(dir: string, top: string): Promise<void> {
  for (let d = dir; d.startsWith(top); d = path.dirname(d)) {
    if (!(await fs.promises.rmdir(d).then(() => true, () => false)) || d === top) return;
  }
}

async function gitBlobSha1(chunks: AsyncIterable<Uint8Array>, size: number): Promise<string> {
  const hash = createHash('sha1').update(`blob ${size}\0`);
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Writes the cleaned export in its own format, the removal diff and the report, each under a
 * temporary name renamed into place when complete. The export itself is only ever read.
 */
export async function cleanExport(exportPath: string, state: ReviewState, options: CleanOptions): Promise<CleanResult> {
  // Only positions are kept for every message; full messages only for those the plan touches,
  // so a million-message export cleans without holding a million objects.
  const planned = new Set([...state.tags.map((t) => t.id), ...(state.redactions ?? []).map((r) => r.id)]);
  const byId = new Map<string, Message>();
  const positions = { first: [] as number[], count: [] as number[], id: [] as (string | null)[] };
  let otherMessages = 0;
  const tagged = new Set(state.tags.map((t) => t.id));
  const keptAttachments = new Set<string>();
  const redactedIds = new Set((state.redactions ?? []).map((r) => r.id));
  const readBack: ReadBack = { kept: 0, redacted: new Map() };
  const conversation = state.export.conversation;
  /** A conversation read from screenshots is small, and its transcript is made from all of it. */
  const fromScreenshots: Message[] = [];
  const [{ format, conversation: read }, exportSha] = await Promise.all([
    parseExport(exportPath, { conversation, ocr: options.ocr, signal: options.signal }, {
      message(m) {
        if (m.meta?.image) fromScreenshots.push(m);
        positions.first.push(m.source.line);
        positions.count.push(m.source.lines);
        positions.id.push(m.id);
        if (planned.has(m.id)) byId.set(m.id, m);
        if (tagged.has(m.id)) return;
        for (const a of m.attachments) if (a.present) keptAttachments.add(a.name);
        if (redactedIds.has(m.id)) readBack.redacted.set(readBack.kept, m);
        readBack.kept++;
      },
      // Another conversation of the same file was not reviewed: it stays out of the cleaned file.
      skipped(source) {
        positions.first.push(source.line);
        positions.count.push(source.lines);
        positions.id.push(null);
        otherMessages++;
      },
    }),
    sha256File(exportPath),
  ]);
  if (state.export.sha256 !== exportSha) throw new InputError('the review state belongs to another version of the export (sha256 differs)');
  const cleaner = cleanerFor(format);
  for (const id of planned) if (!byId.has(id)) throw new InputError(`the review state names ${id}, which the export does not have`);
  checkDecisions(state, byId);

  const markers = { ...DEFAULT_MARKERS, ...options.policy?.policy.markers };
  const removed = new Map<string, TagEntry>(state.tags.map((t) => [t.id, t]));
  const redactions = new Map<string, Redaction[]>();
  for (const r of state.redactions ?? []) {
    if (removed.has(r.id)) continue;
    redactions.set(r.id, [...(redactions.get(r.id) ?? []), r]);
  }
  const plan: CleaningPlan = {
    messages: byId,
    removed,
    redactions,
    marker: (tag) => markers[tag],
    signal: options.signal,
    reason: (e) => `${e.tag} · rule ${e.rule ?? '—'} · by ${e.by} ${e.at.slice(0, 16).replace('T', ' ')}`,
    otherConversation: `scope · another conversation than ${conversation ?? '—'} (not reviewed)`,
    kept: readBack.kept,
  };

  const names = outputNames(exportPath, options.outDir, conversation, format);
  const outDir = path.dirname(names.cleaned);
  // The first folder this cleaning made, if any: a failed cleaning takes it away again.
  const madeDir = await fs.promises.mkdir(outDir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`cannot use ${outDir} as the output folder (${e.code === 'ENOTDIR' || e.code === 'EEXIST' ? 'a file is in the way' : e.code})`);
  });
  const pending = new PendingFiles(outDir);
  await pending.open();
  // The cleaned file keeps the export's own name while it is written, so it can be read back as one.
  const files = { cleaned: pending.path(path.basename(exportPath)), diff: pending.path('removal.diff'), report: pending.path('removal.json') };
  const input = await openExport(exportPath).catch(async (e: unknown) => {
    await pending.discard();
    throw e;
  });
  const screenshots = format === 'screenshots' ? pending.path('screenshots') : undefined;
  const diffOut = diffFile(files.diff, pending.path('hunk.spill'));
  try {
    let images: NonNullable<RemovalReport['screenshots']>['images'] | undefined;
    let attachmentsRemoved: RemovalReport['attachmentsRemoved'] = [];
    let entriesLeftOut: { name: string; sha256: string }[] = [];
    if (screenshots) {
      // The transcript is the chat text; the screenshots are copied with what went blacked out.
      diffOut.push(`# The transcript read from the screenshots of ${input.fileName}, then the screenshots with pixels blacked out.\n\n`);
      await cleanText(await openExport(transcriptExport(read, fromScreenshots)), cleaner, undefined, positions, plan, files.cleaned, diffOut);
      images = await cleanScreenshotImages(input, blackoutBoxes(byId.values(), new Set(removed.keys()), redactions), screenshots, (text) => diffOut.push(text), options.signal);
    } else if (input.zip) {
      ({ attachmentsRemoved, entriesLeftOut } = await cleanZip(input, format, conversation, cleaner, positions, plan, keptAttachments, files.cleaned, diffOut));
    } else {
      await cleanText(input, cleaner, undefined, positions, plan, files.cleaned, diffOut);
    }
    await diffOut.close();
    if (!cleaner.checksEachRedaction) await checkReadsBack(files.cleaned, format, conversation, readBack);
    const rsmfFile = options.rsmf ? pending.path('cleaned.rsmf') : undefined;
    if (rsmfFile && screenshots) await writeRsmf(rsmfFile, read, cleanedMessages(fromScreenshots, state, plan.marker), { format, now: options.now, timeZone: options.timeZone });
    else if (rsmfFile) await writeCleanedRsmf(exportPath, files.cleaned, rsmfFile, format, conversation, options);
    const [cleanedSha, diffSha, rsmfSha, screenshotsSha] = await Promise.all([
      sha256File(files.cleaned), sha256File(files.diff), rsmfFile && sha256File(rsmfFile), screenshots && sha256File(screenshots),
    ]);
    const decision = (m: Message, e: { tag: Tag; rule?: string; by: string; at: string; note?: string }, text: string) => ({
      id: m.id, timestamp: m.timestamp, sender: m.sender, tag: e.tag, rule: e.rule ?? null, note: e.note ?? null,
      by: e.by, at: e.at, wooGround: wooGround(e.tag, e.rule), sha256: sha256(text),
    });
    const report: RemovalReport = {
      version: 1,
      export: { file: path.basename(exportPath), sha256: exportSha },
      ...(conversation === undefined ? {} : { conversation: { id: conversation, otherMessagesRemoved: otherMessages } }),
      cleaned: { file: path.basename(names.cleaned), sha256: cleanedSha },
      ...(rsmfSha ? { rsmf: { file: path.basename(names.rsmf), sha256: rsmfSha } } : {}),
      diff: { file: path.basename(names.diff), sha256: diffSha },
      policy: options.policy ? reportPolicy(options.policy, state) : null,
      reviewer: options.reviewer,
      createdAt: (options.now ?? new Date()).toISOString(),
      override: options.override ?? null,
      removed: [...removed.values()].map((t) => decision(byId.get(t.id)!, t, byId.get(t.id)!.text)),
      redactions: [...redactions.values()].flat().map((r) => ({ ...decision(byId.get(r.id)!, r, byId.get(r.id)!.text.slice(r.start, r.end)), start: r.start, end: r.end })),
      ...(images && screenshotsSha ? { screenshots: { file: path.basename(names.screenshots), sha256: screenshotsSha, images } } : {}),
      attachmentsRemoved,
      ...(entriesLeftOut.length ? { entriesLeftOut } : {}),
      counts: {
        'privé': state.tags.filter((t) => t.tag === 'privé').length,
        AVG: state.tags.filter((t) => t.tag === 'AVG').length,
        scope: state.tags.filter((t) => t.tag === 'scope').length,
        redactions: [...redactions.values()].flat().length,
      },
      spotChecks: { seed: state.spotCheckSeed ?? null, items: state.spotChecks ?? [] },
    };
    RemovalReport.parse(report);
    await fs.promises.writeFile(files.report, JSON.stringify(report, null, 2) + '\n', { flag: 'wx' });
    await pending.commit([
      [files.cleaned, names.cleaned], [files.diff, names.diff],
      ...(rsmfFile ? [[rsmfFile, names.rsmf] as [string, string]] : []),
      ...(screenshots ? [[screenshots, names.screenshots] as [string, string]] : []),
      [files.report, names.report],
    ]);
    return {
      cleaned: names.cleaned, diff: names.diff, report: names.report, ...(rsmfFile ? { rsmf: names.rsmf } : {}),
      ...(screenshots ? { screenshots: names.screenshots } : {}), summary: report,
    };
  } catch (e) {
    await diffOut.close().catch(() => undefined);
    await pending.discard();
    if (madeDir) await removeEmptyFolders(outDir, madeDir);
    throw e;
  } finally {
    input.close();
  }
}

/** The lines before the diff of a UTF-16 chat text; `git apply` skips them, as it skips a mail's text. */
export function utf16Note(file: string, form: TextForm): string {
  const name = form.encoding.toUpperCase();
  const back = `${name} ${form.bom ? 'with' : 'without'} a byte-order mark`;
  return `# ${file} is ${back}. This diff is of its text as UTF-8 without a byte-order mark\n`
    + `# (\`iconv -f ${form.bom ? 'UTF-16' : name} -t UTF-8\`): apply it to that, and the result in ${back} is the cleaned file.\n\n`;
}

/** Cleans the chat text (a plain export, or the chat entry of a zip) into `target`. */
async function cleanText(
  input: ExportInput, cleaner: FormatCleaner, entry: string | undefined, positions: MessageLines, plan: CleaningPlan,
  target: string, diffOut: DiffFile,
): Promise<void> {
  const what = entry ? `${input.fileName} (${entry})` : input.fileName;
  const lineFormat = await cleaner.lineFormat(input, entry, what, { kept: plan.kept });
  const form = textForm(await input.head(entry), what);
  const out = writer(target);
  let first = true;
  // A UTF-16 file is binary to git: the diff is of its text, and says so for `git apply`.
  if (form.encoding !== 'utf-8') diffOut.push(utf16Note(entry ?? input.fileName, form));
  const diff = new UnifiedDiffWriter(entry ?? input.fileName, (text) => diffOut.push(text), diffOut.spill);
  await cleanLines(readLinesWithEnds(input.open(entry), what), positions, lineFormat, plan, async (text) => {
    plan.signal?.throwIfAborted();
    await out.write(encodeText(text, form, first));
    first = false;
  }, diff);
  if (first && form.bom && form.encoding !== 'utf-8') await out.write(encodeText('', form, true));
  await out.close();
}

/**
 * A zip stays a zip: the chat entry cleaned, the attachments of removed messages left out (and
 * listed in the diff as deleted files), every other entry copied as it is.
 */
async function cleanZip(
  input: ExportInput, format: string, conversation: string | undefined, cleaner: FormatCleaner, positions: MessageLines,
  plan: CleaningPlan, keptAttachments: ReadonlySet<string>, target: string, diffOut: DiffFile,
): Promise<{ attachmentsRemoved: RemovalReport['attachmentsRemoved']; entriesLeftOut: { name: string; sha256: string }[] }> {
  const zip = input.zip!;
  const reader = getFormat(format);
  const entry = await reader?.chatEntry?.(input, { conversation });
  if (!entry) throw new InputError(`${input.fileName} holds no chat text to clean`);
  const attachmentEntry = (name: string) => reader?.attachmentEntry?.(entry, name) ?? name;
  const chatTmp = `${target}.chat`;
  try {
    await cleanText(input, cleaner, entry, positions, plan, chatTmp, diffOut);
    // Entry path → the removed message whose attachment it is.
    const dropped = new Map<string, string>();
    for (const id of plan.removed.keys()) {
      for (const a of plan.messages.get(id)!.attachments) if (a.present) dropped.set(attachmentEntry(a.name), id);
    }
    const out = new yazl.ZipFile();
    let fail: (e: unknown) => void = () => undefined;
    const written = new Promise<void>((resolve, reject) => {
      fail = reject;
      out.outputStream.pipe(fs.createWriteStream(target, { flags: 'wx' })).on('close', resolve).on('error', reject);
    });
    // A zip that may hold more than this conversation keeps only what the review covered.
    const kept = new Set([entry, ...[...keptAttachments].map(attachmentEntry)]);
    const reviewedOnly = cleaner.onlyReviewedEntries;
    const removed: RemovalReport['attachmentsRemoved'] = [];
    const leftOut: { name: string; sha256: string }[] = [];
    /** Leaves an entry out: a deleted file in the diff; its sha256 for the report. */
    const leaveOut = async (e: { name: string; size: number }) => {
      const sha1 = await gitBlobSha1(zip.openEntry(e.name), e.size);
      const hash = createHash('sha256');
      for await (const chunk of zip.openEntry(e.name)) hash.update(chunk);
      diffOut.push(deletedBinaryFile(e.name, sha1));
      return hash.digest('hex');
    };
    for (const f of zip.folders) {
      if (!reviewedOnly || [...kept].some((k) => k.startsWith(f.name))) out.addEmptyDirectory(f.name, { mtime: f.modified });
    }
    for (const e of zip.entries.values()) {
      const id = dropped.get(e.name);
      if (e.name === entry) out.addFile(chatTmp, e.name, { mtime: e.modified });
      else if (id) removed.push({ id, name: e.name, sha256: await leaveOut(e) });
      else if (reviewedOnly && !kept.has(e.name)) leftOut.push({ name: e.name, sha256: await leaveOut(e) });
      else {
        // A damaged entry fails the cleaning (and its clean-up) instead of the process.
        const source = Readable.from(zip.openEntry(e.name)).on('error', (err) => fail(err));
        out.addReadStream(source, e.name, { mtime: e.modified, compress: /\.(txt|json|xml|csv|html?)$/i.test(e.name) });
      }
    }
    out.end();
    await written;
    return { attachmentsRemoved: removed, entriesLeftOut: leftOut };
  } finally {
    await fs.promises.rm(chatTmp, { force: true });
  }
}
