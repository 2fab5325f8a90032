import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ParsedExport, sha256File } from '../../../src/model';
import { findChromium, renderSets } from '../../screenshots/render';
import { buildCli, CLI, ROOT } from '../support/cli';

describe('chatreview on a folder of screenshots', function () {
  this.timeout(600_000);
  let root = '';
  let shots = '';
  let parsed: ParsedExport;
  /** The CLI with its OCR cache in the test's folder (CHATREVIEW_CACHE). */
  const run = (cli: string, args: string[], cache = path.join(root, 'cache')) => spawnSync(process.execPath, [cli, ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 ** 2, env: { ...process.env, CHATREVIEW_CACHE: cache, CHATREVIEW_DEBUG: '' },
  });

  before(async function () {
    if (!findChromium()) {
      console.log('      (skipped: no Chromium at /usr/bin/chromium or CHROMIUM_PATH; CI installs it)');
      this.skip();
    }
    buildCli();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'chatreview-cli-shots-'));
    await renderSets(path.join(root, 'rendered'), { sets: 1, seed: 5, minMessages: 8, maxMessages: 10, styles: ['sms'], concurrency: 1 });
    shots = path.join(root, 'shots');
    fs.mkdirSync(shots);
    const set = path.join(root, 'rendered', 'set-000');
    for (const f of fs.readdirSync(set).filter((f) => /\.png$/i.test(f))) fs.copyFileSync(path.join(set, f), path.join(shots, f));
    const r = run(CLI, ['parse', shots]);
    assert.equal(r.stderr, '');
    parsed = ParsedExport.parse(JSON.parse(r.stdout));
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('cleans a tagged message out of the transcript and the screenshots, and verify holds', async () => {
    const victim = parsed.messages[1];
    const state = {
      version: 1,
      export: { file: 'shots', sha256: await sha256File(shots) },
      tags: [{ id: victim.id, tag: 'privé', by: 'cli-test', at: '2026-11-22T10:00:00.000Z' }],
    };
    fs.writeFileSync(path.join(root, 'state.json'), JSON.stringify(state));
    const clean = run(CLI, ['clean', shots, '--tags', 'state.json', '--out', 'out', '--reviewer', 'cli-test']);
    assert.equal(clean.stderr, '');
    assert.equal(clean.status, 0);
    assert.deepEqual(clean.stdout.trim().split('\n').map((f) => path.basename(f)), ['shots.cleaned.txt', 'shots.cleaned', 'shots.removal.diff', 'shots.removal.json']);
    assert.ok(!fs.readFileSync(path.join(root, 'out', 'shots.cleaned.txt'), 'utf8').includes(victim.text));
    const verify = run(CLI, ['verify', shots, '--report', path.join('out', 'shots.removal.json')]);
    assert.equal(verify.stderr, '');
    assert.match(verify.stdout, /^verify: all \d+ checks hold/);
    // A cleaned screenshot swapped for its original is caught.
    const file = victim.meta!.image!.file;
    fs.copyFileSync(path.join(shots, file), path.join(root, 'out', 'shots.cleaned', file));
    const tampered = run(CLI, ['verify', shots, '--report', path.join('out', 'shots.removal.json')]);
    assert.equal(tampered.status, 1);
    assert.match(tampered.stderr, new RegExp(`chatreview: the cleaned copy of ${file.replace('.', '\\.')} (differs|is not black)`));
  });

  it('runs as packaged: the CLI with the OCR files vendor-ocr.mjs puts beside it, away from this checkout', () => {
    const packaged = path.join(root, 'packaged', 'dist');
    fs.mkdirSync(packaged, { recursive: true });
    fs.copyFileSync(CLI, path.join(packaged, 'cli.js'));
    const vendor = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'vendor-ocr.mjs'), path.join(packaged, 'node_modules')], { encoding: 'utf8' });
    assert.equal(vendor.status, 0, vendor.stderr);
    // A fresh cache: the screenshots are really read again, by the copied engine and data.
    const r = run(path.join(packaged, 'cli.js'), ['parse', shots], path.join(root, 'packaged-cache'));
    assert.equal(r.stderr, '');
    const again = ParsedExport.parse(JSON.parse(r.stdout));
    assert.deepEqual(again.messages.map((m) => m.text), parsed.messages.map((m) => m.text));
  });

  it('an OCR engine that cannot start (its core missing): one line, exit 2, at once', () => {
    const broken = path.join(root, 'broken', 'dist');
    fs.cpSync(path.join(root, 'packaged', 'dist'), broken, { recursive: true });
    fs.rmSync(path.join(broken, 'node_modules', 'tesseract.js-core'), { recursive: true });
    const started = Date.now();
    const r = spawnSync(process.execPath, [path.join(broken, 'cli.js'), 'parse', shots], {
      cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CHATREVIEW_CACHE: path.join(root, 'broken-cache'), CHATREVIEW_DEBUG: '' },
    });
    assert.equal(r.status, 2, `exit code ${r.status} (signal ${r.signal}): a worker thread that failed to start must not keep the process alive`);
    assert.match(r.stderr, /^chatreview: internal error: OCR worker failed: .*tesseract\.js-core[^\n]*\n$/);
    assert.ok(Date.now() - started < 30_000);
  });
});
