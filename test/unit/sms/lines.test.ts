import * as assert from 'node:assert/strict';
import type { Message } from '../../../src/model/conversation';
import { checkLinesExclusive, sms, surveyBackup } from '../../../src/parsers/sms';
import { inputError } from '../support/errors';
import { chunkedInput, fixtureText, linesOf, MULTI, openBackup, parseBackup, parseInput, SINGLE, sourceLines, TZ } from './helpers';

/** Every conversation of a backup, each read with --conversation. */
async function allMessages(text: string): Promise<Map<string, Message[]>> {
  const ids = (await sms.conversations!(await openBackup(text), {})).map((c) => c.id);
  const read = new Map<string, Message[]>();
  for (const id of ids) read.set(id, (await parseBackup(text, { conversation: id })).messages);
  return read;
}

/** What identifies a message apart from its position. */
const content = (m: Message) => ({ timestamp: m.timestamp, sender: m.sender, text: m.text, attachments: m.attachments });

describe('SMS Backup & Restore: source lines', () => {
  for (const name of [SINGLE, MULTI]) {
    it(`${name}: each message's lines hold exactly its element, and deleting them leaves the other messages`, async () => {
      const text = fixtureText(name);
      const lines = linesOf(text);
      for (const [id, messages] of await allMessages(text)) {
        for (const m of messages) {
          const own = sourceLines(text, m).join('\n').trim();
          assert.match(own, /^<(sms|mms)\b[\s\S]*(\/>|<\/mms>)$/, `${id} ${m.id}`);
          assert.equal(own.match(/<(sms|mms)\b/g)!.length, 1, `${id} ${m.id}: one element`);
          if (m.text && m.kind === 'message' && !m.text.includes('\n') && !/[&<'"👍]/.test(m.text)) assert.ok(own.includes(m.text), `${id} ${m.id}: its text`);

          const rest = [...lines.slice(0, m.source.line - 1), ...lines.slice(m.source.line - 1 + m.source.lines)].join('\n');
          const others = messages.filter((o) => o !== m);
          const reread = others.length === 0 ? [] : (await parseBackup(rest, { conversation: id })).messages;
          assert.deepEqual(reread.map(content), others.map(content), `${id} without ${m.id}`);
          assert.deepEqual(reread.map((o) => o.source.lines), others.map((o) => o.source.lines));
        }
      }
      await checkLinesExclusive(await openBackup(text, name));
      assert.deepEqual(await surveyBackup(await openBackup(text, name)).then((s) => [s.linesAreExclusive, s.sharedLine]), [true, undefined]);
    });
  }

  it('CRLF, CR and a BOM give the same messages and lines', async () => {
    const text = fixtureText(SINGLE);
    const base = await parseBackup(text);
    for (const variant of [text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), '\uFEFF' + text]) {
      assert.deepEqual(await parseBackup(variant), base, JSON.stringify(variant.slice(0, 60)));
    }
  });

  it('the same messages whatever the chunk boundaries (UTF-8 characters, CRLF, entities and part data cut in two)', async () => {
    for (const name of [SINGLE, MULTI]) {
      const bytes = Buffer.from(fixtureText(name).replace(/\n/g, '\r\n'), 'utf8');
      const conversation = name === MULTI ? '+31600000001~+31600000002~+31600000003' : undefined;
      const base = await parseInput(chunkedInput(bytes, bytes.length), { conversation });
      for (const size of [1, 2, 3, 5, 7, 64, 1000]) {
        assert.deepEqual(await parseInput(chunkedInput(bytes, size), { conversation }), base, `${name} in chunks of ${size}`);
      }
    }
  });

  it('a tag whose name ends the line, and attributes over several lines, start on the line of `<`', async () => {
    const text = '<smses>\n  <sms\n    address="+31600000001" date="1705168142000"\n    type="1" body="a" />\n  <sms address="+31600000001"\n date="1705168143000" type="2" body="b"\n  />\n</smses>\n';
    const r = await parseBackup(text, { timeZone: TZ });
    assert.deepEqual(r.messages.map((m) => [m.text, m.source.line, m.source.lines]), [['a', 2, 3], ['b', 5, 3]]);
  });

  describe('elements sharing a line', () => {
    const minified = fixtureText(SINGLE).replace(/>\s*\n\s*</g, '><');

    it('a file on one line still parses, with every message on line 1', async () => {
      assert.equal(linesOf(minified.trimEnd()).length, 1);
      const [flat, base] = [await parseBackup(minified), await parseBackup(fixtureText(SINGLE))];
      assert.deepEqual(flat.messages.map((m) => m.source), flat.messages.map(() => ({ line: 1, lines: 1 })));
      assert.deepEqual(flat.messages.map(content), base.messages.map(content));
    });

    it('the survey says so and checkLinesExclusive refuses it, naming the line', async () => {
      assert.deepEqual(await surveyBackup(await openBackup(minified)).then((s) => [s.linesAreExclusive, s.sharedLine]), [false, 1]);
      assert.match(await inputError(checkLinesExclusive(await openBackup(minified, 'flat.xml'))),
        /^flat\.xml: line 1 holds a message together with other XML, so its messages cannot be removed line by line; write each <sms> and <mms> on lines of its own/);
    });

    it('any sharing counts: two elements, a root tag, a comment or text on a message line', async () => {
      const tag = (n: number) => `<sms address="+31600000001" date="170516814${n}000" type="1" body="${n}" />`;
      const cases: [string, number][] = [
        [`<smses>\n  ${tag(1)}\n  ${tag(2)} ${tag(3)}\n</smses>\n`, 3],
        [`<smses>${tag(1)}\n  ${tag(2)}\n</smses>\n`, 1],
        [`<smses>\n  ${tag(1)}\n  ${tag(2)}</smses>\n`, 3],
        [`<smses>\n  ${tag(1)} <!-- note -->\n</smses>\n`, 2],
        [`<smses>\n  <!-- note --> ${tag(1)}\n</smses>\n`, 2],
        [`<smses>\n  ${tag(1)} stray\n</smses>\n`, 2],
        [`<smses>\n  <mms date="1705168141000" msg_box="1" address="+31600000001">\n  </mms> ${tag(2)}\n</smses>\n`, 3],
      ];
      for (const [text, line] of cases) {
        assert.deepEqual(await surveyBackup(await openBackup(text)).then((s) => s.sharedLine), line, text);
      }
      const apart = `<smses>\n  ${tag(1)}\n  <!-- note -->\n\n  ${tag(2)}\n</smses>\n`;
      assert.equal((await surveyBackup(await openBackup(apart))).linesAreExclusive, true);
    });
  });
});
