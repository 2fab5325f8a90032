import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { storedExport, type FileStore } from '../../../src/client/exportLocation';
import { ExportReview, sidecarPath } from '../../../src/client/exportReview';
import type { Stamp } from '../../../src/model';

const stamp: Stamp = { by: 'guest', at: '2026-11-22T10:00:00.000Z', ruleFor: () => undefined, flagRules: () => [] };
const samples = path.join(__dirname, '..', '..', '..', 'media', 'samples');

/**
 * A file store over the real disk, with paths as URIs: what `vscode.workspace.fs` gives a Live
 * Share guest for the host's files. Every call is logged so the tests see how files are reached.
 */
function diskStore(log: string[] = []): FileStore<string> {
  return {
    readFile: async (p) => (log.push(`read ${path.basename(p)}`), fs.promises.readFile(p)),
    writeFile: async (p, bytes) => (log.push(`write ${path.basename(p)}`), fs.promises.writeFile(p, bytes)),
    rename: async (from, to) => (log.push(`rename ${path.basename(from)} → ${path.basename(to)}`), fs.promises.rename(from, to)),
    delete: (p) => fs.promises.rm(p),
    readDirectory: async (p) => (await fs.promises.readdir(p)).map((n) => [n, 1] as [string, number]),
    stat: (p) => fs.promises.stat(p),
    isMissing: (e) => (e as NodeJS.ErrnoException).code === 'ENOENT',
  };
}

function guestLoad(file: string, store = diskStore()): Promise<ExportReview> {
  const location = storedExport(store, file, { id: `vsls:${file}`, fileName: path.basename(file), sibling: (n) => path.join(path.dirname(file), n) });
  return ExportReview.load(location, 10_000);
}

describe('Exports read through a file store (Live Share guests)', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatreview-stored-'));
    file = path.join(dir, 'chat.txt');
    fs.copyFileSync(path.join(__dirname, '..', '..', 'fixtures', 'whatsapp', 'android-nl.txt'), file);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the same conversation and hash as the host reading the disk', async () => {
    const [host, guest] = await Promise.all([ExportReview.load(file, 10_000), guestLoad(file)]);
    assert.equal(guest.sha256, host.sha256);
    assert.deepEqual(guest.parsed, host.parsed);
    assert.equal(guest.render(undefined), host.render(undefined));
    assert.equal(guest.location.localPath, undefined, 'cleaning is left to the host');
    assert.equal(guest.exportId, `vsls:${file}`);
  });

  it('writes the sidecar through the store to a temporary name renamed over it, and the host sees the tags', async () => {
    const log: string[] = [];
    const guest = await guestLoad(file, diskStore(log));
    const host = await ExportReview.load(file, 10_000);
    await guest.save(undefined, guest.render(undefined).replace('      m000001 ', 'privé m000001 '), stamp);
    assert.ok(log.some((l) => /^write \.chat\.txt\.chatreview\.json\..+\.tmp$/.test(l)), log.join('\n'));
    assert.ok(log.some((l) => /^rename \.chat\.txt\.chatreview\.json\..+\.tmp → chat\.txt\.chatreview\.json$/.test(l)), log.join('\n'));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['chat.txt', 'chat.txt.chatreview.json'], 'no temp file is left');

    assert.ok(!host.render(undefined).includes('privé m000001'));
    assert.equal(await host.reload(), true, 'the host takes over the guest\'s change');
    assert.ok(host.render(undefined).includes('privé m000001 '));
    assert.equal(await host.reload(), false, 'nothing new the second time');
  });

  it('refuses to overwrite a partner\'s change it has not taken over, and saves once it has', async () => {
    const [host, guest] = await Promise.all([ExportReview.load(file, 10_000), guestLoad(file)]);
    await guest.save(undefined, guest.render(undefined).replace('      m000001 ', 'privé m000001 '), stamp);
    const hostEdit = (r: ExportReview) => r.render(undefined).replace('      m000002 ', 'AVG   m000002 ');
    await assert.rejects(host.save(undefined, hostEdit(host), stamp), /changed outside this window/);
    await host.reload();
    await host.save(undefined, hostEdit(host), stamp);
    const tags = JSON.parse(fs.readFileSync(sidecarPath(file), 'utf8')).tags.map((t: { id: string; tag: string }) => `${t.id} ${t.tag}`);
    assert.deepEqual(tags.sort(), ['m000001 privé', 'm000002 AVG']);
    assert.equal(await guest.reload(), true);
    assert.ok(guest.render(undefined).includes('AVG   m000002 '));
  });

  it('reads a zip export from its bytes, attachment previews included', async () => {
    const zip = path.join(samples, 'WhatsApp Chat - Crisisteam Vaccinatie.zip');
    const [host, guest] = await Promise.all([ExportReview.load(zip, 10_000), guestLoad(zip)]);
    assert.deepEqual(guest.parsed.messages, host.parsed.messages);
    assert.match((await guest.attachmentPreview('00000001-PHOTO-2020-03-12-10-15-00.jpg'))!, /^data:image\/jpeg;base64,\/9j\//);
  });

  it('previews media beside an unzipped export, never outside its folder', async () => {
    fs.writeFileSync(path.join(dir, 'IMG-1.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const guest = await guestLoad(file);
    assert.equal(await guest.attachmentPreview('IMG-1.png'), 'data:image/png;base64,iVBORw==');
    assert.equal(await guest.attachmentPreview('../IMG-1.png'), null);
  });

  it('names a missing export and an unreadable sidecar in one line', async () => {
    await assert.rejects(guestLoad(path.join(dir, 'gone.txt')), { name: 'InputError', message: 'gone.txt: no such file' });
    fs.mkdirSync(sidecarPath(file));
    await assert.rejects(guestLoad(file), /^InputError: cannot read chat\.txt\.chatreview\.json: /);
  });
});
