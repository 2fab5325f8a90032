import * as assert from 'node:assert/strict';
import { criminal } from '../../../src/server/detectors/criminal';
import { found, run } from './helpers';

describe('detectors: criminal', () => {
  it('flags a police report about a person', () => {
    const text = 'Ik heb gisteren aangifte gedaan van de inbraak';
    const flags = run(criminal, text);
    assert.deepEqual(flags.map((f) => text.slice(f.span!.start, f.span!.end)), ['aangifte gedaan', 'inbraak']);
    assert.equal(flags[0].explanation, '"aangifte gedaan" (criminal record) about a person ("Ik heb")');
    assert.equal(flags[0].confidence, 0.95);
  });

  it('flags convictions, sentences and arrests', () => {
    assert.deepEqual(found(criminal, 'Zijn zoon is veroordeeld tot een taakstraf'), ['veroordeeld', 'taakstraf']);
    assert.deepEqual(found(criminal, 'Heeft hij een strafblad?'), ['strafblad']);
    assert.deepEqual(found(criminal, 'Na het politieverhoor mocht ze naar huis'), ['politieverhoor']);
    assert.deepEqual(found(criminal, 'Mijn buurman is aangehouden'), ['aangehouden']);
    assert.deepEqual(found(criminal, 'Voor de nieuwe baan moet ik een VOG aanvragen'), ['VOG']);
  });

  it('does not flag policy talk about crime', () => {
    for (const text of [
      'Notitie over de aangiftebereidheid tijdens de lockdown',
      'Het stuk wordt aangehouden tot volgende week',
      'Boetes voor overtreding van de maatregelen: 95 euro',
      'Ik heb het opgepakt met de jurist',
      'Mijn aangifte inkomstenbelasting is binnen',
      'Politie en boa\'s handhaven de avondklok',
      'Ik heb het verhoor in de Tweede Kamer gevolgd',
      'Het kabinet veroordeelt het geweld tegen handhavers',
    ]) {
      assert.deepEqual(found(criminal, text), [], text);
    }
  });

  it('needs a person for ambiguous words', () => {
    assert.deepEqual(found(criminal, 'Het besluit is aangehouden'), []);
  });

  it('matches inflections and compounds', () => {
    assert.deepEqual(found(criminal, 'Hij kreeg een taakstraf en twee werkstraffen'), ['taakstraf', 'werkstraffen']);
    assert.deepEqual(found(criminal, 'Mijn fiets is gestolen, fietsdiefstal gemeld'), ['gestolen', 'fietsdiefstal']);
    assert.deepEqual(found(criminal, 'Ze heeft een geldstraf gekregen'), ['geldstraf']);
    assert.deepEqual(found(criminal, 'Zijn veroordelingen staan op zijn strafblad'), ['veroordelingen', 'strafblad']);
    assert.deepEqual(found(criminal, 'Er is straf voor wie te laat komt'), [], 'bare "straf" needs a person');
  });

  it('does not flag negated or counted mentions', () => {
    assert.deepEqual(found(criminal, 'Ik heb geen strafblad'), []);
    assert.deepEqual(found(criminal, 'Het aantal aangiftes stijgt'), []);
    assert.deepEqual(found(criminal, 'Gisteren 340 arrestaties bij de rellen'), []);
  });

  it('treats a suspect in a policy discussion as work', () => {
    assert.deepEqual(found(criminal, 'Hoe gaan we in het protocol om met een verdachte bij de teststraat?'), []);
    assert.deepEqual(found(criminal, 'Verdachte gevallen graag melden bij de GGD'), []);
  });
});
