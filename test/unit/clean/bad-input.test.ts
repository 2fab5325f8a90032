/**
 * Cleaning refuses what it cannot do honestly, with a clear one-line reason, and leaves nothing
 * behind: through the API (InputError) and through the CLI (exit 2, one line on stderr).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../../src/model/errors';
import { buildCli, runCli } from '../support/cli';
import { lieAboutSize, makeZip } from '../support/zips';
import { listTree, sha256 } from './support/harness';
import { clean, redaction, small, tag, type Small } from './support/small';

const CHAT = '12-03-2020 14:05 - Ann: hoi\n12-03-2020 14:06 - Bob: mijn BSN is 123456782\n12-03-2020 14:07 - Ann: dank je\n';

/** Cleaning `s` fails as `check` says, and the folder holds exactly what it held before. */
async function failsCleanly(s: Small, check: (e: unknown) => boolean, outDir?: string): Promise<void> {
  const before = listTree(s.dir);
  await assert.rejects(clean(s, outDir ? { outDir } : {}), (e: unknown) => {
    assert.ok(check(e), `unexpected error: ${String(e)}`);
    return true;
  });
  assert.deepEqual(listTree(s.dir), before, 'nothing left behind');
  assert.ok(fs.readFileSync(s.exportPath).equals(s.original), 'the export is unchanged');
}

function writeSidecar(s: Small): string {
  const file = path.join(s.dir, 'chat.txt.chatreview.json');
  fs.writeFileSync(file, JSON.stringify(s.state));
  return file;
}

/** One line on stderr (ending in a line break), nothing on stdout. */
function oneLine(r: { stdout: string; stderr: string }): string {
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^[^\n]+\n$/, `one stderr line: ${JSON.stringify(r.stderr)}`);
  return r.stderr;
}

describe('clean: bad inputs', () => {
  it('a review state of another version of the export (sha256 differs) is an InputError', async () => {
    const s = await small('chat.txt', CHAT, [tag('m000002')]);
    // The export changes under the review: one more message.
    fs.appendFileSync(s.exportPath, '12-03-2020 14:08 - Bob: nog iets\n');
    const changed = fs.readFileSync(s.exportPath);
    await failsCleanly({ ...s, original: changed }, (e) => e instanceof InputError && /another version of the export \(sha256 differs\)/.test(e.message));
  });

  it('a zip whose review state has another sha256 is refused too', async () => {
    const zip = await makeZip([{ name: '_chat.txt', data: '[12-03-2020 14:05:00] Ann: hoi\r\n' }]);
    const s = await small('WhatsApp Chat - X.zip', zip, [tag('m000001')]);
    s.state.export.sha256 = sha256('something else');
    await failsCleanly(s, (e) => e instanceof InputError && /sha256 differs/.test(e.message));
  });

  it('a tag of a message id the export does not have is an InputError naming it', async () => {
    const s = await small('chat.txt', CHAT, [tag('m000002'), tag('m000099')]);
    await failsCleanly(s, (e) => e instanceof InputError && /m000099/.test(e.message));
  });

  it('a redaction of a message id the export does not have is an InputError naming it', async () => {
    const s = await small('chat.txt', CHAT, [], [redaction('m000004', 0, 3)]);
    await failsCleanly(s, (e) => e instanceof InputError && /m000004/.test(e.message));
  });

  it('an output folder that cannot be made (a path under a regular file) fails and leaves nothing', async () => {
    // Running as root, a read-only folder would still be writable: a file in the way is not.
    const s = await small('chat.txt', CHAT, [tag('m000002')]);
    fs.writeFileSync(path.join(s.dir, 'not-a-folder'), 'x');
    await failsCleanly(s, (e) => e instanceof InputError && /not-a-folder/.test(e.message), path.join(s.dir, 'not-a-folder', 'out'));
  });

  it('a redaction past its message\'s text is refused and leaves no file, temporary or not', async () => {
    const s = await small('chat.txt', CHAT, [tag('m000001')], [redaction('m000003', 40, 50)]);
    const before = listTree(s.dir);
    await assert.rejects(clean(s), (e: unknown) => e instanceof InputError && /cannot place the redaction 40–50 of m000003|the redaction 40–50 of m000003 runs past its text/.test(e.message));
    assert.deepEqual(listTree(s.dir), before);
  });

  describe('through the CLI', function () {
    this.timeout(60_000);
    before(() => buildCli());

    it('clean with a policy file that has problems: exit 2, one line naming file:line:column, nothing written', async () => {
      const s = await small('chat.txt', CHAT, [tag('m000002')]);
      const sidecar = writeSidecar(s);
      const policy = path.join(s.dir, 'policy.json');
      fs.writeFileSync(policy, '{\n  "markers": { "AVG": "" },\n  "perod": {}\n}\n');
      const before = listTree(s.dir);
      const r = runCli(['clean', s.exportPath, '--tags', sidecar, '--policy', policy]);
      assert.equal(r.code, 2);
      assert.match(oneLine(r), /policy .*policy\.json:2:\d+: markers\.AVG: a marker cannot be empty \(and 1 more\)/);
      assert.deepEqual(listTree(s.dir), before);
    });

    it('clean follows the policy: its markers in the cleaned text, its fingerprint and earlier ones in the report', async () => {
      const s = await small('chat.txt', CHAT, [], [redaction('m000002', 12, 21)]);
      s.state.policy = { sha256: 'b'.repeat(64) };
      const sidecar = writeSidecar(s);
      const out = path.join(s.dir, 'out');
      fs.mkdirSync(out);
      // The policy of the current folder, found without --policy.
      fs.mkdirSync(path.join(s.dir, '.chatreview'));
      fs.writeFileSync(path.join(s.dir, '.chatreview', 'policy.json'), JSON.stringify({ name: 'Crisisarchief', version: '2026-2', markers: { AVG: '[weggelakt]' } }));
      const r = runCli(['clean', s.exportPath, '--tags', sidecar, '--out', out], s.dir);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      const [cleaned, , reportFile] = r.stdout.trim().split('\n');
      assert.match(fs.readFileSync(cleaned, 'utf8'), /mijn BSN [^\n]*\[weggelakt\]/);
      const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
      assert.equal(report.policy.name, 'Crisisarchief');
      assert.equal(report.policy.version, '2026-2');
      assert.equal(report.policy.source, '.chatreview/policy.json');
      assert.match(report.policy.sha256, /^[0-9a-f]{64}$/);
      assert.deepEqual(report.policy.previous, ['b'.repeat(64)]);
    });

    it('clean without --tags: exit 2, one line on stderr', async () => {
      const s = await small('chat.txt', CHAT);
      const before = listTree(s.dir);
      const r = runCli(['clean', s.exportPath]);
      assert.equal(r.code, 2);
      assert.match(oneLine(r), /--tags/);
      assert.deepEqual(listTree(s.dir), before);
    });

    it('clean with a sidecar of another version: exit 2, one line, nothing written', async () => {
      const s = await small('chat.txt', CHAT, [tag('m000002')]);
      const sidecar = writeSidecar(s);
      fs.appendFileSync(s.exportPath, '12-03-2020 14:08 - Bob: nog iets\n');
      const before = listTree(s.dir);
      const r = runCli(['clean', s.exportPath, '--tags', sidecar]);
      assert.equal(r.code, 2);
      assert.match(oneLine(r), /another version/);
      assert.deepEqual(listTree(s.dir), before);
    });

    it('clean --out under a regular file: exit 2, one line naming the folder, nothing left behind', async () => {
      const s = await small('chat.txt', CHAT, [tag('m000002')]);
      const sidecar = writeSidecar(s);
      fs.writeFileSync(path.join(s.dir, 'not-a-folder'), 'x');
      const before = listTree(s.dir);
      const r = runCli(['clean', s.exportPath, '--tags', sidecar, '--out', path.join(s.dir, 'not-a-folder', 'out')]);
      assert.equal(r.code, 2);
      assert.match(oneLine(r), /not-a-folder/);
      assert.deepEqual(listTree(s.dir), before);
    });

    /**
     * BUG (fixed in the working tree while these tests were written, kept as a guard): the
     * failure above printed "chatreview: internal error: ENOTDIR: not a directory, mkdir
     * '…/not-a-folder/out' (set CHATREVIEW_DEBUG=1 for details)". An output folder that cannot
     * be made is the user's input, not a bug in the program.
     */
    it('clean --out under a regular file is reported as bad input, not as an internal error', async () => {
      const s = await small('chat.txt', CHAT, [tag('m000002')]);
      const sidecar = writeSidecar(s);
      fs.writeFileSync(path.join(s.dir, 'not-a-folder'), 'x');
      const r = runCli(['clean', s.exportPath, '--tags', sidecar, '--out', path.join(s.dir, 'not-a-folder', 'out')]);
      assert.doesNotMatch(oneLine(r), /internal error/);
    });

    /**
     * A zip whose media entry is damaged (its inflated size is not the declared one) reads fine
     * while parsing (media are not read) and fails only while the cleaned zip is being written.
     */
    async function damagedZip(): Promise<{ s: Small; sidecar: string }> {
      const zip = lieAboutSize(await makeZip([
        { name: '_chat.txt', data: '[12-03-2020 14:05:00] Ann: hoi\r\n[12-03-2020 14:06:00] Bob: weg\r\n' },
        { name: 'extra.bin', data: Buffer.alloc(100, 7), compress: true },
      ]), 'extra.bin', 50);
      const s = await small('WhatsApp Chat - X.zip', zip, [tag('m000002')]);
      const sidecar = path.join(s.dir, 'x.chatreview.json');
      fs.writeFileSync(sidecar, JSON.stringify(s.state));
      return { s, sidecar };
    }

    /**
     * BUG: the read error of the damaged entry is emitted on the `Readable.from(...)` handed to
     * yazl's addReadStream, which nobody listens to: an unhandled 'error' event. The CLI dies
     * with a stack trace and exit 1 ("node:events … throw er; // Unhandled 'error' event …
     * InputError: … entry "extra.bin": an entry does not match its declared size"), and leaves
     * '.…cleaned.zip.<uuid>.tmp', '.…cleaned.zip.<uuid>.tmp.chat' and '.…removal.diff.<uuid>.tmp'
     * behind. In the extension host the same error would be an uncaught exception. Fix: listen
     * for the read stream's error and reject (then the temp files are discarded as usual).
     */
    it('a zip entry found damaged while copying: exit 2, one line, no file left (temporary or not)', async () => {
      const { s, sidecar } = await damagedZip();
      const before = listTree(s.dir);
      const r = runCli(['clean', s.exportPath, '--tags', sidecar]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(oneLine(r), /extra\.bin/);
      assert.deepEqual(listTree(s.dir), before);
    });

    /**
     * BUG (fixed: the folders it made go again): a clean that fails once writing began leaves the output folder it made
     * ('out/', 'out/sub/' here), empty. Expected: nothing left behind.
     */
    it('a failed clean leaves no folders it created', async () => {
      const { s, sidecar } = await damagedZip();
      const before = listTree(s.dir);
      const r = runCli(['clean', s.exportPath, '--tags', sidecar, '--out', path.join(s.dir, 'out', 'sub')]);
      assert.equal(r.code, 2, r.stderr);
      assert.deepEqual(listTree(s.dir), before);
    });

    it('clean with a good sidecar: exit 0, the three paths on stdout, the files in --out', async () => {
      const s = await small('chat.txt', CHAT, [tag('m000002', 'AVG', { rule: 'bsn' })]);
      const sidecar = writeSidecar(s);
      const out = path.join(s.dir, 'schoon');
      const r = runCli(['clean', s.exportPath, '--tags', sidecar, '--out', out, '--reviewer', 'jdv']);
      assert.equal(r.code, 0, r.stderr);
      const paths = ['chat.cleaned.txt', 'chat.removal.diff', 'chat.removal.json'].map((f) => path.join(out, f));
      assert.equal(r.stdout, paths.join('\n') + '\n');
      assert.deepEqual(fs.readdirSync(out).sort(), ['chat.cleaned.txt', 'chat.removal.diff', 'chat.removal.json']);
      assert.equal(fs.readFileSync(paths[0], 'utf8'), '12-03-2020 14:05 - Ann: hoi\n12-03-2020 14:07 - Ann: dank je\n');
      const report = JSON.parse(fs.readFileSync(paths[2], 'utf8'));
      assert.equal(report.reviewer, 'jdv');
      assert.deepEqual(report.removed.map((d: { id: string; wooGround: string }) => [d.id, d.wooGround]), [['m000002', '5.1.1e']]);
    });
  });
});
