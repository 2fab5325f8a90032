import * as assert from 'node:assert/strict';
import { DEFAULT_POLICY } from '../../../src/model';
import { scanConversation } from '../../../src/server/detectors';
import { sameMinute } from '../../../src/server/detectors/sameMinute';
import { ctx, msg } from './helpers';

describe('detectors: same-minute', () => {
  const at = (timestamp: string, precision: 'minute' | 'second' = 'minute') => msg('Akkoord.', { timestamp, precision });

  it('flags a minute-precision message that shares its minute with a neighbour', () => {
    const prev = at('2020-03-16T10:04:00');
    const m = at('2020-03-16T10:04:00');
    const flags = sameMinute.detect(m, ctx({ previous: prev }));
    assert.equal(flags.length, 1);
    assert.equal(flags[0].category, 'info');
    assert.equal(flags[0].span, null);
    assert.equal(flags[0].explanation, 'sent in the same minute (2020-03-16 10:04) as the previous message; the export gives minutes only, so the order within this run is uncertain');
    assert.match(sameMinute.detect(prev, ctx({ next: m }))[0].explanation, /as the next message/);
  });

  it('does not flag second precision, other minutes, or a lone message', () => {
    assert.deepEqual(sameMinute.detect(at('2020-03-16T10:04:00', 'second'), ctx({ previous: at('2020-03-16T10:04:00', 'second') })), []);
    assert.deepEqual(sameMinute.detect(at('2020-03-16T10:04:00'), ctx({ previous: at('2020-03-16T10:03:00'), next: at('2020-03-16T10:05:00') })), []);
    assert.deepEqual(sameMinute.detect(at('2020-03-16T10:04:00'), ctx()), []);
  });

  it('marks every message of a run, and only those, in a conversation', () => {
    const messages = [at('2020-03-16T10:03:00'), at('2020-03-16T10:04:00'), at('2020-03-16T10:04:00'), at('2020-03-16T10:04:00'), at('2020-03-16T10:05:00'), at('2020-03-16T10:05:00')];
    const flagged = scanConversation(messages, DEFAULT_POLICY).filter((f) => f.rule === 'same-minute').map((f) => f.id);
    assert.deepEqual(flagged, [messages[1].id, messages[2].id, messages[3].id, messages[4].id, messages[5].id]);
    const middle = scanConversation(messages, DEFAULT_POLICY).find((f) => f.id === messages[2].id);
    assert.match(middle!.explanation, /as the previous and the next message/);
  });
});
