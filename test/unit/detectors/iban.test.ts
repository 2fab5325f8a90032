import * as assert from 'node:assert/strict';
import { iban, ibanChecksumValid } from '../../../src/server/detectors/iban';
import { found, run } from './helpers';

describe('detectors: iban', () => {
  it('checks mod-97', () => {
    assert.equal(ibanChecksumValid('NL91ABNA0417164300'), true);
    assert.equal(ibanChecksumValid('NL92ABNA0417164300'), false);
    assert.equal(ibanChecksumValid('NL91ABNA0417164301'), false);
  });

  it('flags a spaced Dutch IBAN with its exact span', () => {
    const text = 'Maak het over naar NL91 ABNA 0417 1643 00 graag';
    const flags = run(iban, text);
    assert.equal(flags.length, 1);
    assert.deepEqual(flags[0].span, { start: 19, end: 41 });
    assert.equal(flags[0].explanation, 'IBAN NL91 ABNA 0417 1643 00 passes mod-97');
    assert.equal(flags[0].confidence, 0.95);
  });

  it('flags unspaced and lower-case IBANs', () => {
    assert.deepEqual(found(iban, 'rek: NL91ABNA0417164300.'), ['NL91ABNA0417164300']);
    assert.deepEqual(found(iban, 'rek: nl91abna0417164300'), ['nl91abna0417164300']);
    assert.match(run(iban, 'rek nl91abna0417164300')[0].explanation, /IBAN NL91 ABNA 0417 1643 00/);
  });

  it('knows the lengths of other countries', () => {
    assert.deepEqual(found(iban, 'BE68 5390 0754 7034'), ['BE68 5390 0754 7034']);
    assert.deepEqual(found(iban, 'DE89 3704 0044 0532 0130 00'), ['DE89 3704 0044 0532 0130 00']);
    assert.deepEqual(found(iban, 'FR14 2004 1010 0505 0001 3M02 606'), ['FR14 2004 1010 0505 0001 3M02 606']);
    assert.deepEqual(found(iban, 'GB29NWBK60161331926819'), ['GB29NWBK60161331926819']);
    assert.deepEqual(found(iban, 'LU28 0019 4006 4475 0000'), ['LU28 0019 4006 4475 0000']);
    assert.deepEqual(found(iban, 'ES9121000418450200051332'), ['ES9121000418450200051332']);
    assert.deepEqual(found(iban, 'IT60X0542811101000000123456'), ['IT60X0542811101000000123456']);
  });

  it('rejects a wrong check digit, a wrong length and unknown countries', () => {
    assert.deepEqual(found(iban, 'NL92 ABNA 0417 1643 00'), [], 'check digits');
    assert.deepEqual(found(iban, 'NL91 ABNA 0417 1643 0'), [], 'one short');
    assert.deepEqual(found(iban, 'NL91 ABNA 0417 1643 001'), [], 'one long');
    assert.deepEqual(found(iban, 'XX91ABNA0417164300'), []);
    assert.deepEqual(found(iban, 'ZNL91ABNA0417164300'), [], 'glued to a word');
  });
});
