import * as assert from 'node:assert/strict';
import { DEFAULT_POLICY } from '../../../src/model';
import { scanConversation } from '../../../src/server/detectors';
import { privateChatter } from '../../../src/server/detectors/private';
import { msg, run } from './helpers';

describe('detectors: private', () => {
  it('flags weekend plans, with the evidence and no span', () => {
    const flags = run(privateChatter, 'Zin in het weekend! Zaterdag BBQ?');
    assert.equal(flags.length, 1);
    assert.equal(flags[0].category, 'privé');
    assert.equal(flags[0].rule, 'private');
    assert.equal(flags[0].span, null);
    assert.ok(flags[0].confidence >= 0.8, String(flags[0].confidence));
    assert.equal(flags[0].explanation, 'private chatter: "Zin in", "weekend", "Zaterdag", "BBQ"');
  });

  it('flags birthdays, holidays, sport, love and jokes', () => {
    for (const text of [
      'Gefeliciteerd met je verjaardag! 🎂',
      'Wij gaan morgen op vakantie naar Frankrijk',
      'Zag je Ajax gisteren? Wat een wedstrijd',
      'Hahaha wat een grap',
      'Love you, kusjes',
      'Fijne zomervakantie gehad?',
      'Hoe gaat het met je moeder?',
    ]) {
      assert.equal(run(privateChatter, text).length, 1, text);
    }
  });

  it('leaves work messages with a pleasantry alone', () => {
    for (const text of [
      'Overleg verplaatst naar maandag, fijn weekend',
      'Kamerbrief gaat vrijdag uit. Prettig weekend allemaal',
      'Goedemorgen, OMT om 9:00 in zaal 2.',
      'Ik zit in de trein, ben er over twintig minuten.',
      'Ik schat in dat het persbericht om 10:00 uitgaat',
      'Akkoord',
    ]) {
      assert.deepEqual(run(privateChatter, text), [], text);
    }
  });

  it('gives chatter inside a work message low confidence and says why', () => {
    const flags = run(privateChatter, 'Na het OMT ga ik lekker op vakantie!');
    assert.equal(flags.length, 1);
    assert.ok(flags[0].confidence <= 0.4, String(flags[0].confidence));
    assert.match(flags[0].explanation, /work vocabulary \("OMT"\)/);
  });

  it('counts a repeated word once', () => {
    const once = run(privateChatter, 'Weekend!')[0].confidence;
    const twice = run(privateChatter, 'Weekend! Weekend!')[0].confidence;
    assert.equal(once, twice);
  });
});

describe('detectors: private replies', () => {
  it('gives a short reply the privé label of the private message it answers, saying which', () => {
    const m = [msg('Onze hond heeft de afstandsbediening opgegeten 🙄'), msg('Balen zeg'), msg('Stuur foto!'), msg('Notitie voor het OMT staat klaar'), msg('Balen zeg')];
    const flags = scanConversation(m, DEFAULT_POLICY).filter((f) => f.rule === 'private');
    assert.deepEqual(flags.map((f) => m.findIndex((x) => x.id === f.id)), [0, 1, 2]);
    assert.match(flags[1].explanation, new RegExp(`^a reply in a private thread: it answers ${m[0].id} \\("hond", "🙄"\\)$`));
    assert.ok(flags[1].confidence < flags[0].confidence && flags[1].confidence >= 0.25);
  });
});
