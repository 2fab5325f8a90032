import * as assert from 'node:assert/strict';
import { analyseText, hitsOf } from '../../../src/server/detectors/analysis';
import { compile } from '../../../src/server/detectors/automaton';
import { LEX } from '../../../src/server/detectors/lexicons';

/** The words of `text` that a list matched, as written. */
function words(text: string, lex: number): string[] {
  return hitsOf(analyseText(text), lex).map((m) => text.slice(m.wordStart, m.wordEnd));
}

describe('detectors: lexicon matcher', () => {
  it('matches whole words only for plain patterns, hyphens and apostrophes ending a word', () => {
    // "IC" of "IC-bedden" is a word; the work list's "ic-bedden" is what cancels it in health.
    assert.deepEqual(words('IC-bedden en de IC', LEX.health), ['IC', 'IC']);
    assert.ok(words('IC-bedden', LEX.work).includes('IC-bedden'));
    assert.deepEqual(words('politiek', LEX.health), []);
    assert.ok(words("GGD-regio's", LEX.work).includes('GGD'));
  });

  it('matches prefixes, suffixes and infixes at word boundaries', () => {
    assert.deepEqual(words('Ziekenhuisopname', LEX.health), ['Ziekenhuisopname', 'Ziekenhuisopname']);
    assert.deepEqual(words('longontsteking', LEX.health), ['longontsteking']);
    assert.deepEqual(words('ontstekingsremmer', LEX.health), []);
    assert.deepEqual(words('de zorgcapaciteit', LEX.work), ['zorgcapaciteit']);
  });

  it('folds case and diacritics', () => {
    assert.deepEqual(words('SUÏCIDAAL', LEX.health), ['SUÏCIDAAL']);
    assert.deepEqual(words('Depressief', LEX.health), ['Depressief']);
  });

  it('matches phrases across one whitespace character', () => {
    assert.deepEqual(words('ik heb aangifte\u00a0gedaan', LEX.criminal).includes('aangifte\u00a0gedaan'), true);
  });

  it('counts digits, finds the first @ and private emoji in the same pass', () => {
    const a = analyseText('bel 06-123 of mail a@b.nl 😂');
    assert.equal(a.digits, 5);
    assert.equal(a.firstAt, 20);
    assert.equal(a.hyphen, true);
    assert.deepEqual(a.emoji?.map((e) => [e.index, e.length]), [[26, 2]]);
  });

  it('refuses patterns it cannot represent', () => {
    assert.throws(() => compile([{ lex: 0, group: 'x', weight: 1, patterns: ['a.b'] }]), /no text class/);
    assert.throws(() => compile([{ lex: 0, group: 'x', weight: 1, patterns: ['*'] }]), /empty pattern/);
  });
});
