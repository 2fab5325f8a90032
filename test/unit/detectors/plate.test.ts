import * as assert from 'node:assert/strict';
import { plate, sidecode } from '../../../src/server/detectors/plate';
import { found, run } from './helpers';

describe('detectors: plate', () => {
  it('knows the side codes', () => {
    const cases: [string, number][] = [
      ['AB-12-34', 1], ['12-34-AB', 2], ['12-AB-34', 3], ['BD-12-FG', 4], ['BD-FG-12', 5], ['12-BD-FG', 6],
      ['12-BDF-3', 7], ['1-BDF-23', 8], ['BD-123-F', 9], ['B-123-DF', 10], ['BDF-12-G', 11], ['B-12-DFG', 12],
      ['1-BD-234', 13], ['123-BD-4', 14],
    ];
    for (const [p, code] of cases) assert.equal(sidecode(p), code, p);
  });

  it('applies the RDW letter rules from side code 4 on', () => {
    assert.equal(sidecode('BA-12-FG'), 0, 'vowel');
    assert.equal(sidecode('BC-12-FG'), 0, 'C');
    assert.equal(sidecode('BQ-12-FG'), 0, 'Q');
    assert.equal(sidecode('BY-12-FG'), 0, 'Y');
    assert.equal(sidecode('SS-12-FG'), 0, 'SS never issued');
    assert.equal(sidecode('GVD-12-B'), 0, 'forbidden combination');
    assert.equal(sidecode('PVV-12-B'), 0);
    assert.equal(sidecode('OB-12-FG'), 4, 'O leads semi-trailer plates');
    assert.equal(sidecode('AB-12-34'), 1, 'side code 1 still had vowels');
    assert.equal(sidecode('AB-CD-EF'), 0, 'no digits: no side code');
  });

  it('flags a plate with its span, higher next to a vehicle word', () => {
    const text = 'Mijn auto heeft kenteken GF-123-H.';
    const flags = run(plate, text);
    assert.equal(flags.length, 1);
    assert.deepEqual(flags[0].span, { start: 25, end: 33 });
    assert.equal(flags[0].confidence, 0.9);
    assert.equal(flags[0].explanation, 'licence plate GF-123-H (side code 9), next to a vehicle word');
    assert.equal(run(plate, 'Die GF-123-H staat er weer')[0].confidence, 0.7);
    assert.equal(run(plate, 'die gf-123-h staat er weer')[0].confidence, 0.5);
  });

  it('ignores dates, phone numbers, mixed case and longer codes', () => {
    assert.deepEqual(found(plate, 'Op 12-03-20 om 10:00'), []);
    assert.deepEqual(found(plate, 'Bel 06-12345678'), []);
    assert.deepEqual(found(plate, 'Code Gf-123-H'), []);
    assert.deepEqual(found(plate, 'Code XGF-123-H'), []);
    assert.deepEqual(found(plate, 'Code GF-123-H-2'), []);
    assert.deepEqual(found(plate, 'covid-19-cijfers'), []);
  });

  it('takes a plate without dashes next to a vehicle word, in a modern side code only', () => {
    assert.deepEqual(found(plate, 'Auto met kenteken 85VRD6 stond te lang'), ['85VRD6']);
    assert.deepEqual(found(plate, 'Kenteken: GFZ12H'), ['GFZ12H']);
    assert.deepEqual(found(plate, 'Kenteken: GF1234'), [], 'side codes 1-3 without dashes look like any code');
    assert.deepEqual(found(plate, 'Bestelling 85VRD6 is onderweg'), [], 'no vehicle word');
    assert.deepEqual(found(plate, 'De auto heeft code ABC123'), []);
  });
});
