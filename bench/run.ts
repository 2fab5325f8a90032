// `npm run bench`: prints figures, side by side with peers where one exists. Not a test: it
// asserts nothing, it measures. Copy its table into BENCHMARKS.md with date and machine.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { generateWhatsAppAndroid } from './generate';
import { createHash } from 'node:crypto';

const root = path.join(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Measure { ms: number; maxRssKB: number }

/** Runs a Node process once with the probe preloaded: its wall time and peak RSS. */
function measureOnce(args: string[]): Measure {
  const report = path.join(os.tmpdir(), `chatreview-bench-${process.pid}.json`);
  const out = fs.openSync('/dev/null', 'w');
  const r = spawnSync(process.execPath, ['--require', path.join(root, 'bench', 'probe.cjs'), ...args], {
    cwd: root, stdio: ['ignore', out, 'pipe'], env: { ...process.env, BENCH_REPORT: report },
  });
  fs.closeSync(out);
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(fs.readFileSync(report, 'utf8')) as Measure;
}

/** Best wall time of RUNS, highest peak RSS. */
function measure(args: string[]): Measure {
  const runs = Array.from({ length: RUNS }, () => measureOnce(args));
  return { ms: Math.min(...runs.map((m) => m.ms)), maxRssKB: Math.max(...runs.map((m) => m.maxRssKB)) };
}

function row(name: string, m: Measure, bytes: number, messages: number): string[] {
  const s = m.ms / 1000;
  return [name, s.toFixed(2), (bytes / 1e6 / s).toFixed(1), Math.round(messages / s).toLocaleString('en'), (m.maxRssKB / 1024).toFixed(0), (m.maxRssKB * 1024 / bytes).toFixed(2)];
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

fs.mkdirSync(dataDir, { recursive: true });
const file = path.join(dataDir, `whatsapp-android-${MESSAGES}.txt`);
if (!fs.existsSync(file)) {
  process.stderr.write(`generating ${MESSAGES.toLocaleString('en')} messages…\n`);
  generateWhatsAppAndroid(file, MESSAGES);
}
const bytes = fs.statSync(file).size;
const parseApi = path.join(dataDir, 'parse-api.cjs');
buildSync({ entryPoints: [path.join(root, 'bench', 'parse-api.ts')], bundle: true, platform: 'node', target: 'node20', outfile: parseApi, logLevel: 'error' });
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`# Chat Review benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`);
console.log(`\n## Parse: WhatsApp Android export, ${MESSAGES.toLocaleString('en')} messages, ${(bytes / 1e6).toFixed(1)} MB (best of ${RUNS})\n`);

const ours = measure([path.join(root, 'dist', 'cli.js'), 'parse', file]);
const oursApi = measure([parseApi, file]);
const peer = measure([path.join(root, 'bench', 'peer-whatsapp-chat-parser.cjs'), file]);
const peerJson = measure([path.join(root, 'bench', 'peer-whatsapp-chat-parser.cjs'), file, '--json']);
console.log(table(['tool', 'time s', 'MB/s', 'messages/s', 'peak RSS MB', 'RSS / file size'], [
  row('chatreview parse (CLI, full JSON to stdout)', ours, bytes, MESSAGES),
  row('chatreview parser API (messages built, not printed)', oursApi, bytes, MESSAGES),
  row('whatsapp-chat-parser parseString (no output)', peer, bytes, MESSAGES),
  row('whatsapp-chat-parser parseString + JSON.stringify', peerJson, bytes, MESSAGES),
]));
console.log(`\nThroughput ratios against whatsapp-chat-parser: parser API vs parseString ${(peer.ms / oursApi.ms).toFixed(2)}×; CLI with JSON output vs parseString + JSON.stringify ${(peerJson.ms / ours.ms).toFixed(2)}×; CLI vs bare parseString ${(peer.ms / ours.ms).toFixed(2)}×.`);

/** Runs a TypeScript bench script through tsx and returns its JSON result. */
function tsxJson<T>(script: string, args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', script), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

console.log(`\n## Scan: all detectors over the same export (best of ${RUNS})\n`);
const scan = measure([path.join(root, 'dist', 'cli.js'), 'scan', file]);
const detectorsOnly = tsxJson<{ messagesPerSecond: number; messages: number }>('scan.ts', ['--json']);
console.log(table(['what', 'time s', 'messages/s', 'peak RSS MB'], [
  ['chatreview scan (CLI: parse + detect + JSON flags)', (scan.ms / 1000).toFixed(2), Math.round(MESSAGES / (scan.ms / 1000)).toLocaleString('en'), (scan.maxRssKB / 1024).toFixed(0)],
  [`detectors alone, in process (${detectorsOnly.messages.toLocaleString('en')} messages in memory)`, '–', Math.round(detectorsOnly.messagesPerSecond).toLocaleString('en'), '–'],
]));

console.log('\n## Review editor\n');
const server = tsxJson<{ firstMs: number; diagnostics: number; roundMedianMs: number; roundMaxMs: number }>('review.ts', ['server']);
const open = tsxJson<{ ms: number; pages: number; heapMB: number }>('review.ts', ['open', file]);
console.log(table(['what', 'figure'], [
  ['language server: first diagnostics for a 10,000-message page (open → publish)', `${server.firstMs.toFixed(0)} ms (${server.diagnostics} diagnostics)`],
  ['tag quick fix round trip (code action → edit → new diagnostics), median / max of 20', `${server.roundMedianMs.toFixed(1)} / ${server.roundMaxMs.toFixed(1)} ms`],
  [`open a ${MESSAGES.toLocaleString('en')}-message export: parse, hash, paginate, render page 1`, `${(open.ms / 1000).toFixed(2)} s (${open.pages} pages, heap ${open.heapMB.toFixed(0)} MB)`],
]));

console.log(`\n## Clean and verify: the same export with every tenth message removed (best of ${RUNS})\n`);
const cleanDir = path.join(dataDir, 'clean');
fs.rmSync(cleanDir, { recursive: true, force: true });
fs.mkdirSync(cleanDir, { recursive: true });
const sidecar = path.join(cleanDir, 'review.json');
const exportSha = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const tags = Array.from({ length: MESSAGES / 10 }, (_, i) => ({ id: 'm' + String(i * 10 + 1).padStart(6, '0'), tag: 'privé', rule: 'private', by: 'bench', at: '2026-11-22T10:00:00Z' }));
fs.writeFileSync(sidecar, JSON.stringify({ version: 1, export: { file: path.basename(file), sha256: exportSha }, tags }));
const cleanRuns: Measure[] = [];
for (let i = 0; i < RUNS; i++) {
  for (const f of fs.readdirSync(cleanDir)) if (f !== 'review.json') fs.rmSync(path.join(cleanDir, f));
  cleanRuns.push(measureOnce([path.join(root, 'dist', 'cli.js'), 'clean', file, '--tags', sidecar, '--out', cleanDir]));
}
const clean = { ms: Math.min(...cleanRuns.map((m) => m.ms)), maxRssKB: Math.max(...cleanRuns.map((m) => m.maxRssKB)) };
const report = path.join(cleanDir, `${path.parse(file).name}.removal.json`);
const verify = measure([path.join(root, 'dist', 'cli.js'), 'verify', file, '--report', report]);
console.log(table(['what', 'time s', 'messages/s', 'peak RSS MB', 'RSS / file size'], [
  ['chatreview clean (parse, clean, diff, report; 100,000 removed)', (clean.ms / 1000).toFixed(2), Math.round(MESSAGES / (clean.ms / 1000)).toLocaleString('en'), (clean.maxRssKB / 1024).toFixed(0), (clean.maxRssKB * 1024 / bytes).toFixed(2)],
  ['chatreview verify (hashes, re-apply the diff, checks)', (verify.ms / 1000).toFixed(2), Math.round(MESSAGES / (verify.ms / 1000)).toLocaleString('en'), (verify.maxRssKB / 1024).toFixed(0), (verify.maxRssKB * 1024 / bytes).toFixed(2)],
]));
