import * as assert from 'node:assert/strict';
import { classifyNational, phone } from '../../../src/server/detectors/phone';
import { found, run } from './helpers';

describe('detectors: phone', () => {
  it('flags a mobile number with its exact span', () => {
    const text = 'Bel me even op 06-12345678 als je er bent.';
    const flags = run(phone, text);
    assert.equal(flags.length, 1);
    assert.deepEqual(flags[0].span, { start: 15, end: 26 });
    assert.equal(flags[0].explanation, 'Dutch mobile number 06-12345678');
    assert.equal(flags[0].confidence, 0.9);
  });

  it('reads the +31, 0031 and 0 forms, normalised to ten digits', () => {
    for (const written of ['06-12345678', '06 1234 5678', '06 12 34 56 78', '0612345678', '+31 6 12345678', '+31 (0)6-12345678', '+31(0)612345678', '+31612345678', '0031612345678', '0031 6 12345678', '(06) 12345678']) {
      const flags = run(phone, `nummer: ${written}.`);
      assert.equal(flags.length, 1, written);
      assert.equal(flags[0].explanation, 'Dutch mobile number 06-12345678', written);
      assert.deepEqual(flags[0].span, { start: 8, end: 8 + written.length }, written);
    }
  });

  it('reads landlines with two- and three-digit area codes', () => {
    assert.deepEqual(found(phone, 'kantoor 010-1234567'), ['010-1234567']);
    assert.deepEqual(found(phone, 'kantoor 020 123 4567'), ['020 123 4567']);
    assert.deepEqual(found(phone, 'thuis 0513-123456'), ['0513-123456']);
    assert.deepEqual(found(phone, 'thuis (0513) 123456'), ['(0513) 123456']);
    assert.equal(run(phone, 'thuis 0513-123456')[0].explanation, 'Dutch landline number 0513-123456');
    assert.equal(run(phone, 'kantoor 020 123 4567')[0].explanation, 'Dutch landline number 020-1234567');
    assert.equal(run(phone, 'kantoor 020 123 4567')[0].confidence, 0.7);
  });

  it('leaves 088 company numbers alone (an organisation), but counts them for bulk-pii', () => {
    assert.deepEqual(found(phone, 'Algemeen nummer 088-1234567'), []);
    assert.equal(classifyNational('0881234567')?.kind, 'company');
  });

  it('leaves case and report numbers written like a phone number alone', () => {
    assert.deepEqual(found(phone, 'Incidentnummer 0612 4417 83 is gesloten'), []);
    assert.deepEqual(found(phone, 'Meldkamer: melding 0786 5056 60 gaat over de drukte'), []);
    assert.deepEqual(found(phone, 'Bel de bezorger van het pakket op 06-12345678'), ['06-12345678']);
  });

  it('skips service numbers, 112 and 14 numbers', () => {
    assert.deepEqual(found(phone, 'Bel 0800-1234 of 0800 123 4567'), []);
    assert.deepEqual(found(phone, 'Bel 0900-1234567 of 0900 123 456'), []);
    assert.deepEqual(found(phone, 'Bel 0906-123456 of 0909 123456'), []);
    assert.deepEqual(found(phone, 'Bel 112 of 14 020'), []);
    assert.equal(classifyNational('0800123456'), null);
    assert.equal(classifyNational('0900123456'), null);
  });

  it('rejects numbers outside the numbering plan', () => {
    assert.deepEqual(found(phone, 'Code 0123456789'), [], 'no area code 012(3)');
  });

  it('flags foreign numbers with their country code, of a plausible length', () => {
    assert.deepEqual(found(phone, 'Bel +32 470 12 34 56'), ['+32 470 12 34 56'], 'Belgian');
    assert.deepEqual(found(phone, 'Bel 0032 470123456'), ['0032 470123456']);
    assert.deepEqual(found(phone, 'Contact: +44 7700 900123.'), ['+44 7700 900123']);
    assert.equal(run(phone, 'Bel +32 470 12 34 56')[0].explanation, 'foreign phone number +32 470 12 34 56');
    assert.deepEqual(found(phone, 'Groei +12 345 678'), [], 'too short');
    assert.deepEqual(found(phone, 'Code +49 1234 5678 9012 3456'), [], 'too long');
  });

  it('is never part of a longer digit run, an IBAN, a date or an amount', () => {
    assert.deepEqual(found(phone, 'Order 061234567890'), []);
    assert.deepEqual(found(phone, 'Order 10612345678'), []);
    assert.deepEqual(found(phone, 'Rekening NL30ABNA0512345678'), []);
    assert.deepEqual(found(phone, 'Rekening NL30 ABNA 0512 3456 78'), [], 'the account digits look like a Drachten number');
    assert.deepEqual(found(phone, 'Ref 06-12345678-9'), []);
    assert.deepEqual(found(phone, 'Op 12-03-2020 om 12:30'), []);
    assert.deepEqual(found(phone, 'Bedrag 1.234.567.890'), []);
  });

  it('finds several numbers parted by spaces, in order', () => {
    const text = 'Nummers: 06 12345678 06 87654321';
    assert.deepEqual(found(phone, text), ['06 12345678', '06 87654321']);
  });

  it('flags every number of a list', () => {
    const text = 'Piet 06-11111111, Jan 06-22222222\nEls: 020-1234567';
    assert.deepEqual(found(phone, text), ['06-11111111', '06-22222222', '020-1234567']);
  });
});
