// Review-editor figures: time to first diagnostics for a 10,000-message page and the round
// trip of a tag quick fix, through the real language server process; and the time to open the
// first page of a 1,000,000-message export (what the extension does before showing it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ExportReview } from '../src/client/exportReview';
import { readExport } from '../src/parsers';
import { LspClient } from '../test/server/lspClient';
import { generateWhatsAppAndroid } from './generate';

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (mode === 'open') {
    const t0 = performance.now();
    const review = await ExportReview.load(file, 10_000);
    const text = review.render(review.pageLabels[0]);
    const ms = performance.now() - t0;
    process.stdout.write(JSON.stringify({ ms, pages: review.pages.length, firstPageChars: text.length, heapMB: process.memoryUsage().heapUsed / 1e6 }));
    return;
  }
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'chatreview-bench-'));
  const page = path.join(dir, 'page.txt');
  generateWhatsAppAndroid(page, 10_000, 7);
  const parsed = await readExport(page);
  const client = await LspClient.start();
  const uri = 'chatreview:/bench/page.txt';
  const t0 = performance.now();
  const diagnostics = await client.open(uri, parsed);
  const firstMs = performance.now() - t0;
  const rounds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const target = diagnostics[i * 3];
    const t1 = performance.now();
    const actions = await client.codeActions(uri, target.range, [target]);
    const edit = Object.values(actions[0].edit!.changes!)[0];
    await client.apply(uri, edit);
    rounds.push(performance.now() - t1);
  }
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  rounds.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ firstMs, diagnostics: diagnostics.length, roundMedianMs: rounds[10], roundMaxMs: rounds[rounds.length - 1] }));
}
void main();
