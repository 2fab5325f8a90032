import * as assert from 'node:assert/strict';
import { DEFAULT_POLICY, renderMessageLine, type Message } from '../../../src/model';
import { ReviewPage } from '../../../src/server/analysis';
import { toDiagnostics } from '../../../src/server/diagnostics';

function message(n: number, text: string, timestamp = '2020-03-12T14:05:00'): Message {
  return {
    id: 'm' + String(n).padStart(6, '0'), timestamp, precision: 'minute', sender: 'Jan',
    direction: null, kind: 'message', text, attachments: [], replyTo: null, source: { line: n, lines: 1 },
  };
}

function page(messages: Message[]): ReviewPage {
  const header = { format: 'whatsapp', fileName: 'x.txt', sha256: '0'.repeat(64), conversation: { title: 'T', participants: [] } };
  return new ReviewPage({ header, messages, before: [], after: [], policy: DEFAULT_POLICY });
}

describe('server analysis', () => {
  it('places a flag that starts right after a redaction after its closing marker', () => {
    const m = message(1, 'Bel 0612345678 vandaag');
    const line = renderMessageLine(m, '', [{ start: 0, end: 4, tag: 'AVG' }]);
    const placed = page([m]).analyse([line]).flags.find((f) => f.flag.rule === 'phone')!;
    assert.equal(line.slice(placed.start, placed.end), '0612345678');
  });

  it('counts a message with only an uncertain-order notice as reviewed', () => {
    const a = message(1, 'Akkoord.');
    const b = message(2, 'Prima.');
    const analysis = page([a, b]).analyse([renderMessageLine(a), renderMessageLine(b)]);
    assert.equal(analysis.stats.open.info, 2);
    assert.equal(analysis.stats.reviewed, 2);
  });

  it('keeps the diagnostics cap when edit errors alone would fill it', () => {
    const messages = Array.from({ length: 30 }, (_, i) => message(i + 1, `Bel 06123456${String(10 + i)} nu`, `2020-03-12T14:${String(10 + i)}:00`));
    const lines = messages.map((m) => renderMessageLine(m).replace('nu', 'NU'));
    const analysis = page(messages).analyse([...lines.slice(0, 20), ...messages.slice(20).map((m) => renderMessageLine(m))]);
    assert.equal(analysis.problems.length, 20);
    assert.ok(toDiagnostics(analysis, 10).length <= 10);
    assert.ok(toDiagnostics(analysis, 25).length <= 25);
  });
});
