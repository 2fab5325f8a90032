import * as assert from 'node:assert/strict';
import { alignRedacted, openRedactionRule } from '../../../scripts/eval/peers';

describe('eval: peer adapters', () => {
  it('recovers redact-pii spans by aligning the redacted text with the original', () => {
    const original = 'Mail jan@example.org of bel 06-12345678.';
    const redacted = 'Mail EMAIL_ADDRESS of bel PHONE_NUMBER.';
    assert.deepEqual(alignRedacted(original, redacted), [
      { token: 'EMAIL_ADDRESS', span: { start: 5, end: 20 } },
      { token: 'PHONE_NUMBER', span: { start: 28, end: 39 } },
    ]);
  });

  it('handles tokens at the ends, adjacent tokens and literals that recur inside a match', () => {
    assert.deepEqual(alignRedacted('Jan de Vries', 'PERSON_NAME'), [{ token: 'PERSON_NAME', span: { start: 0, end: 12 } }]);
    const a = alignRedacted('NL91ABNA0417164300 ok', 'NL91ABNAPHONE_NUMBER ok');
    assert.deepEqual(a, [{ token: 'PHONE_NUMBER', span: { start: 8, end: 18 } }]);
    // " a" occurs inside the redacted part too: the alignment must still end at the text's end.
    assert.deepEqual(alignRedacted('x a a a b', 'x DIGITS b'), [{ token: 'DIGITS', span: { start: 2, end: 7 } }]);
    assert.deepEqual(alignRedacted('geen treffer', 'geen treffer'), []);
  });

  it('maps openredaction types onto rules, and leaves the rest out', () => {
    assert.equal(openRedactionRule('EMAIL'), 'email');
    assert.equal(openRedactionRule('PHONE_UK_MOBILE'), 'phone');
    assert.equal(openRedactionRule('DUTCH_BSN'), 'bsn');
    assert.equal(openRedactionRule('IBAN'), 'iban');
    assert.equal(openRedactionRule('INSTAGRAM_USERNAME'), null);
  });
});
