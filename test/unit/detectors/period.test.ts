import * as assert from 'node:assert/strict';
import { period } from '../../../src/server/detectors/period';
import { ctx, msg, policy } from './helpers';

describe('detectors: period', () => {
  const at = (timestamp: string) => msg('Akkoord.', { timestamp });

  it('flags a message before the default start (2019-12-15), naming date and period', () => {
    const flags = period.detect(at('2018-06-01T12:00:00'), ctx());
    assert.equal(flags.length, 1);
    assert.equal(flags[0].category, 'scope');
    assert.equal(flags[0].span, null);
    assert.equal(flags[0].explanation, '2018-06-01 is before the crisis period (from 2019-12-15)');
  });

  it('includes the start day and has no end by default', () => {
    assert.equal(period.detect(at('2019-12-14T23:59:59'), ctx()).length, 1);
    assert.deepEqual(period.detect(at('2019-12-15T00:00:00'), ctx()), []);
    assert.deepEqual(period.detect(at('2030-01-01T00:00:00'), ctx()), []);
  });

  it('includes the end day of a set end', () => {
    const c = ctx({ policy: policy({ period: { start: '2020-02-27', end: '2021-06-30' } }) });
    assert.deepEqual(period.detect(at('2021-06-30T23:59:59'), c), []);
    assert.deepEqual(period.detect(at('2020-02-27T00:00:00'), c), []);
    const after = period.detect(at('2021-07-01T00:00:00'), c);
    assert.equal(after[0].explanation, '2021-07-01 is after the crisis period (2020-02-27 to 2021-06-30)');
    assert.equal(period.detect(at('2020-02-26T23:59:00'), c)[0].explanation, '2020-02-26 is before the crisis period (2020-02-27 to 2021-06-30)');
  });
});
