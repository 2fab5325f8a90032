import * as assert from 'node:assert/strict';
import { spotCheckSample, type Message } from '../../../src/model';

const messages: Message[] = Array.from({ length: 200 }, (_, i) => ({
  id: 'm' + String(i + 1).padStart(6, '0'), timestamp: '2020-03-12T14:05:00', precision: 'minute', sender: i % 17 === 0 ? null : 'Jan',
  direction: null, kind: i % 17 === 0 ? 'system' : 'message', text: `bericht ${i}`, attachments: [], replyTo: null, source: { line: i + 1, lines: 1 },
}));
const state = { tags: messages.filter((_, i) => i % 5 === 0).map((m) => ({ id: m.id, tag: 'privé' as const, by: 'x', at: '2026-11-22T10:00:00Z' })) };

describe('spot-check sample', () => {
  it('is the same for the same seed and different for another', () => {
    assert.deepEqual(spotCheckSample(messages, state, 20, 20, 42), spotCheckSample(messages, state, 20, 20, 42));
    assert.notDeepEqual(spotCheckSample(messages, state, 20, 20, 42), spotCheckSample(messages, state, 20, 20, 43));
  });

  it('draws the asked numbers of removed and kept messages, without repeats or system events', () => {
    const sample = spotCheckSample(messages, state, 20, 15, 7);
    const removed = new Set(state.tags.map((t) => t.id));
    assert.equal(sample.filter((s) => s.removed).length, 20);
    assert.equal(sample.filter((s) => !s.removed).length, 15);
    assert.equal(new Set(sample.map((s) => s.id)).size, 35);
    for (const s of sample) assert.equal(removed.has(s.id), s.removed);
    for (const s of sample.filter((x) => !x.removed)) assert.notEqual(messages.find((m) => m.id === s.id)!.kind, 'system');
  });

  it('takes what there is when the conversation is small', () => {
    assert.equal(spotCheckSample(messages.slice(0, 10), { tags: state.tags.slice(0, 1) }, 20, 20, 1).length, 10); // 1 removed + 9 kept
  });
});
