// What the "conversation that exists only as screenshots" journey expects: a synthetic screenshot
// set rendered by the project's renderer (test/screenshots/render.ts: headless Chromium, with its
// ground truth), the review document compared with that truth, and the files "Save Cleaned Export"
// writes for a folder of screenshots (the transcript, the blacked-out copies, the diff, the report)
// checked against the truth's pixel boxes; kept apart from the driving so other suites can check
// the same things.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { renderSets, type Box, type SetTruth, type TruthMessage } from '../../screenshots/render';

export { OPEN_REMOVAL_DIFF, SAVE_CLEANED, diffTitle } from './cleanAndDiff.expect';
export { SCHEME } from './openExport.expect';

export const OPEN_SCREENSHOTS = 'Chat Review: Open Screenshot Folder';
/** The phone's owner, as the review names the right-hand side. */
export const OWNER = 'Ik (eigenaar telefoon)';
/** The workspace folder holding the screenshots (and nothing else: a folder of only images is a screenshot export). */
export const FOLDER = 'shots';
/** The progress notification's message while the screenshots are read. */
export const PROGRESS = /OCR: (\d+) of (\d+) screenshots/;
/** The hover's line naming the OCR source. */
export const OCR_SOURCE = /Read by OCR from (\S+) \(confidence (\d+)%\)/;
export const AVG_MARKER = '[AVG]';
/** The reason typed when Save Cleaned Export asks for one (identifier flags left open on purpose). */
export const REASON = 'Het andere rekeningnummer is zakelijk; akkoord van de FG';

/**
 * The renderer's sets tried, in order, for the first that suits a short journey: seeded, so the
 * same set each run (its PNG bytes may differ by font rendering; its truth does not).
 */
export const RENDER = { seed: 7, sets: 8, minMessages: 8, maxMessages: 12 } as const;

const IDENTIFIER_KINDS = new Set(['bsn', 'iban']);

/** Why a rendered set does not suit the journey ('' when it does). */
export function unsuitable(t: SetTruth): string {
  const messages = t.conversation.filter((c): c is TruthMessage => c.kind === 'message');
  const wholeSomewhere = new Set(t.screenshots.flatMap((s) => s.items.filter((i) => i.cut === null).map((i) => i.id)));
  if (t.files.length < 3 || t.files.length > 5) return `${t.files.length} screenshots (want 3 to 5)`;
  if (t.style.language !== 'nl') return 'not Dutch';
  if (t.group) return 'a group chat';
  if (t.gaps.length || t.unseen.length) return 'screenshots that do not overlap';
  if (t.joins.some((j) => j.duplicate)) return 'the same screen twice';
  if (t.files.join() === t.order.join()) return 'file names in scroll order';
  if (messages.some((m) => !wholeSomewhere.has(m.id))) return 'a message no screenshot shows whole';
  if (!t.screenshots.every((s) => s.metadata) && t.conversation.some((c) => c.kind === 'separator' && !('year' in c.says && c.says.year))) {
    return 'relative dates without a capture time';
  }
  if (!messages.some((m) => m.spans.some((s) => IDENTIFIER_KINDS.has(s.kind)))) return 'no BSN or IBAN';
  if (!messages.some((m) => m.labels.includes('health') && shownIn(t, m.id).length >= 1)) return 'no health remark';
  return '';
}

/**
 * Renders the renderer's sets (RENDER) into `stage/render` and copies the PNGs of the first
 * suitable one, and only those, into `stage/workspace/<FOLDER>`; returns its truth and folders.
 */
export async function renderScreenshotFolder(stage: string): Promise<{ truth: SetTruth; set: string; workspace: string; folder: string }> {
  const out = path.join(stage, 'render');
  await renderSets(out, { ...RENDER, concurrency: 1 });
  const why: string[] = [];
  for (const set of fs.readdirSync(out).filter((d) => d.startsWith('set-')).sort()) {
    const truth = JSON.parse(fs.readFileSync(path.join(out, set, 'truth.json'), 'utf8')) as SetTruth;
    const reason = unsuitable(truth);
    if (reason) {
      why.push(`${set}: ${reason}`);
      continue;
    }
    const workspace = path.join(stage, 'workspace');
    const folder = path.join(workspace, FOLDER);
    fs.mkdirSync(folder, { recursive: true });
    for (const f of truth.files) fs.copyFileSync(path.join(out, set, f), path.join(folder, f));
    fs.copyFileSync(path.join(out, set, 'truth.json'), path.join(stage, 'truth.json'));
    return { truth, set, workspace, folder };
  }
  throw new Error(`no rendered set suits the journey (seed ${RENDER.seed}): ${why.join('; ')}`);
}

/** The messages of the truth, in order. */
export function truthMessages(t: SetTruth): TruthMessage[] {
  return t.conversation.filter((c): c is TruthMessage => c.kind === 'message');
}

/** The screenshots (file names) that show message `id` whole. */
export function shownIn(t: SetTruth, id: string, whole = true): string[] {
  return t.screenshots.filter((s) => s.items.some((i) => i.id === id && (!whole || i.cut === null))).map((s) => s.file);
}

/** Text as compared: white space squashed, emoji (which OCR cannot read) left out. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
export const withoutEmoji = (s: string): string => squash(s.replace(/\p{Extended_Pictographic}\uFE0F?/gu, ''));

/** Levenshtein distance, by code points. */
export function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** OCR noise allowed in a message's text: a few characters, more for long messages (the benchmark's CER is ~4%). */
export const tolerated = (expected: string): number => Math.max(2, Math.ceil(0.12 * [...expected].length));

/** A message line of the review document. */
export interface DocMessage {
  /** 1-based line in the document. */
  line: number;
  tag: string;
  id: string;
  date: string;
  /** `HH:MM`, or `--:--` where the screenshots show no time. */
  time: string;
  sender: string;
  /** The text as shown, ` ⏎ ` where it breaks, redactions `⟦TAG|…⟧` in place. */
  shown: string;
  /** The text, redaction marks taken out and breaks as spaces, white space squashed. */
  text: string;
}

const DOC_LINE = /^(.{6})(m\d{6}) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}|--:--) ([^:]+): (.*)$/;

export function docMessages(text: string): DocMessage[] {
  const out: DocMessage[] = [];
  text.split('\n').forEach((l, i) => {
    const m = DOC_LINE.exec(l);
    if (!m) return;
    const plain = m[6].replace(/⟦[^|⟧]*\|([^⟧]*)⟧/g, '$1').replace(/ ⏎ /g, ' ');
    out.push({ line: i + 1, tag: m[1].trim(), id: m[2], date: m[3], time: m[4], sender: m[5], shown: m[6], text: squash(plain) });
  });
  return out;
}

/** The messages OCR can read (an emoji alone it cannot), in order. */
export function readableMessages(t: SetTruth): TruthMessage[] {
  return truthMessages(t).filter((m) => withoutEmoji(m.text) !== '');
}

/**
 * Pairs the review document's messages with the truth's, in order, and checks them: every
 * readable message once and in the true order, its text within OCR noise, the owner's side as
 * OWNER and the other side by name, the true date, and a time only where it is the true one.
 * Returns the pairs and the messages whose shown time the review left out (`--:--`).
 */
export function assertTranscript(doc: DocMessage[], t: SetTruth): { pairs: { doc: DocMessage; truth: TruthMessage }[]; timesNotRead: string[] } {
  const expected = readableMessages(t);
  const table = () =>
    Array.from({ length: Math.max(doc.length, expected.length) }, (_, i) =>
      `  ${doc[i] ? `${doc[i].id} ${doc[i].sender}: ${doc[i].text}` : '(none)'}\n    truth ${expected[i] ? `${expected[i].id} ${expected[i].side}: ${withoutEmoji(expected[i].text)}` : '(none)'}`,
    ).join('\n');
  assert.equal(doc.length, expected.length, `the review shows ${doc.length} messages, the screenshots hold ${expected.length} readable ones:\n${table()}`);
  const pairs = doc.map((d, i) => ({ doc: d, truth: expected[i] }));
  const timesNotRead: string[] = [];
  for (const { doc: d, truth: m } of pairs) {
    const want = withoutEmoji(m.text);
    const off = distance(withoutEmoji(d.text), want);
    assert.ok(off <= tolerated(want), `message ${d.id} (line ${d.line}) reads "${d.text}" where the screenshots show ${m.id} "${want}" (${off} characters off); in order:\n${table()}`);
    assert.equal(d.sender, m.side === 'right' ? OWNER : m.sender, `the sender of ${d.id} (${m.id}, ${m.side} side)`);
    assert.equal(d.date, m.time.slice(0, 10), `the date of ${d.id} (${m.id})`);
    if (d.time !== '--:--') assert.equal(d.time, m.time.slice(11, 16), `the time of ${d.id} (${m.id}) is the true one or none`);
    else if (m.shown.precision === 'minute') timesNotRead.push(`${d.id} (${m.id}: ${m.time.slice(11, 16)} shown)`);
  }
  return { pairs, timesNotRead };
}

/** The first BSN or IBAN of the truth in a message the review shows it in (the span text verbatim in the document). */
export function identifierTarget(pairs: { doc: DocMessage; truth: TruthMessage }[]): { doc: DocMessage; truth: TruthMessage; value: string; kind: string } | undefined {
  for (const p of pairs) {
    for (const s of p.truth.spans) {
      if (IDENTIFIER_KINDS.has(s.kind) && p.doc.shown.includes(s.text)) return { ...p, value: s.text, kind: s.kind };
    }
  }
  return undefined;
}

// --- Files written by Save Cleaned Export -----------------------------------------------------

/** `<folder>.cleaned.txt`, `<folder>.cleaned/`, `<folder>.removal.diff`, `<folder>.removal.json` beside the folder. */
export function screenshotOutputs(folder: string): { transcript: string; images: string; diff: string; report: string } {
  return {
    transcript: `${folder}.cleaned.txt`,
    images: `${folder}.cleaned`,
    diff: `${folder}.removal.diff`,
    report: `${folder}.removal.json`,
  };
}

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Every file of a folder: name → sha256. */
export function folderHashes(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(folder).sort()) out[f] = sha256(fs.readFileSync(path.join(folder, f)));
  return out;
}

/** A transcript message: its start line `[date time] sender: text` and the text's further lines. */
export interface TranscriptMessage {
  date: string;
  time: string;
  sender: string;
  text: string;
}

const TRANSCRIPT_START = /^\[(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}|--:--)\] ([^:]*): (.*)$/;

/** Reads the cleaned transcript: its `# …` heading, then messages (a line that starts none continues the one before). */
export function parseTranscript(text: string): { heading: string; messages: TranscriptMessage[]; stray: string[] } {
  const lines = text.replace(/\n$/, '').split('\n');
  const heading = lines[0] ?? '';
  const messages: TranscriptMessage[] = [];
  const stray: string[] = [];
  for (const l of lines.slice(1)) {
    const m = TRANSCRIPT_START.exec(l);
    if (m) messages.push({ date: m[1], time: m[2], sender: m[3], text: m[4] });
    else if (l.startsWith('# ')) continue; // a marked gap
    else if (messages.length) messages[messages.length - 1].text += `\n${l}`;
    else stray.push(l);
  }
  return { heading, messages, stray };
}

export interface ScreenshotReport {
  screenshots?: {
    file: string;
    sha256?: string;
    images: { name: string; sha256: string; cleaned: string; blackedOut: Box[] }[];
  };
}

/** An RGBA image decoded with pngjs. */
export interface Pixels {
  width: number;
  height: number;
  data: Buffer;
}

export function readPng(file: string): Pixels {
  const png = PNG.sync.read(fs.readFileSync(file));
  return { width: png.width, height: png.height, data: png.data };
}

/** The pixels of `box` (clipped to the image) that are not black (every channel at most `tolerance`), and how many it has. */
export function notBlack(img: Pixels, box: Box, tolerance = 8): { pixels: number; notBlack: number } {
  let pixels = 0;
  let lit = 0;
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(img.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(img.height, Math.ceil(box.y + box.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      pixels++;
      if (img.data[i] > tolerance || img.data[i + 1] > tolerance || img.data[i + 2] > tolerance) lit++;
    }
  }
  return { pixels, notBlack: lit };
}

/** Whether the point lies in one of the boxes. */
const inside = (boxes: readonly Box[], x: number, y: number) => boxes.some((b) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height);

/** How many pixels outside `boxes` differ between two images of the same size (colour channels only). */
export function changedOutside(a: Pixels, b: Pixels, boxes: readonly Box[]): number {
  assert.deepEqual([b.width, b.height], [a.width, a.height], 'the cleaned copy has the size of the original');
  let changed = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) {
        if (!inside(boxes, x, y)) changed++;
      }
    }
  }
  return changed;
}

/** The text lines of message `id` as screenshot `file` shows them (truth boxes, in image pixels). */
export function linesIn(t: SetTruth, file: string, id: string): { text: string; box: Box }[] {
  const shot = t.screenshots.find((s) => s.file === file);
  return shot?.items.find((i) => i.id === id)?.lines.map((l) => ({ text: l.text, box: l.box })) ?? [];
}

/**
 * Where `value` stands on the screenshot line that shows it, estimated from its share of the
 * line's characters and shrunk to the middle (a proportional font makes the share approximate):
 * pixels there belong to the value's glyphs or the gaps between them.
 */
export function spanCore(line: { text: string; box: Box }, value: string): Box | undefined {
  const at = line.text.indexOf(value);
  if (at < 0) return undefined;
  const n = [...line.text].length;
  const from = line.box.x + (line.box.width * at) / n;
  const width = (line.box.width * value.length) / n;
  return { x: from + 0.15 * width, y: line.box.y + 0.3 * line.box.height, width: 0.6 * width, height: 0.4 * line.box.height };
}
