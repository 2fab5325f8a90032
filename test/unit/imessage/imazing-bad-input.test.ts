import * as assert from 'node:assert/strict';
import { readExport } from '../../../src/parsers';
import { inputError } from '../support/errors';
import { encode, parseText, writeFiles } from '../support/fixtures';
import { makeZip } from '../support/zips';
import { fixtureText } from './support';

const newest = fixtureText('imazing-newest.csv');
const [header, ...records] = newest.split('\n');

/** The fixture with line `n` (1-based) replaced. */
function withLine(n: number, line: string): string {
  const lines = newest.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

const bad = (text: string, options = {}) => inputError(parseText(text, { as: 'bad.csv' }, { format: 'imazing', ...options }));

describe('iMazing CSV: bad input', () => {
  it('a header without required columns names each missing one', async () => {
    const noDateNoText = header.replace('Message Date,', 'Datum,').replace(',Text,', ',Tekst,');
    assert.equal(await bad([noDateNoText, ...records].join('\n')),
      'bad.csv is not an iMazing CSV export: its header lacks the columns "Message Date", "Text"');
    // Auto-detection still takes it for iMazing (its other columns are), so the user hears what is missing.
    assert.match(await inputError(parseText([noDateNoText, ...records].join('\n'), { as: 'bad.csv' })), /lacks the columns "Message Date", "Text"$/);
  });

  it('a record with too few or too many fields names its line', async () => {
    assert.equal(await bad(withLine(7, 'Crisisteam Hoogwater,2024-01-13 18:43:10,,,,SMS,Incoming')),
      'bad.csv: the record at line 7 has 7 fields where the header has 15');
    assert.equal(await bad(withLine(12, withLine(12, '').split('\n')[11] + 'Crisisteam Hoogwater,2024-01-13 18:46:00,,,,iMessage,Incoming,,,,,,a,b,c,d')),
      'bad.csv: the record at line 12 has 16 fields where the header has 15');
  });

  it('a file cut inside a quoted text (an unterminated quote) names the line the record starts on', async () => {
    const cut = newest.slice(0, newest.indexOf('Neem de ""draaiboeken""'));
    assert.equal(await bad(cut), 'bad.csv: the quoted field of the record at line 4 is never closed; the file looks truncated');
  });

  it('a stray quote names its record', async () => {
    assert.match(await bad(withLine(7, 'Crisisteam Hoogwater,2024-01-13 18:43:10,,,,SMS,Incoming,+31600000002,Bram "BJ" Jansen,Read,,,"Sta" in de file,,')),
      /^bad\.csv: the record at line 7 has a stray quote/);
  });

  it('a date iMazing does not write, or that does not exist, names line and value', async () => {
    const at = (date: string) => withLine(7, `Crisisteam Hoogwater,${date},,,,SMS,Incoming,+31600000002,Bram Jansen,Read,,,Sta in de file,,`);
    for (const date of ['13-01-2024 18:43', '2024-01-13T18:43:10.000Z', '2024-02-30 18:43:10', '2024-01-13 24:00:00', '']) {
      assert.equal(await bad(at(date)),
        `bad.csv: the record at line 7 has Message Date ${JSON.stringify(date)}, not a date as iMazing writes it (YYYY-MM-DD HH:MM:SS)`, date);
    }
  });

  it('a header and no records; an empty file; a binary file', async () => {
    assert.equal(await bad(header + '\n'), 'bad.csv holds no messages, only its header');
    const empty = writeFiles({ 'leeg.csv': '' });
    assert.equal(await inputError(readExport(empty)), 'leeg.csv is empty');
    const binary = writeFiles({ 'foto.csv': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0, 0, 0, 3, 0]) });
    assert.match(await inputError(readExport(binary, { format: 'imazing' })), /^foto\.csv is a binary file/);
  });

  it('invalid UTF-8 in the middle of the file', async () => {
    const bytes = Buffer.concat([encode(newest.slice(0, 400)), Buffer.from([0xff, 0xfe, 0x41]), encode(newest.slice(400))]);
    assert.match(await inputError(readExport(writeFiles({ 'x.csv': bytes }), { format: 'imazing' })), /^x\.csv is not valid UTF-8 text/);
  });

  it('a zip with no iMazing CSV, or with two', async () => {
    const none = writeFiles({ 'a.zip': await makeZip([{ name: 'notes.csv', data: 'a,b\n1,2\n' }]) });
    assert.equal(await inputError(readExport(none, { format: 'imazing' })), 'a.zip holds no iMazing CSV export');
    const two = writeFiles({ 'b.zip': await makeZip([{ name: 'x/Messages - A.csv', data: newest }, { name: 'y/Messages - B.csv', data: newest }]) });
    assert.equal(await inputError(readExport(two)), 'b.zip holds several iMazing CSV files ("x/Messages - A.csv", "y/Messages - B.csv"); unzip it and open one of them');
  });
});
