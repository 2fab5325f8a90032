import * as assert from 'node:assert/strict';
import { bulkPii } from '../../../src/server/detectors/bulkPii';
import { run } from './helpers';

describe('detectors: bulk-pii', () => {
  it('flags three phone numbers in one message', () => {
    const flags = run(bulkPii, 'Piet 06-11111111\nJan 06-22222222\nEls 020-1234567');
    assert.equal(flags.length, 1);
    assert.equal(flags[0].explanation, '3 phone numbers in one message (a pasted contact list?)');
    assert.equal(flags[0].category, 'AVG');
    assert.equal(flags[0].span, null);
    assert.equal(flags[0].confidence, 0.9);
  });

  it('flags three e-mail addresses, and both kinds together', () => {
    assert.equal(run(bulkPii, 'a@x.nl, b@x.nl, c@x.nl')[0].explanation, '3 e-mail addresses in one message (a pasted contact list?)');
    const both = run(bulkPii, 'a@x.nl b@x.nl c@x.nl d@x.nl e@x.nl 0611111111 0622222222 0633333333');
    assert.equal(both[0].explanation, '5 e-mail addresses and 3 phone numbers in one message (a pasted contact list?)');
    assert.equal(both[0].confidence, 0.95);
  });

  it('leaves two of each alone, and numbers that are no phone numbers', () => {
    assert.deepEqual(run(bulkPii, 'a@x.nl, b@x.nl, 06-11111111, 06-22222222'), []);
    assert.deepEqual(run(bulkPii, 'Orders 1234567890, 2345678901, 3456789012'), []);
  });
});
