import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Message } from '../../../src/model/conversation';
import { readRsmfMail } from '../../../src/parsers/rsmf/mail';
import { openZip } from '../../../src/parsers/zip';
import { content } from '../support/messages';
import { FIXTURES, fixtureText, manifestFolder, parse } from './support';

/** The manifest inside the .rsmf fixture, as the importer counts its lines. */
async function manifestOfMail(): Promise<string> {
  async function* chunks() {
    yield Buffer.from(fixtureText('crisisteam.rsmf'));
  }
  const zip = await openZip((await readRsmfMail(chunks(), 'crisisteam.rsmf')).zip, 'rsmf.zip');
  const parts: Uint8Array[] = [];
  for await (const chunk of zip.openEntry('rsmf_manifest.json')) parts.push(chunk);
  zip.close();
  return Buffer.concat(parts).toString('utf8');
}

/**
 * What the cleaner does to a manifest: deletes the removed events' lines, then (separator `,`)
 * drops the comma of a kept event that the list now ends after.
 */
function removeLines(text: string, removed: Message[]): string {
  const gone = new Set(removed.flatMap((m) => Array.from({ length: m.source.lines }, (_, i) => m.source.line + i)));
  const kept = text.split('\n').filter((_, i) => !gone.has(i + 1));
  for (let i = 0; i < kept.length - 1; i++) {
    if (kept[i].endsWith(',') && /^\s*\]/.test(kept[i + 1])) kept[i] = kept[i].slice(0, -1);
  }
  return kept.join('\n');
}

const CASES: { name: string; text: () => Promise<string> | string; conversation?: string }[] = [
  { name: 'crisisteam', text: () => fixtureText('crisisteam/rsmf_manifest.json') },
  { name: 'crisisteam.rsmf (its manifest)', text: manifestOfMail },
  { name: 'multi, team', text: () => fixtureText('multi/rsmf_manifest.json'), conversation: 'team' },
  { name: 'multi, sms-bram', text: () => fixtureText('multi/rsmf_manifest.json'), conversation: 'sms-bram' },
];

describe('RSMF source lines', () => {
  for (const { name, text: read, conversation } of CASES) {
    it(`${name}: each message's lines hold exactly its event, and no two messages share a line`, async () => {
      const text = await read();
      const lines = text.split('\n');
      const r = await parse(manifestFolder(text), { conversation });
      let previousEnd = 0;
      for (const m of r.messages) {
        assert.ok(m.source.line > previousEnd, `${m.id} starts after the previous message`);
        previousEnd = m.source.line + m.source.lines - 1;
        const own = lines.slice(m.source.line - 1, previousEnd).join('\n').replace(/,$/, '');
        const event = JSON.parse(own) as { body?: string; attachments?: { id: string }[] };
        assert.equal(event.body ?? '', m.text, m.id);
        assert.deepEqual((event.attachments ?? []).map((a) => a.id), m.attachments.map((a) => a.name), m.id);
      }
    });

    it(`${name}: deleting a message's lines (first, middle, last, all but one) leaves exactly the others`, async () => {
      const text = await read();
      const all = (await parse(manifestFolder(text), { conversation })).messages;
      const choices = [[0], [Math.floor(all.length / 2)], [all.length - 1], all.slice(1).map((_, i) => i + 1), all.map((_, i) => i).filter((i) => i % 2)];
      for (const chosen of choices) {
        const removed = chosen.map((i) => all[i]);
        const cleaned = await parse(manifestFolder(removeLines(text, removed)), { conversation });
        assert.deepEqual(cleaned.messages.map(content), all.filter((m) => !removed.includes(m)).map(content), `without ${removed.map((m) => m.id).join(', ')}`);
      }
    });
  }

  it('a removed parent leaves its reply a reply to nothing', async () => {
    const file = path.join(FIXTURES, 'crisisteam', 'rsmf_manifest.json');
    const all = (await parse(file)).messages;
    const cleaned = await parse(manifestFolder(removeLines(fixtureText('crisisteam/rsmf_manifest.json'), [all[1]])));
    assert.equal(all[4].replyTo, 'm000002');
    assert.equal(cleaned.messages[3].text, all[4].text);
    assert.equal(cleaned.messages[3].replyTo, null);
  });
});
