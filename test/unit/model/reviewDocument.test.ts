import * as assert from 'node:assert/strict';
import {
  applyReviewLines, emptyReviewState, LineLayout, marksFromState, paginate, readReviewLine, readReviewState,
  renderMessageLine, renderReviewDocument, ReviewLineError, type Message, type Stamp,
} from '../../../src/model';
import { InputError } from '../../../src/model/errors';

function message(n: number, text: string, extra: Partial<Message> = {}): Message {
  return {
    id: 'm' + String(n).padStart(6, '0'), timestamp: '2020-03-12T14:05:00', precision: 'minute', sender: 'Jan de Vries',
    direction: null, kind: 'message', text, attachments: [], replyTo: null, source: { line: n, lines: 1 }, ...extra,
  };
}

const stamp: Stamp = { by: 'jdv', at: '2026-11-22T10:00:00.000Z', ruleFor: (_id, tag) => (tag === 'AVG' ? 'bsn' : undefined), flagRules: () => ['phone'] };

describe('review document', () => {
  const m = message(42, 'BSN is 111222333,\ngraag doorsturen');

  it('renders one line per message: tag column, id, time, sender, text with ⏎', () => {
    assert.equal(renderMessageLine(m), '      m000042 2020-03-12 14:05 Jan de Vries: BSN is 111222333, ⏎ graag doorsturen');
    assert.equal(renderMessageLine(m, 'privé'), 'privé m000042 2020-03-12 14:05 Jan de Vries: BSN is 111222333, ⏎ graag doorsturen');
    assert.equal(renderMessageLine(message(1, '', { sender: null, kind: 'system', text: 'X heeft Y toegevoegd' })), '      m000001 2020-03-12 14:05 — X heeft Y toegevoegd');
    assert.equal(renderMessageLine(message(2, 'foto', { kind: 'media', attachments: [{ name: 'a.jpg', present: false }] })),
      '      m000002 2020-03-12 14:05 Jan de Vries: 📎 a.jpg (missing) foto');
  });

  it('names, for screenshots, the order they were put in and how sure each join is', () => {
    const screenshots = [
      { file: 'IMG_2.PNG', overlap: 0, joinConfidence: null, gap: false },
      { file: 'IMG_9.PNG', overlap: 3, joinConfidence: 0.97, gap: false },
      { file: 'IMG_4.PNG', overlap: 0, joinConfidence: 0.35, gap: true },
    ];
    const header = (conversation: { title: string; participants: { name: string }[]; screenshots?: typeof screenshots }) =>
      renderReviewDocument({ fileName: 'shots', sha256: 'ab'.repeat(32), format: 'screenshots', conversation }, [m]).split('\n').filter((l) => l.startsWith('#'));
    assert.ok(header({ title: 'Anna', participants: [], screenshots }).includes("# 3 screenshots in the order found, each join's certainty: IMG_2.PNG → IMG_9.PNG (97%) → IMG_4.PNG (gap, 35%)"));
    assert.ok(!header({ title: 'Anna', participants: [] }).some((l) => l.includes('in the order found')), 'other exports have no such line');
  });

  it('maps text offsets to columns across line breaks, and back', () => {
    const layout = LineLayout.forMessage(m);
    const line = renderMessageLine(m);
    const at = m.text.indexOf('graag');
    assert.equal(line.slice(layout.columnOf(at), layout.columnOf(at + 5)), 'graag');
    assert.equal(layout.offsetAt(layout.columnOf(at)), at);
  });

  it('reads back tags and redactions, in text offsets, across ⏎', () => {
    const start = m.text.indexOf('111222333');
    const line = renderMessageLine(m, 'AVG', [{ start, end: m.text.length, tag: 'AVG' }]);
    assert.match(line, /⟦AVG\|111222333, ⏎ graag doorsturen⟧$/);
    const read = readReviewLine(line, m);
    assert.equal(read.tag, 'AVG');
    assert.deepEqual(read.redactions, [{ start, end: m.text.length, tag: 'AVG' }]);
  });

  it('names the 1-based column of an edit in the line as it stands, markers included', () => {
    const marked = renderMessageLine(m, '', [{ start: 0, end: 3, tag: 'AVG' }]);
    const edited = marked.replace('graag', 'GRAAG');
    const column = edited.indexOf('GRAAG');
    assert.throws(() => readReviewLine(edited, m), (e: Error) => e instanceof ReviewLineError
      && e.column === column && e.message.startsWith(`message text changed at column ${column + 1} `));
  });

  it('shows ⟦ and ⟧ from the chat as 〚 〛, so content can neither fake nor break a redaction', () => {
    const odd = message(7, 'see ⟦AVG|x⟧ and ⟦ alone', { sender: 'Bob ⟦', attachments: [{ name: 'a⟧.jpg', present: true }], kind: 'media' });
    const line = renderMessageLine(odd);
    assert.ok(!line.includes('⟦') && !line.includes('⟧'), line);
    const read = readReviewLine(line, odd);
    assert.deepEqual(read.redactions, []);
    const start = odd.text.indexOf('x');
    assert.deepEqual(readReviewLine(renderMessageLine(odd, '', [{ start, end: start + 1, tag: 'AVG' }]), odd).redactions, [{ start, end: start + 1, tag: 'AVG' }]);
  });

  it('accepts tags typed loosely (prive, avg) and any tag-column width', () => {
    const plain = renderMessageLine(m).slice(6);
    assert.equal(readReviewLine('prive ' + plain, m).tag, 'privé');
    assert.equal(readReviewLine('avg' + plain, m).tag, 'AVG');
    assert.equal(readReviewLine(plain, m).tag, '');
  });

  it('refuses changed text, unknown tags and broken markers with a reason', () => {
    const line = renderMessageLine(m);
    const bad: [string, RegExp][] = [
      [line.replace('graag', 'GRAAG'), /message text changed at column/],
      [line.replace('Jan de Vries', 'Jan'), /message text changed/],
      ['weg   ' + line.slice(6), /"weg" is not a tag/],
      [line.replace('111', '⟦AVG|111'), /not closed/],
      [line.replace('111', '⟦XYZ|111⟧'), /must start with/],
      [line.replace('m000042', 'm000043'), /missing or changed/],
    ];
    for (const [text, reason] of bad) assert.throws(() => readReviewLine(text, m), (e: Error) => e instanceof ReviewLineError && reason.test(e.message), text);
  });

  it('renders a document from a review state and reads it back into the same state', () => {
    const messages = [m, message(43, 'Zin in het weekend!'), message(44, 'Bel 06-12345678')];
    let state = emptyReviewState('chat.txt', 'a'.repeat(64));
    const header = { format: 'whatsapp', fileName: 'chat.txt', sha256: 'a'.repeat(64), conversation: { title: 'T', participants: [] } };
    const lines = renderReviewDocument(header, messages).split('\n');
    lines[3] = 'AVG   ' + lines[3].slice(6).replace('111222333', '⟦AVG|111222333⟧');
    lines[4] = 'privé ' + lines[4].slice(6);
    lines[5] = 'keep  ' + lines[5].slice(6);
    state = applyReviewLines(state, lines.filter((l) => /m0000/.test(l)).map((l, i) => readReviewLine(l, messages[i])), stamp);
    assert.deepEqual(state.tags, [
      { id: 'm000042', tag: 'AVG', rule: 'bsn', by: 'jdv', at: stamp.at },
      { id: 'm000043', tag: 'privé', by: 'jdv', at: stamp.at },
    ]);
    assert.deepEqual(state.redactions, [{ id: 'm000042', start: 7, end: 16, tag: 'AVG', rule: 'bsn', by: 'jdv', at: stamp.at }]);
    assert.deepEqual(state.dismissed, [{ id: 'm000044', rule: 'phone', by: 'jdv', at: stamp.at }]);
    assert.equal(renderReviewDocument(header, messages, marksFromState(state)), lines.join('\n'));
    // Saving again by someone else keeps who made the unchanged entries.
    const again = applyReviewLines(state, lines.filter((l) => /m0000/.test(l)).map((l, i) => readReviewLine(l, messages[i])), { ...stamp, by: 'other', at: '2027-01-01T00:00:00.000Z' });
    assert.deepEqual(again, state);
  });

  it('refuses a sidecar for another version of the export, or with a wrong shape', () => {
    const state = emptyReviewState('chat.txt', 'a'.repeat(64));
    assert.deepEqual(readReviewState(JSON.stringify(state), 's.json', 'a'.repeat(64)), state);
    assert.throws(() => readReviewState(JSON.stringify(state), 's.json', 'b'.repeat(64)), (e: Error) => e instanceof InputError && /export changed/.test(e.message));
    assert.throws(() => readReviewState('{"version":2}', 's.json', 'a'.repeat(64)), (e: Error) => e instanceof InputError && /not a valid review state: version/.test(e.message));
    assert.throws(() => readReviewState('{', 's.json', 'a'.repeat(64)), /not valid JSON/);
  });
});

describe('pages', () => {
  const at = (n: number, month: string) => message(n, 'x', { timestamp: `${month}-01T10:00:00` });

  it('does not split a conversation that fits on one page', () => {
    assert.deepEqual(paginate([at(1, '2020-01'), at(2, '2020-02')], 10), []);
  });

  it('splits by month, and a long month into numbered parts; labels stay unique', () => {
    const messages = [
      ...Array.from({ length: 3 }, (_, i) => at(i + 1, '2020-01')),
      ...Array.from({ length: 5 }, (_, i) => at(i + 4, '2020-02')),
      at(9, '2020-01'), // out of order: January comes back
      at(10, '2020-03'),
    ];
    assert.deepEqual(paginate(messages, 2).map((p) => [p.label, p.start, p.end]), [
      ['2020-01.1', 0, 2], ['2020-01.2', 2, 3], ['2020-02.1', 3, 5], ['2020-02.2', 5, 7], ['2020-02.3', 7, 8],
      ['2020-01.3', 8, 9], ['2020-03', 9, 10],
    ]);
  });
});
