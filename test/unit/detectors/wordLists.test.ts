import * as assert from 'node:assert/strict';
import { DEFAULT_POLICY, Policy, WordPattern } from '../../../src/model/policy';
import { analyse, analyseText, hitsOf } from '../../../src/server/detectors/analysis';
import { alternationStem, compile, type PatternSource } from '../../../src/server/detectors/automaton';
import { criminal } from '../../../src/server/detectors/criminal';
import { health } from '../../../src/server/detectors/health';
import { automatonFor, DEFAULT_AUTOMATON, LEX } from '../../../src/server/detectors/lexicons';
import { privateChatter } from '../../../src/server/detectors/private';
import { ctx, found, msg, policy, run } from './helpers';

/** The words of `text` a list matched under a policy, as written. */
function words(text: string, lex: number, p: Policy = DEFAULT_POLICY): string[] {
  return hitsOf(analyseText(text, automatonFor(p)), lex).map((m) => text.slice(m.wordStart, m.wordEnd));
}

describe('detectors: word lists per policy', () => {
  it('compiles the default lists once, and each distinct policy once', () => {
    assert.equal(automatonFor(DEFAULT_POLICY), DEFAULT_AUTOMATON);
    assert.equal(automatonFor(policy({})), DEFAULT_AUTOMATON, 'an equal policy object shares the default automaton');
    const a = policy({ wordLists: { health: { nl: ['longcovid*'] } } });
    const b = policy({ wordLists: { health: { nl: ['longcovid*'] } } });
    assert.equal(automatonFor(a), automatonFor(b));
    assert.notEqual(automatonFor(a), DEFAULT_AUTOMATON);
    assert.equal(automatonFor(policy({ period: { start: '2020-01-01' }, neverFlag: ['X Y'] })), DEFAULT_AUTOMATON, 'only languages and word lists matter');
  });

  it('extends a built-in list: a policy term counts as strong', () => {
    const p = policy({ wordLists: { health: { nl: ['longcovid*'] } } });
    assert.deepEqual(found(health, 'Ze heeft longcovid', ctx()), []);
    const flags = run(health, 'Ze heeft longcovidklachten', ctx({ policy: p }));
    assert.deepEqual(flags.map((f) => [f.confidence, f.explanation]), [[0.7, '"longcovidklachten" (health)']]);
    assert.deepEqual(found(health, 'Mijn moeder ligt in het ziekenhuis', ctx({ policy: p })), ['ziekenhuis'], 'the built-in words stay');
  });

  it('replaces a built-in list, its not-phrases included', () => {
    const p = policy({ wordLists: { private: { replace: true, nl: ['padel', 'kroeg*'] } } });
    const c = ctx({ policy: p });
    assert.equal(run(privateChatter, 'Zin in het weekend! Zaterdag BBQ?', c).length, 0);
    assert.equal(run(privateChatter, 'Vanavond padel en daarna de kroeg in', c).length, 1);
    assert.deepEqual(words('vakantie', LEX.private, p), []);
  });

  it('uses the languages asked for, and the policy\'s own words in any language', () => {
    const nl = policy({ languages: ['nl'] });
    const en = policy({ languages: ['en'] });
    assert.deepEqual(found(health, 'My wife is pregnant'), ['pregnant']);
    assert.deepEqual(found(health, 'My wife is pregnant', ctx({ policy: nl })), []);
    assert.deepEqual(found(health, 'Mijn vrouw is zwanger', ctx({ policy: en })), []);
    assert.deepEqual(found(health, 'Mijn vrouw is zwanger', ctx({ policy: nl })), ['zwanger']);
    const own = policy({ languages: ['nl'], wordLists: { criminal: { en: ['shoplifting'] } } });
    assert.deepEqual(found(criminal, 'He was caught shoplifting', ctx({ policy: own })), ['shoplifting']);
  });

  it('cancels with a policy\'s not-phrases and extends work and first names', () => {
    const p = policy({ wordLists: { health: { not: ['kanker op'] }, work: { nl: ['project eik'] }, firstNames: { nl: ['Zwaantje'] } } });
    assert.deepEqual(words('Het project Eik loopt', LEX.work, p), ['project Eik']);
    assert.deepEqual(words('Groet aan Zwaantje', LEX.firstName, p), ['Zwaantje']);
    assert.deepEqual(words('zwaantje', LEX.firstName, p), [], 'first names need a capital');
    const w = policy({ wordLists: { health: { nl: ['pleuritis'] } } });
    assert.deepEqual(found(health, 'Notitie over pleuritis voor het OMT', ctx({ policy: w })), ['pleuritis'], 'strong: kept in a work message');
  });

  it('analyses a message with the automaton of the policy in force', () => {
    const m = msg('Ze heeft longcovid');
    const p = policy({ wordLists: { health: { nl: ['longcovid'] } } });
    assert.equal(hitsOf(analyse(m, DEFAULT_POLICY), LEX.health).length, 0);
    assert.equal(hitsOf(analyse(m, p), LEX.health).length, 1);
    assert.equal(hitsOf(analyse(m, DEFAULT_POLICY), LEX.health).length, 0);
  });

  it('never throws on a pattern the schema accepts', () => {
    const odd = ['112', '0800', "'s-hertogenbosch", "ggd’s", 'café', 'coördinatie', 'ĳsbaan', 'straße', 'Øresund', 'ελλάδα', '東京',
      '²', 'x²', 'ﬁets', 'İstanbul', 'a', '9', 'a-b', "a'b", 'a b', 'a  b', 'ab*', '*ab', '*ab*', '*9*', 'Łódź', 'Ærø', 'ǅ', '𝒜bc',
      '٣', 'a٣', 'ab\u00a0cd', 'ñandú'];
    for (const raw of odd) {
      const parsed = WordPattern.safeParse(raw);
      if (!parsed.success) continue;
      const src: PatternSource = { lex: 0, group: 'strong', weight: 0.7, patterns: [parsed.data], inflect: 1, lenient: true };
      assert.doesNotThrow(() => compile([src]), raw);
      assert.doesNotThrow(() => automatonFor(policy({ wordLists: { health: { nl: [parsed.data], not: [parsed.data] }, firstNames: { en: [parsed.data] } } })), raw);
    }
    // Generated patterns from the schema's alphabet, including characters no text class has.
    const alphabet = ['a', 'Z', 'é', 'ß', 'ø', 'ĳ', '1', '٣', '²', "'", '’', '-', ' ', 'Ω', '中', '𝒜'];
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const patterns: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let s = rnd() < 0.3 ? '*' : '';
      const k = 1 + Math.floor(rnd() * 6);
      for (let j = 0; j < k; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      if (rnd() < 0.3) s += '*';
      const parsed = WordPattern.safeParse(s);
      if (parsed.success) patterns.push(parsed.data);
    }
    assert.ok(patterns.length > 300, String(patterns.length));
    const a = compile([{ lex: 0, group: 'strong', weight: 0.7, patterns, inflect: 1, lenient: true }]);
    for (const text of ['ĳsbaan straße 1٣ a-b Ω', 'x² ﬁets café', patterns.join(' ')]) assert.doesNotThrow(() => analyseText(text, a));
  });

  it('matches a policy pattern as written: diacritics, ligatures, apostrophes', () => {
    const p = policy({ wordLists: { health: { nl: ['coördinatiegedoe', 'ĳzertekort', "ggd’s-ziekte", '112-melding'] } } });
    assert.deepEqual(words('een coordinatiegedoe', LEX.health, p), ['coordinatiegedoe']);
    assert.deepEqual(words('een ijzertekort', LEX.health, p), ['ijzertekort']);
    assert.ok(words("de GGD's-ziekte", LEX.health, p).includes("GGD's-ziekte"));
    assert.deepEqual(words('de 112-melding', LEX.health, p), ['112-melding']);
  });

  it('knows the Dutch spelling alternations', () => {
    assert.equal(alternationStem('depressief'), 'depressiev');
    assert.equal(alternationStem('huis'), 'huiz');
    assert.equal(alternationStem('kuur'), 'kur');
    assert.equal(alternationStem('miskraam'), 'miskram');
    assert.equal(alternationStem('ziek'), null);
  });
});
