// `npx tsx bench/scan.ts [messages]`: prints how fast the detectors scan a generated list of
// messages in the style of bench/generate.ts. Not a test: it asserts nothing, it measures.
//
// It measures the detectors as they ship: bundled by esbuild into one file, as in
// dist/server.js (under tsx every imported binding is a property getter, which costs a third
// more). BENCH_TSX=1 measures the sources as tsx runs them instead.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { DEFAULT_POLICY, type Flag, type Policy } from '../src/model';
import * as sources from '../src/server/detectors';
import type { ScanMessage } from '../src/server/detectors';
import { prng, SENTENCES } from './generate';

type Scan = (messages: readonly ScanMessage[], policy: Policy) => Flag[];

function bundled(): Scan {
  const out = path.join(os.tmpdir(), `chatreview-detectors-${process.pid}.cjs`);
  buildSync({
    entryPoints: [path.join(__dirname, '..', 'src', 'server', 'detectors', 'index.ts')],
    outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error',
  });
  const mod = createRequire(__filename)(out) as { scanConversation: Scan };
  fs.rmSync(out, { force: true });
  return mod.scanConversation;
}

const scanConversation: Scan = process.env.BENCH_TSX ? sources.scanConversation : bundled();

const asJson = process.argv.includes('--json');
const COUNT = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? process.env.BENCH_SCAN_MESSAGES ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// The generator's sentences plus a few shapes it lacks, so every rule does real work now and then.
const EXTRA = [
  'Mijn BSN is 111222333, IBAN NL91 ABNA 0417 1643 00.',
  'Adres: Kerkstraat 12a, 1234 AB Amsterdam. Kenteken GF-123-H.',
  'Lijst: jan@gmail.com, piet@ziggo.nl, els@minvws.nl, 06-11223344',
];

function generate(count: number): ScanMessage[] {
  const rnd = prng(42);
  const out: ScanMessage[] = [];
  let t = Date.UTC(2019, 11, 1, 8, 0);
  const pad = (n: number) => (n < 10 ? '0' + n : String(n));
  for (let i = 0; i < count; i++) {
    t += Math.floor(rnd() * 180_000);
    const d = new Date(t);
    const timestamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
    // Mostly the generator's sentences; one in twenty of the extra shapes.
    const r = rnd();
    const sentence = r < 0.95 ? SENTENCES[Math.floor(rnd() * SENTENCES.length)] : EXTRA[Math.floor(rnd() * EXTRA.length)];
    const text = rnd() < 0.05 ? `${sentence}\n${SENTENCES[(i * 7) % SENTENCES.length]}\n\n- punt een\n- punt twee` : sentence;
    out.push({ id: 'm' + String(i + 1).padStart(6, '0'), timestamp, precision: 'minute', sender: 'Piet Jansen', kind: 'message', text });
  }
  return out;
}

const messages = generate(COUNT);
let chars = 0;
for (const m of messages) chars += m.text.length;
scanConversation(messages.slice(0, 10_000), DEFAULT_POLICY); // warm up

let best = Infinity;
let flags = 0;
for (let run = 0; run < RUNS; run++) {
  const t0 = process.hrtime.bigint();
  flags = scanConversation(messages, DEFAULT_POLICY).length;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  best = Math.min(best, ms);
}
const perSecond = Math.round((COUNT / best) * 1000);
if (asJson) {
  process.stdout.write(JSON.stringify({ messages: COUNT, messagesPerSecond: perSecond, flags }));
  process.exit(0);
}
console.log(`${process.env.BENCH_TSX ? 'tsx sources' : 'esbuild bundle'}: scanned ${COUNT.toLocaleString('en')} messages (${(chars / 1e6).toFixed(1)} M chars), ${flags.toLocaleString('en')} flags`);
console.log(`best of ${RUNS}: ${best.toFixed(0)} ms, ${perSecond.toLocaleString('en')} messages/s, ${((best * 1000) / COUNT).toFixed(2)} µs/message`);
