import * as assert from 'node:assert/strict';
import { dob } from '../../../src/server/detectors/dob';
import { found, run } from './helpers';

describe('detectors: dob', () => {
  it('flags a date next to a birth word, with the date as span', () => {
    const text = 'Hij is geboren op 12-03-1980 in Utrecht';
    const flags = run(dob, text);
    assert.equal(flags.length, 1);
    assert.deepEqual(flags[0].span, { start: 18, end: 28 });
    assert.equal(flags[0].explanation, 'date of birth 12-03-1980 next to "geboren"');
  });

  it('knows the usual birth words and date forms', () => {
    assert.deepEqual(found(dob, 'Geboortedatum: 1980-03-12'), ['1980-03-12']);
    assert.deepEqual(found(dob, 'geb. 3/7/64'), ['3/7/64']);
    assert.deepEqual(found(dob, 'Geb 12 maart 1980'), ['12 maart 1980']);
    assert.deepEqual(found(dob, 'DOB 12.03.1980'), ['12.03.1980']);
    assert.deepEqual(found(dob, 'Date of birth: March 12, 1980'), ['March 12, 1980']);
    assert.deepEqual(found(dob, 'born 1 jan 1990'), ['1 jan 1990']);
    assert.deepEqual(found(dob, '12-03-1980 (geboortedatum)'), ['12-03-1980'], 'just before the word');
  });

  it('does not flag every date', () => {
    assert.deepEqual(found(dob, 'Overleg op 12-03-2020 om 10:00'), []);
    assert.deepEqual(found(dob, 'Persbericht 1 april 2020'), []);
  });

  it('rejects impossible dates and dates far from the word', () => {
    assert.deepEqual(found(dob, 'geboren 31-02-1980'), []);
    assert.deepEqual(found(dob, 'geboren 12-13-1980'), []);
    assert.deepEqual(found(dob, 'geboren in Utrecht, en ik heb het stuk dat vorige week verscheen op 12-03-2020 gelezen'), [], 'too far');
    assert.deepEqual(found(dob, 'Ze is in Utrecht geboren. De brief van 12-03-2019 ligt er nog'), [], 'another sentence');
    assert.deepEqual(found(dob, 'Geboren op 12-03-2021?'), [], 'after the message (2020)');
  });
});
