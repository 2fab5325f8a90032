// `npm run bench`: prints figures, side by side with peers where one exists. Not a test: it
// asserts nothing, it measures. Copy its table into BENCHMARKS.md with date and machine.
//
// BENCH_ONLY=whatsapp, sms or screenshots (comma-separated) runs only those sections; all by
// default. BENCH_MESSAGES sizes the WhatsApp export, BENCH_SMS_MB the SMS backup (MB),
// BENCH_SCREENSHOTS the screenshot conversation (messages), BENCH_RUNS the runs per figure.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { generateWhatsAppAndroid } from './generate';
import { generateSmsBackup, type SmsBackupInfo } from './generateSms';
import { createHash } from 'node:crypto';

const root = path.join(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data');
const cli = path.join(root, 'dist', 'cli.js');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const SMS_MB = Number(process.env.BENCH_SMS_MB ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCREENSHOT_MESSAGES = Number(process.env.BENCH_SCREENSHOTS ?? 120);
const SECTIONS = ['whatsapp', 'sms', 'screenshots'];
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
for (const s of ONLY) if (!SECTIONS.includes(s)) throw new Error(`BENCH_ONLY: no section "${s}" (there are: ${SECTIONS.join(', ')})`);
const wanted = (section: string) => ONLY.length === 0 || ONLY.includes(section);

interface Measure { ms: number; maxRssKB: number }

/** Runs a Node process once with the probe preloaded: its wall time and peak RSS. Its stdout goes to `stdout`, if given. */
function measureOnce(args: string[], stdout = '/dev/null'): Measure {
  const report = path.join(os.tmpdir(), `chatreview-bench-${process.pid}.json`);
  const out = fs.openSync(stdout, 'w');
  const r = spawnSync(process.execPath, ['--require', path.join(root, 'bench', 'probe.cjs'), ...args], {
    cwd: root, stdio: ['ignore', out, 'pipe'], env: { ...process.env, BENCH_REPORT: report },
  });
  fs.closeSync(out);
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(fs.readFileSync(report, 'utf8')) as Measure;
}

/** Best wall time of RUNS, highest peak RSS. */
function measure(args: string[], stdout?: string): Measure {
  const runs = Array.from({ length: RUNS }, () => measureOnce(args, stdout));
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

/** Runs a TypeScript bench script through tsx and returns its JSON result. */
function tsxJson<T>(script: string, args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', script), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** The WhatsApp sections: parse, scan, review editor, clean and verify, over one generated export. */
function benchWhatsApp(): void {
  const file = path.join(dataDir, `whatsapp-android-${MESSAGES}.txt`);
  if (!fs.existsSync(file)) {
    process.stderr.write(`generating ${MESSAGES.toLocaleString('en')} messages…\n`);
    generateWhatsAppAndroid(file, MESSAGES);
  }
  const bytes = fs.statSync(file).size;
  const parseApi = path.join(dataDir, 'parse-api.cjs');
  buildSync({ entryPoints: [path.join(root, 'bench', 'parse-api.ts')], bundle: true, platform: 'node', target: 'node20', outfile: parseApi, logLevel: 'error' });
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
}

/** sha256 of a file, read in pieces (the SMS backup is too big to read whole in comfort). */
function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  try {
    for (let n; (n = fs.readSync(fd, buffer)) > 0;) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** The line of a failed command's stderr that says why. */
function failure(e: unknown): { error: string } {
  const message = String((e as Error).message);
  const at = message.indexOf('chatreview:');
  return { error: (at >= 0 ? message.slice(at) : message).split('\n')[0].trim() || 'failed' };
}

/** A measured command, or why it failed: a failure at this size is a figure too. */
function attempt(args: string[], stdout?: string): Measure | { error: string } {
  try {
    return measure(args, stdout);
  } catch (e) {
    return failure(e);
  }
}

function rowOrFailure(name: string, m: Measure | { error: string }, bytes: number, messages: number): string[] {
  return 'error' in m ? [name, `failed: ${m.error.replace(/\|/g, '\\|')}`, '–', '–', '–', '–'] : row(name, m, bytes, messages);
}

/**
 * SMS Backup & Restore: a generated backup of BENCH_SMS_MB (default 500 MB), most of it base64
 * photos in MMS parts. Every command reads the whole file in one or more streaming passes, so
 * MB/s and messages/s count the whole file (all threads) per command, not only the thread's share.
 */
function benchSms(): void {
  const file = path.join(dataDir, `sms-backup-${SMS_MB}mb.xml`);
  const infoFile = `${file}.json`;
  let info = fs.existsSync(infoFile) ? JSON.parse(fs.readFileSync(infoFile, 'utf8')) as SmsBackupInfo : undefined;
  if (!info || !fs.existsSync(file) || fs.statSync(file).size !== info.bytes) {
    process.stderr.write(`generating a ${SMS_MB} MB SMS Backup & Restore backup…\n`);
    fs.rmSync(infoFile, { force: true });
    info = generateSmsBackup(file, SMS_MB * 1e6);
    fs.writeFileSync(infoFile, JSON.stringify(info));
  }
  const bytes = info.bytes;
  const all = info.messages;
  console.log(`\n## SMS Backup & Restore: ${(bytes / 1e6).toFixed(1)} MB, ${all.toLocaleString('en')} messages (${info.sms.toLocaleString('en')} SMS, `
    + `${info.mms.toLocaleString('en')} MMS with ${info.images.toLocaleString('en')} photos; base64 part data ${(100 * info.mediaBytes / bytes).toFixed(0)}% of the bytes), `
    + `7 threads, the group thread ${info.group.messages.toLocaleString('en')} messages (best of ${RUNS})\n`);

  const listing = path.join(dataDir, 'sms-conversations.json');
  const conversations = measure([cli, 'conversations', file], listing);
  const listed = (JSON.parse(fs.readFileSync(listing, 'utf8')) as { conversations: { id: string; messages: number }[] }).conversations;
  const group = listed.find((c) => c.id === info.group.id);
  if (!group || group.messages !== info.group.messages) throw new Error(`conversations lists the group thread as ${JSON.stringify(group)}, the generator wrote ${info.group.messages} messages to ${info.group.id}`);
  const parse = attempt([cli, 'parse', file, '--conversation', group.id]);
  const scan = attempt([cli, 'scan', file, '--conversation', group.id]);

  // The review of the group thread: every tenth message tagged, a phone number redacted in five others.
  const sha256 = sha256OfFile(file);
  const at = '2026-11-22T10:00:00Z';
  const everyTenth = (messages: number) => Array.from({ length: Math.ceil(messages / 10) }, (_, i) => 'm' + String(i * 10 + 1).padStart(6, '0'));
  const groupTags = everyTenth(group.messages);
  const redactions = info.group.redactable.filter((r) => !groupTags.includes(r.id)).slice(0, 5)
    .map((r) => ({ ...r, tag: 'AVG', rule: 'phone', by: 'bench', at }));
  const tagsOf = (ids: string[]) => ids.map((id, i) => ({ id, tag: i % 2 ? 'AVG' : 'privé', rule: i % 2 ? 'name' : 'private', by: 'bench', at }));

  /** Cleans one thread (RUNS times) and verifies the result: two rows, and what was written. */
  const cleanAndVerify = (name: string, conversation: string, tags: object[], redacted: object[]): { rows: string[][]; outputs: string } => {
    const cleanDir = path.join(dataDir, `sms-clean-${name}`);
    fs.rmSync(cleanDir, { recursive: true, force: true });
    fs.mkdirSync(cleanDir, { recursive: true });
    const sidecar = path.join(cleanDir, 'review.json');
    fs.writeFileSync(sidecar, JSON.stringify({ version: 1, export: { file: path.basename(file), sha256, conversation }, tags, redactions: redacted }));
    let clean: Measure | { error: string } = { error: 'not run' };
    const cleanRuns: Measure[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const f of fs.readdirSync(cleanDir)) if (f !== 'review.json') fs.rmSync(path.join(cleanDir, f), { recursive: true });
      try {
        cleanRuns.push(measureOnce([cli, 'clean', file, '--tags', sidecar, '--out', cleanDir]));
      } catch (e) {
        clean = failure(e);
        break;
      }
    }
    if (cleanRuns.length === RUNS) clean = { ms: Math.min(...cleanRuns.map((m) => m.ms)), maxRssKB: Math.max(...cleanRuns.map((m) => m.maxRssKB)) };
    const reportName = fs.readdirSync(cleanDir).find((f) => f.endsWith('.removal.json'));
    const verify = reportName ? attempt([cli, 'verify', file, '--report', path.join(cleanDir, reportName)]) : { error: 'no report to verify' };
    const size = (f: string) => {
      const n = fs.statSync(path.join(cleanDir, f)).size;
      return n < 1e6 ? `${(n / 1e3).toFixed(0)} kB` : `${(n / 1e6).toFixed(1)} MB`;
    };
    const outputs = fs.readdirSync(cleanDir).filter((f) => f !== 'review.json' && !f.startsWith('.'));
    return {
      rows: [
        rowOrFailure(`chatreview clean: ${name} thread kept, ${tags.length.toLocaleString('en')} tagged, ${redacted.length} redacted; other threads removed`, clean, bytes, all),
        rowOrFailure(`chatreview verify of that (hashes, re-apply the diff, checks)`, verify, bytes, all),
      ],
      outputs: `${name}: ${outputs.length ? outputs.map((f) => `${f.replace(/^.*?\.(cleaned|removal)/, '$1')} ${size(f)}`).join(', ') : 'none'}`,
    };
  };
  const groupClean = cleanAndVerify('group', group.id, tagsOf(groupTags), redactions);
  // A thread of single-line SMS among much other traffic: the bulk sender's.
  const bulk = listed.find((c) => c.id === 'KPN')!;
  const bulkClean = cleanAndVerify('KPN', bulk.id, tagsOf(everyTenth(bulk.messages)), []);

  console.log(table(['what', 'time s', 'MB/s', 'messages/s', 'peak RSS MB', 'RSS / file size'], [
    row(`chatreview conversations (one pass, ${listed.length} threads)`, conversations, bytes, all),
    rowOrFailure(`chatreview parse --conversation <group> (${group.messages.toLocaleString('en')} messages as JSON)`, parse, bytes, all),
    rowOrFailure('chatreview scan --conversation <group> (parse + detect + JSON flags)', scan, bytes, all),
    ...groupClean.rows,
    ...bulkClean.rows,
  ]));
  console.log(`\nmessages/s counts every message of the file (${all.toLocaleString('en')}): each command reads them all. `
    + `The KPN thread: ${bulk.messages.toLocaleString('en')} one-line SMS. Outputs: ${groupClean.outputs}; ${bulkClean.outputs}.`);
}

/**
 * A conversation that exists only as screenshots (rendered in Chromium, as the tests do): OCR
 * from scratch and from the cache, and cleaning (every tenth message removed: the transcript, the
 * copies re-encoded with the bubbles blacked out) and verifying, per screenshot. The OCR peer,
 * the native tesseract CLI, is measured by `npm run eval:ocr`.
 */
async function benchScreenshots(): Promise<void> {
  const { findChromium, renderSets } = await import('../test/screenshots/render');
  if (!findChromium()) {
    console.log('\n## Screenshots: skipped (no Chromium to render them; CHROMIUM_PATH)');
    return;
  }
  const dir = path.join(dataDir, 'screenshots');
  fs.rmSync(dir, { recursive: true, force: true });
  await renderSets(path.join(dir, 'rendered'), { sets: 1, seed: 2026, minMessages: SCREENSHOT_MESSAGES, maxMessages: SCREENSHOT_MESSAGES, styles: ['imessage'] });
  const shots = path.join(dir, 'shots');
  fs.mkdirSync(shots);
  const set = path.join(dir, 'rendered', 'set-000');
  for (const f of fs.readdirSync(set).filter((f) => /\.png$/i.test(f))) fs.copyFileSync(path.join(set, f), path.join(shots, f));
  const count = fs.readdirSync(shots).length;
  const env = (cache: string) => ({ ...process.env, CHATREVIEW_CACHE: cache });
  const timed = (args: string[], cache: string, stdout?: string): Measure => {
    const t = Date.now();
    const out = stdout ? fs.openSync(stdout, 'w') : 'ignore';
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, stdio: ['ignore', out, 'pipe'], env: env(cache) });
    if (typeof out === 'number') fs.closeSync(out);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    return { ms: Date.now() - t, maxRssKB: 0 };
  };
  const cache = path.join(dir, 'cache');
  const parsedFile = path.join(dir, 'parsed.json');
  const fresh = timed(['parse', shots], cache);
  const again = timed(['parse', shots], cache, parsedFile);
  const messages = (JSON.parse(fs.readFileSync(parsedFile, 'utf8')) as { messages: { id: string }[] }).messages;
  const tags = messages.filter((_, i) => i % 10 === 0).map((m) => ({ id: m.id, tag: 'privé', by: 'bench', at: '2026-11-22T10:00:00Z' }));
  const listing = createHash('sha256');
  for (const f of fs.readdirSync(shots).sort()) listing.update(`${f}\0${createHash('sha256').update(fs.readFileSync(path.join(shots, f))).digest('hex')}\n`);
  fs.writeFileSync(path.join(dir, 'review.json'), JSON.stringify({ version: 1, export: { file: 'shots', sha256: listing.digest('hex') }, tags }));
  const out = path.join(dir, 'out');
  fs.rmSync(out, { recursive: true, force: true });
  const clean = timed(['clean', shots, '--tags', 'review.json', '--out', out], cache);
  const verify = timed(['verify', shots, '--report', path.join(out, 'shots.removal.json')], cache);
  const per = (m: Measure) => `${(m.ms / 1000).toFixed(2)} s (${(m.ms / count / 1000).toFixed(2)} s per screenshot)`;
  console.log(`\n## Screenshots: ${count} iMessage screenshots (1170×2532), ${messages.length} messages; ${tags.length} removed\n`);
  console.log(table(['what', 'figure'], [
    ['chatreview parse, OCR from scratch (2 workers)', per(fresh)],
    ['chatreview parse again (OCR from the cache)', per(again)],
    [`chatreview clean (transcript, ${count} copies re-encoded, boxes blacked out, diff, report)`, per(clean)],
    ['chatreview verify (re-read, re-apply the diff, decode every copy, check the boxes)', per(verify)],
  ]));
}

fs.mkdirSync(dataDir, { recursive: true });
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`# Chat Review benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`);
if (wanted('whatsapp')) benchWhatsApp();
if (wanted('sms')) benchSms();
if (wanted('screenshots')) {
  benchScreenshots().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
