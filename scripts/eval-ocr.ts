/**
 * `npm run eval:ocr [-- --sets N --seed S --workers W --no-native --cache DIR]`: how well screenshots become
 * a conversation. Renders synthetic screenshot sets with ground truth (test/screenshots/render.ts,
 * headless Chromium), runs the pipeline (OCR → layout → order → messages) on each, and prints
 * character error rate, message recall, ordering accuracy and time per screenshot — side by side
 * with the native `tesseract` CLI (Debian tesseract-ocr + tesseract-ocr-nld) feeding the same
 * layout and ordering. Not a test: it measures. Figures go to test-output/eval-ocr/.
 *
 * `--cache DIR` keeps tesseract.js's results between runs (the engine's own sha256 cache), for
 * working on layout and ordering without reading the images again; the time per screenshot is
 * then the cache's, not the OCR's, and is marked so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { readCaptureTime } from '../src/parsers/screenshots/capture';
import { layoutPage } from '../src/parsers/screenshots/layout';
import { messagesFromScreens } from '../src/parsers/screenshots/messages';
import { createOcrEngine } from '../src/parsers/screenshots/ocr';
import { orderScreens } from '../src/parsers/screenshots/order';
import { adjacentPairAccuracy, kendallTau } from '../src/parsers/screenshots/orderMetrics';
import type { OcrPage, OcrWord, ScreenHint } from '../src/parsers/screenshots/types';
import { renderSets, type SetTruth } from '../test/screenshots/render';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'test-output', 'eval-ocr');

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: String(Math.max(1, os.availableParallelism())) },
    'no-native': { type: 'boolean', default: false },
    cache: { type: 'string' },
  },
});
const SETS = Number(values.sets);
const SEED = Number(values.seed);

type Recognise = (bytes: Buffer, file: string, imagePath: string) => Promise<OcrPage>;

interface SetScore {
  set: number;
  style: string;
  screenshots: number;
  /** Edit distance over the truth's characters (messages seen in some screenshot). */
  errors: number;
  chars: number;
  truthMessages: number;
  found: number;
  orderCorrect: boolean;
  adjacent: number;
  tau: number;
  ms: number;
}

/** Levenshtein distance (two rows). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Aligns predicted messages with the truth's in order (Needleman–Wunsch, cost = edit distance;
 * a skipped truth message costs its length): total edit errors and how many truth messages
 * were found (read with at most 10% errors).
 */
function align(truth: readonly string[], predicted: readonly string[]): { errors: number; found: number } {
  const n = truth.length;
  const m = predicted.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const pair: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) cost[i][0] = cost[i - 1][0] + truth[i - 1].length;
  for (let j = 1; j <= m; j++) cost[0][j] = cost[0][j - 1] + predicted[j - 1].length;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      pair[i][j] = distance(truth[i - 1], predicted[j - 1]);
      cost[i][j] = Math.min(cost[i - 1][j - 1] + pair[i][j], cost[i - 1][j] + truth[i - 1].length, cost[i][j - 1] + predicted[j - 1].length);
    }
  }
  let found = 0;
  let errors = 0;
  for (let i = n, j = m; i > 0 || j > 0;) {
    if (i > 0 && j > 0 && cost[i][j] === cost[i - 1][j - 1] + pair[i][j]) {
      errors += pair[i][j];
      if (pair[i][j] <= 0.1 * truth[i - 1].length) found++;
      i--;
      j--;
    } else if (i > 0 && cost[i][j] === cost[i - 1][j] + truth[i - 1].length) {
      errors += truth[i - 1].length;
      i--;
    } else j--; // an extra predicted message: not counted against the truth's characters
  }
  return { errors, found };
}

async function scoreSet(dir: string, recognise: Recognise): Promise<SetScore> {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as SetTruth;
  const files = truth.screenshots.map((s) => s.file).sort();
  const started = performance.now();
  // All of a set's screenshots at once, as the format reads them: the pool runs them side by side.
  const read = await Promise.all(files.map(async (file) => {
    const bytes = fs.readFileSync(path.join(dir, file));
    const [page, capturedAt] = await Promise.all([recognise(bytes, file, path.join(dir, file)), readCaptureTime(bytes)]);
    return { page, hint: { file, ...(capturedAt ? { capturedAt } : {}) } as ScreenHint };
  }));
  const ms = performance.now() - started;
  const pages = read.map((r) => r.page);
  const hints = read.map((r) => r.hint);
  const layouts = pages.map((p) => layoutPage(p));
  const ordered = orderScreens(layouts, hints);
  const { messages } = messagesFromScreens(ordered, hints, layouts);

  const unseen = new Set(truth.unseen);
  const truthTexts = truth.conversation.filter((i) => i.kind === 'message' && !unseen.has(i.id)).map((i) => squash(i.text));
  const { errors, found } = align(truthTexts, messages.map((m) => squash(m.text)));

  // Order: scroll positions in the predicted order; equal positions (the same screen twice) tie.
  const position = new Map(truth.screenshots.map((s) => [s.file, s.scrollY]));
  const predicted = ordered.screens.map((s) => s.file);
  const trueOrder = [...truth.screenshots].sort((a, b) => a.position - b.position).map((s) => s.file);
  const offsets = predicted.map((f) => position.get(f)!);
  const orderCorrect = offsets.every((y, i) => i === 0 || y >= offsets[i - 1]);
  // The pair metrics compare views: the same screen taken twice (one scroll offset) is one view,
  // whichever copy comes first (a misplaced copy still fails orderCorrect above).
  const views = (order: readonly string[]): number[] => [...new Set(order.map((f) => position.get(f)!))];
  return {
    set: truth.set, style: truth.style.name, screenshots: files.length,
    errors, chars: truthTexts.reduce((n, t) => n + t.length, 0), truthMessages: truthTexts.length, found,
    orderCorrect, adjacent: adjacentPairAccuracy(views(trueOrder), views(predicted)), tau: kendallTau(views(trueOrder), views(predicted)), ms,
  };
}

/** The native tesseract CLI's words (TSV, level 5) as an OcrPage. */
function nativeRecogniser(): Recognise | null {
  if (spawnSync('tesseract', ['--version']).status !== 0) return null;
  return async (_bytes, file, imagePath) => {
    // One thread, as each tesseract.js worker has: with OpenMP's default it is slower here (1.5–2 s).
    const tsv = execFileSync('tesseract', [imagePath, 'stdout', '-l', 'nld+eng', '--psm', '3', 'tsv'], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 ** 2, env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const words: OcrWord[] = [];
    let width = 0;
    let height = 0;
    for (const line of tsv.split('\n').slice(1)) {
      const c = line.split('\t');
      if (c.length < 12) continue;
      const [level, , , , , , left, top, w, h, conf, text] = c;
      if (level === '1') [width, height] = [Number(w), Number(h)];
      if (level === '5' && text.trim()) words.push({ text, box: { x: Number(left), y: Number(top), width: Number(w), height: Number(h) }, confidence: Number(conf) });
    }
    return { file, sha256: '', width, height, words };
  };
}

function summary(name: string, scores: readonly SetScore[]): Record<string, number | string> {
  const sum = (f: (s: SetScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const shots = sum((s) => s.screenshots);
  return {
    engine: name,
    sets: scores.length,
    screenshots: shots,
    'CER %': Number(((100 * sum((s) => s.errors)) / sum((s) => s.chars)).toFixed(2)),
    'message recall': Number((sum((s) => s.found) / sum((s) => s.truthMessages)).toFixed(3)),
    'sets fully ordered %': Number(((100 * scores.filter((s) => s.orderCorrect).length) / scores.length).toFixed(1)),
    'adjacent pairs': Number((sum((s) => s.adjacent) / scores.length).toFixed(3)),
    'Kendall tau': Number((sum((s) => s.tau) / scores.length).toFixed(3)),
    's / screenshot': Number((sum((s) => s.ms) / 1000 / shots).toFixed(2)),
  };
}

async function main(): Promise<void> {
  const setsDir = path.join(OUT, `sets-seed${SEED}`);
  fs.mkdirSync(setsDir, { recursive: true });
  const wanted = Array.from({ length: SETS }, (_, k) => path.join(setsDir, `set-${String(k).padStart(3, '0')}`));
  if (!wanted.every((d) => fs.existsSync(path.join(d, 'truth.json')))) {
    console.log(`rendering ${SETS} screenshot sets (seed ${SEED}) in headless Chromium…`);
    await renderSets(setsDir, { sets: SETS, seed: SEED });
  }
  const kept = values.cache !== undefined;
  const cache = kept ? path.resolve(values.cache!) : fs.mkdtempSync(path.join(os.tmpdir(), 'chatreview-eval-ocr-'));
  const engine = createOcrEngine({ cacheDir: cache, workers: Number(values.workers) });
  const rows: Record<string, number | string>[] = [];
  const all: Record<string, SetScore[]> = {};
  try {
    const ours: SetScore[] = [];
    // Screenshots of a set are recognised side by side (the pool's workers), as the format does.
    const recognise: Recognise = (bytes, file) => engine.recognize(bytes, file);
    for (const dir of wanted) ours.push(await scoreSet(dir, recognise));
    all['tesseract.js'] = ours;
    rows.push(summary(`Chat Review (tesseract.js, ${values.workers} worker${values.workers === '1' ? '' : 's'}${kept ? ', cached OCR' : ''})`, ours));
  } finally {
    await engine.close();
    if (!kept) fs.rmSync(cache, { recursive: true, force: true });
  }
  const native = values['no-native'] ? null : nativeRecogniser();
  if (native) {
    const theirs: SetScore[] = [];
    for (const dir of wanted) theirs.push(await scoreSet(dir, native));
    all['tesseract CLI'] = theirs;
    rows.push(summary('native tesseract CLI (same layout and ordering)', theirs));
  } else if (!values['no-native']) console.log('native tesseract: not installed (apt-get install tesseract-ocr tesseract-ocr-nld); skipped');
  console.table(rows);
  for (const [engineName, scores] of Object.entries(all)) {
    const misordered = scores.filter((s) => !s.orderCorrect).map((s) => s.set);
    const worst = [...scores].sort((a, b) => b.errors / b.chars - a.errors / a.chars).slice(0, 5);
    console.log(`${engineName}: misordered sets ${misordered.length ? misordered.join(', ') : 'none'}; highest CER ${worst.map((s) => `set ${s.set} ${((100 * s.errors) / s.chars).toFixed(1)}%`).join(', ')}`);
  }
  fs.writeFileSync(path.join(OUT, 'eval-ocr.json'), JSON.stringify({ sets: SETS, seed: SEED, summary: rows, perSet: all }, null, 2));
  console.log(`goals: CER ≤ 2% on clean renders; ordering fully correct on ≥ 95% of sets; ≤ 1.5 s per screenshot. Per set: ${path.relative(ROOT, path.join(OUT, 'eval-ocr.json'))}`);
}

main().catch((e: unknown) => {
  console.error(`eval:ocr: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
