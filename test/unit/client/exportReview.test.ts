import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConversationFlags } from '../../../src/client/conversationFlags';
import { ExportReview, sidecarPath } from '../../../src/client/exportReview';
import { DEFAULT_POLICY, readPolicyText, type Stamp } from '../../../src/model';
import { InputError } from '../../../src/model/errors';

const stamp: Stamp = { by: 'tester', at: '2026-11-22T10:00:00.000Z', ruleFor: () => undefined, flagRules: () => [] };

/** 30 messages over three months, one with a BSN in each month. */
function writeExport(dir: string): string {
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) {
    const month = 1 + Math.floor(i / 10);
    const text = i % 10 === 3 ? 'BSN van de nieuwe collega is 111222333.' : `Overleg nummer ${i} over de levering.`;
    lines.push(`${String(1 + (i % 10)).padStart(2, '0')}-${String(month).padStart(2, '0')}-2020 09:${String(i).padStart(2, '0')} - Piet Jansen: ${text}`);
  }
  const file = path.join(dir, 'WhatsApp-chat met Team.txt');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('ExportReview (pages, saving, restoring)', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatreview-review-'));
    file = writeExport(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('splits a long conversation into monthly pages, each its own document', async () => {
    const review = await ExportReview.load(file, 12);
    assert.deepEqual(review.pageLabels, ['2020-01', '2020-02', '2020-03']);
    const page = review.render('2020-02');
    assert.match(page, /^# page 2 of 3 · 2020-02$/m);
    assert.equal(page.split('\n').filter((l) => /^ {6}m0000/.test(l)).length, 10);
    assert.ok(page.includes('m000011') && !page.includes('m000010 ') && !page.includes('m000021'));
    // Rules look three messages either way: the page brings that much of its neighbours.
    assert.deepEqual(review.pageData('2020-02').before.map((m) => m.id), ['m000008', 'm000009', 'm000010']);
    assert.deepEqual(review.pageData('2020-02').after.map((m) => m.id), ['m000021', 'm000022', 'm000023']);
    assert.deepEqual(review.pageData('2020-01').before, []);
    assert.throws(() => review.page('2021-01'), InputError);
  });

  it('saves the tags of one page atomically into the sidecar; reloading restores them', async () => {
    const review = await ExportReview.load(file, 12);
    const text = review.render('2020-02').replace('      m000014 ', 'AVG   m000014 ').replace('      m000015 ', 'privé m000015 ');
    await review.save('2020-02', text, stamp);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['WhatsApp-chat met Team.txt', 'WhatsApp-chat met Team.txt.chatreview.json'], 'no temp file is left');
    const sidecar = JSON.parse(fs.readFileSync(sidecarPath(file), 'utf8'));
    assert.deepEqual(sidecar.tags.map((t: { id: string; tag: string }) => [t.id, t.tag]), [['m000014', 'AVG'], ['m000015', 'privé']]);
    const reloaded = await ExportReview.load(file, 12);
    assert.equal(reloaded.render('2020-02'), text);
    assert.ok(!reloaded.render('2020-01').includes('AVG   '), 'other pages are untouched');
  });

  it('names the policy in its header, records it when saving, and shows a change of policy since', async () => {
    const review = await ExportReview.load(file, 12);
    const first = readPolicyText('{ "name": "A" }', '.chatreview/policy.json');
    review.policy = first;
    const page = review.render('2020-02');
    assert.ok(page.split('\n').includes(`# policy sha256 ${first.sha256} · .chatreview/policy.json`), page.slice(0, 600));
    await review.save('2020-02', page.replace('      m000014 ', 'AVG   m000014 '), stamp);
    assert.deepEqual(review.reviewState.policy, { sha256: first.sha256 });

    const second = readPolicyText('{ "name": "B" }', '.chatreview/policy.json');
    review.policy = second;
    assert.match(review.render('2020-02'), new RegExp(`# policy sha256 ${second.sha256} · \\.chatreview/policy\\.json · changed since the last save \\(was ${first.sha256.slice(0, 12)}…\\)`));
    await review.save('2020-02', review.render('2020-02'), stamp);
    assert.deepEqual(review.reviewState.policy, { sha256: second.sha256, previous: [first.sha256] });
    assert.ok(!review.render('2020-02').includes('changed since'));
    assert.equal(review.pageData('2020-02').policy.name, 'B');

    const broken = readPolicyText('{ "nam": "C" }', '.chatreview/policy.json');
    review.policy = broken;
    assert.match(review.render('2020-02'), /· built-in \(\.chatreview\/policy\.json has 1 problem\) · changed since/);
  });

  it('refuses a document whose message text changed or whose lines are missing, and writes nothing', async () => {
    const review = await ExportReview.load(file, 12);
    const page = review.render('2020-01');
    const line = page.split('\n').findIndex((l) => l.includes('Overleg nummer 2 ')) + 1;
    await assert.rejects(review.save('2020-01', page.replace('Overleg nummer 2 ', 'Overleg nummer 9 '), stamp), new RegExp(`line ${line}: message text changed at column 60`));
    await assert.rejects(review.save('2020-01', page.split('\n').filter((l) => !l.includes('m000004')).join('\n'), stamp), /m000004 is missing/);
    assert.ok(!fs.existsSync(sidecarPath(file)));
  });

  it('refuses a sidecar made for another version of the export', async () => {
    const review = await ExportReview.load(file, 12);
    await review.save('2020-01', review.render('2020-01'), stamp);
    fs.appendFileSync(file, '01-04-2020 09:00 - Piet Jansen: nog een bericht\n');
    await assert.rejects(ExportReview.load(file, 12), /export changed under the review/);
  });

  it('counts open flags per page from the saved state, for pages that are not open', async () => {
    const review = await ExportReview.load(file, 12);
    const flags = new ConversationFlags(review);
    await flags.scan(DEFAULT_POLICY);
    assert.deepEqual([...flags.perPage].map(([label, c]) => [label, c.byCategory.AVG]), [['2020-01', 1], ['2020-02', 1], ['2020-03', 1]]);
    await review.save('2020-02', review.render('2020-02').replace('      m000014 ', 'AVG   m000014 '), stamp);
    await flags.scan(DEFAULT_POLICY);
    assert.equal(flags.perPage.get('2020-02')!.byCategory.AVG, 0);
    assert.equal(flags.total.byCategory.AVG, 2);
  });

  it('previews image attachments from the zip or the folder, and never reads outside it', async () => {
    const samples = path.join(__dirname, '..', '..', '..', 'media', 'samples');
    const zip = await ExportReview.load(path.join(samples, 'WhatsApp Chat - Crisisteam Vaccinatie.zip'), 10_000);
    assert.match((await zip.attachmentPreview('00000001-PHOTO-2020-03-12-10-15-00.jpg'))!, /^data:image\/jpeg;base64,\/9j\//);
    assert.equal(await zip.attachmentPreview('missing.jpg'), null);
    fs.writeFileSync(path.join(dir, 'IMG-1.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(path.dirname(dir), 'outside.png'), 'secret');
    const txt = await ExportReview.load(file, 12);
    assert.equal(await txt.attachmentPreview('IMG-1.png'), 'data:image/png;base64,iVBORw==');
    for (const name of ['../outside.png', `${path.dirname(dir)}/outside.png`, '..\\outside.png', 'notes.txt']) {
      assert.equal(await txt.attachmentPreview(name), null, name);
    }
    fs.rmSync(path.join(path.dirname(dir), 'outside.png'));
  });

  it('saves two pages at once without losing either, and never overwrites a sidecar changed elsewhere', async () => {
    const review = await ExportReview.load(file, 12);
    await Promise.all([
      review.save('2020-01', review.render('2020-01').replace('      m000002 ', 'AVG   m000002 '), stamp),
      review.save('2020-02', review.render('2020-02').replace('      m000012 ', 'privé m000012 '), stamp),
    ]);
    const tags = () => JSON.parse(fs.readFileSync(sidecarPath(file), 'utf8')).tags.map((t: { id: string }) => t.id);
    assert.deepEqual(tags(), ['m000002', 'm000012']);
    fs.writeFileSync(sidecarPath(file), fs.readFileSync(sidecarPath(file), 'utf8').replace('"privé"', '"scope"'));
    await assert.rejects(review.save('2020-03', review.render('2020-03'), stamp), /changed outside this window/);
    assert.match(fs.readFileSync(sidecarPath(file), 'utf8'), /"scope"/, 'the other change is kept');
  });

  it('refuses a sidecar whose redactions cannot be shown (overlapping, past the text, unknown message)', async () => {
    const review = await ExportReview.load(file, 12);
    await review.save('2020-01', review.render('2020-01'), stamp);
    const state = JSON.parse(fs.readFileSync(sidecarPath(file), 'utf8'));
    const write = (redactions: unknown[]) => fs.writeFileSync(sidecarPath(file), JSON.stringify({ ...state, redactions }));
    const r = (id: string, start: number, end: number) => ({ id, start, end, tag: 'AVG', by: 'x', at: stamp.at });
    write([r('m000001', 0, 5), r('m000001', 3, 8)]);
    await assert.rejects(ExportReview.load(file, 12), /two redactions of m000001 overlap/);
    write([r('m000001', 0, 500)]);
    await assert.rejects(ExportReview.load(file, 12), /runs past its text/);
    write([r('m999999', 0, 1)]);
    await assert.rejects(ExportReview.load(file, 12), /m999999, which the export does not have/);
  });
});

