import * as assert from 'node:assert/strict';
import { bsn, elevenTest } from '../../../src/server/detectors/bsn';
import { found, run } from './helpers';

describe('detectors: bsn', () => {
  it('implements the 11-test', () => {
    assert.equal(elevenTest('111222333'), true);
    assert.equal(elevenTest('123456782'), true);
    assert.equal(elevenTest('111222334'), false, 'one digit off');
    assert.equal(elevenTest('123456783'), false, 'one digit off');
    assert.equal(elevenTest('000000000'), false, 'all zeros');
    assert.equal(elevenTest('12345678'), false, 'eight digits');
  });

  it('flags a valid BSN with its exact span and an explanation', () => {
    const text = 'Zijn nummer is 111222333, graag checken';
    const flags = run(bsn, text);
    assert.equal(flags.length, 1);
    assert.deepEqual(flags[0].span, { start: 15, end: 24 });
    assert.equal(flags[0].explanation, 'BSN 111222333 passes the 11-test');
    assert.equal(flags[0].category, 'AVG');
    assert.equal(flags[0].rule, 'bsn');
    assert.equal(flags[0].confidence, 0.8);
  });

  it('does not flag a number one digit off', () => {
    assert.deepEqual(found(bsn, 'Zijn nummer is 111222334'), []);
  });

  it('accepts the dotted and spaced ways of writing it', () => {
    assert.deepEqual(found(bsn, 'bsn 111.222.333.'), ['111.222.333']);
    assert.deepEqual(found(bsn, 'nr: 1112 22 333'), ['1112 22 333']);
    assert.deepEqual(found(bsn, 'nr: 111 222 333'), ['111 222 333']);
    assert.deepEqual(found(bsn, 'nr: 111-222-333'), ['111-222-333']);
    assert.deepEqual(found(bsn, 'nr: 111.222 333'), [], 'mixed separators');
  });

  it('is near certain when the message names the BSN', () => {
    const flags = run(bsn, 'Mijn burgerservicenummer: 123456782');
    assert.equal(flags[0].confidence, 0.97);
    assert.match(flags[0].explanation, /"burgerservicenummer"/);
  });

  it('leaves numbers named as order or case numbers, and counts, alone', () => {
    assert.deepEqual(found(bsn, 'Ordernummer 123456782 is verzonden'), []);
    assert.deepEqual(found(bsn, 'Er zijn 123456782 testen afgenomen'), []);
    assert.deepEqual(found(bsn, 'BSN 123456782, ordernummer volgt'), ['123456782'], 'a BSN word wins');
  });

  it('ignores order numbers of other lengths and invalid ones', () => {
    assert.deepEqual(found(bsn, 'Ordernummer 1234567890 is verzonden'), []);
    assert.deepEqual(found(bsn, 'Bestelling 987654321 komt morgen'), [], 'fails the 11-test');
  });

  it('never takes a 9-digit run out of a longer digit run', () => {
    // 612345671 and 123456782 pass the 11-test on their own.
    assert.deepEqual(found(bsn, 'Bel 0612345671 even'), [], 'a 10-digit phone number');
    assert.deepEqual(found(bsn, 'Bel +31 612345671'), [], 'after the country code');
    assert.deepEqual(found(bsn, 'Bel +31612345671'), []);
    assert.deepEqual(found(bsn, 'Bel 0031 612345671'), []);
    assert.deepEqual(found(bsn, 'Nummer 1234567820'), []);
    assert.deepEqual(found(bsn, 'Nummer 0123456782'), []);
    assert.deepEqual(found(bsn, 'Code 123456782-1'), []);
    assert.deepEqual(found(bsn, 'Code 1.123456782'), []);
    assert.deepEqual(found(bsn, 'Code AB123456782'), []);
    assert.deepEqual(found(bsn, 'Code 123456782B'), []);
  });

  it('does not flag IBAN digits, amounts, dates and times', () => {
    assert.deepEqual(found(bsn, 'IBAN NL91ABNA0417164300'), []);
    assert.deepEqual(found(bsn, 'Bedrag 1.234.567 euro'), []);
    assert.deepEqual(found(bsn, 'Budget € 111.222.333 voor de regio'), []);
    assert.deepEqual(found(bsn, 'Budget 111.222.333 euro'), []);
    assert.deepEqual(found(bsn, 'Op 12-03-2020 om 12:30'), []);
  });

  it('flags a BSN next to other numbers parted by a space', () => {
    assert.deepEqual(found(bsn, 'In 2020 123456782 gebruikt'), ['123456782']);
  });

  it('flags every BSN in a message, in order', () => {
    assert.deepEqual(found(bsn, '111222333 en 123456782'), ['111222333', '123456782']);
  });
});
