import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { Message, ParsedExport } from '../../src/model';
import { LspClient } from './lspClient';

const URI = 'chatreview:/samples/screenshots';

function message(n: number, text: string, confidence: number, gapBefore = false): Message {
  return {
    id: 'm' + String(n).padStart(6, '0'), timestamp: '2020-03-12T14:05:00', precision: n === 1 ? 'minute' : 'day',
    sender: n % 2 ? 'Anna Visser' : 'Ik (eigenaar telefoon)', direction: n % 2 ? 'incoming' : 'outgoing', kind: 'message', text,
    attachments: [], replyTo: null, source: { line: n, lines: 1 },
    meta: { image: { file: `IMG_${4800 + n}.PNG`, box: { x: 40, y: 300 + 100 * n, width: 700, height: 90 }, confidence, words: [] }, ...(gapBefore ? { gapBefore } : {}) },
  };
}

describe('language server: messages read from screenshots', function () {
  this.timeout(30_000);
  let client: LspClient;
  const parsed: ParsedExport = {
    format: 'screenshots',
    conversation: { title: 'Anna Visser', participants: [{ name: 'Anna Visser' }, { name: 'Ik (eigenaar telefoon)' }] },
    messages: [message(1, 'Kun je de notitie sturen?', 0.95), message(2, 'Doe ik, 5 min', 0.62), message(3, 'Dank je!', 0.93, true)],
  };

  before(async () => {
    execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build.mjs')], { stdio: 'ignore' });
    client = await LspClient.start();
  });
  after(() => client?.stop());

  it('a doubtful reading and a gap between screenshots are notices on their messages', async () => {
    const diagnostics = await client.open(URI, parsed);
    const notices = diagnostics.filter((d) => String(d.code).startsWith('ocr')).map((d) => [d.code, client.text(URI).split('\n')[d.range.start.line].match(/m\d{6}/)?.[0]]);
    assert.deepEqual(notices, [['ocr', 'm000002'], ['ocr-gap', 'm000003']]);
    assert.match(String(diagnostics.find((d) => d.code === 'ocr')!.message), /confidence 62% from IMG_4802\.PNG/);
  });

  it('dates the screenshots did not show are noted once and not judged against the period', async () => {
    const undated = (m: Message): Message => ({ ...m, timestamp: '1970-01-01T00:00:00', precision: 'day', meta: { ...m.meta!, dateUnknown: true } });
    const uri = 'chatreview:/samples/screenshots-undated';
    const diagnostics = await client.open(uri, { ...parsed, messages: parsed.messages.map(undated) });
    const lineOf = (d: { range: { start: { line: number } } }) => client.text(uri).split('\n')[d.range.start.line].match(/m\d{6}/)?.[0];
    assert.deepEqual(diagnostics.filter((d) => d.code === 'ocr-date').map(lineOf), ['m000001']);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'period').map(lineOf), []);
    // The same messages with a date before the period are flagged: the rule is on.
    const dated = await client.open('chatreview:/samples/screenshots-1970', { ...parsed, messages: parsed.messages.map((m) => ({ ...undated(m), meta: { ...m.meta! } })) });
    assert.equal(dated.filter((d) => d.code === 'period').length, 3);
  });

  it('the hover shows where the text was read, with the bubble cropped from the screenshot', async () => {
    const line = client.text(URI).split('\n').findIndex((l) => l.includes(' m000002 '));
    const hover = await client.hover(URI, line);
    const text = typeof hover?.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /Read by OCR from IMG\\_4802\.PNG \(confidence 62%\)/);
    assert.match(text, /!\[bubble\]\(data:image\//);
    // Its time is not shown on the screenshots: the hover gives the day only, no made-up time.
    assert.match(text, /· 2020-03-12 \(day precision\) ·/);
    assert.match(text, /Transcript: line 2/);
  });
});
