import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getFormat, readExport } from '../../../src/parsers';
import { openExport } from '../../../src/parsers/input';
import { encode, unmark, writeFiles } from '../support/fixtures';
import { FIXTURES, fixtureText } from './support';

const OURS = { imazing: /^imazing-/, 'imessage-exporter': /^imessage-exporter/ };

async function sniff(format: string, file: string): Promise<number> {
  const input = await openExport(file);
  try {
    return await getFormat(format)!.sniff(input);
  } finally {
    input.close();
  }
}

/** Every fixture of the other formats (their marks turned into characters), as files on disk. */
function otherFixtures(): string[] {
  const root = path.dirname(FIXTURES);
  const files: string[] = [];
  for (const folder of fs.readdirSync(root)) {
    if (folder === 'imessage') continue;
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name !== 'README.md' && fs.statSync(full).size > 0) {
          const bytes = fs.readFileSync(full);
          files.push(writeFiles({ [entry.name]: bytes.includes(0) ? bytes : unmark(bytes.toString('utf8')) }));
        }
      }
    };
    walk(path.join(root, folder));
  }
  return files;
}

describe('iMessage detection', () => {
  for (const fixture of fs.readdirSync(FIXTURES).filter((f) => f !== 'README.md')) {
    const [mine, other] = OURS.imazing.test(fixture) ? ['imazing', 'imessage-exporter'] : ['imessage-exporter', 'imazing'];
    it(`${fixture} is ${mine}, sure of it, and nothing to ${other} or WhatsApp`, async () => {
      const file = writeFiles({ [fixture]: encode(fixtureText(fixture)) });
      assert.ok(await sniff(mine, file) >= 0.9);
      assert.equal(await sniff(other, file), 0);
      assert.equal(await sniff('whatsapp', file), 0);
      if (fixture !== 'imazing-sessions.csv') assert.equal((await readExport(file)).format, mine);
    });
  }

  it('the fixtures of every other format rate 0 for both iMessage formats', async () => {
    const files = otherFixtures();
    assert.ok(files.length >= 10, 'the WhatsApp fixtures at least');
    for (const file of files) {
      for (const format of Object.keys(OURS)) assert.equal(await sniff(format, file), 0, `${format} on ${path.basename(file)}`);
    }
  });

  it('a CSV of something else, and a text of dates without senders, are neither', async () => {
    const contacts = writeFiles({ 'Contacts.csv': 'First Name,Last Name,Mobile Phone\nAnnelies,de Vries,+31600000001\n' });
    const agenda = writeFiles({ 'agenda.txt': 'Agenda\nMay 17, 2022  5:29:42 PM\n' });
    for (const file of [contacts, agenda]) {
      for (const format of Object.keys(OURS)) assert.equal(await sniff(format, file), 0, `${format} on ${path.basename(file)}`);
    }
  });
});
