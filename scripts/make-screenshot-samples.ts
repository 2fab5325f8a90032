// `npm run samples:screenshots`: renders media/samples/screenshots, a short synthetic iMessage
// conversation as four shuffled, overlapping iPhone screenshots (people and numbers made up by
// test/screenshots/content.ts), to try "Open Screenshot Folder" on. Needs Chromium.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readExport } from '../src/parsers';
import { findChromium, renderSets, type SetTruth } from '../test/screenshots/render';

const target = path.join(__dirname, '..', 'media', 'samples', 'screenshots');

async function main(): Promise<void> {
  if (!findChromium()) throw new Error('no Chromium at /usr/bin/chromium or CHROMIUM_PATH');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'chatreview-samples-'));
  try {
    // The first seed whose set has four screenshots with capture times, a BSN or IBAN, no gap,
    // and reads back as the conversation it shows: a sample shows the tool at its usual best.
    for (let seed = 1; seed < 150; seed++) {
      const out = path.join(scratch, String(seed));
      await renderSets(out, { sets: 1, seed, scale: 2, styles: ['imessage'], minMessages: 16, maxMessages: 20, concurrency: 1 });
      const set = path.join(out, 'set-000');
      const text = fs.readFileSync(path.join(set, 'truth.json'), 'utf8');
      const truth = JSON.parse(text) as SetTruth;
      if (truth.screenshots.length !== 4 || !/BSN|NL\d\d [A-Z]{4}/.test(text) || truth.gaps.length > 0 || truth.unseen.length > 0) continue;
      if (!truth.screenshots.every((s) => s.metadata)) continue;
      const shots = path.join(out, 'shots');
      fs.mkdirSync(shots);
      for (const f of fs.readdirSync(set).filter((f) => /\.png$/i.test(f))) fs.copyFileSync(path.join(set, f), path.join(shots, f));
      const read = await readExport(shots, { ocr: { cacheDir: path.join(scratch, 'ocr') } });
      const said = truth.conversation.filter((i) => i.kind === 'message').length;
      if (read.messages.length !== said || read.messages.some((m) => m.meta?.dateUnknown)) continue;
      fs.rmSync(target, { recursive: true, force: true });
      fs.mkdirSync(target, { recursive: true });
      for (const f of fs.readdirSync(shots)) fs.copyFileSync(path.join(shots, f), path.join(target, f));
      console.log(`media/samples/screenshots: seed ${seed}, ${read.messages.length} messages in ${fs.readdirSync(target).join(', ')}`);
      return;
    }
    throw new Error('no seed under 150 gave a suitable set');
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`samples:screenshots: ${(e as Error).message}`);
  process.exitCode = 1;
});
