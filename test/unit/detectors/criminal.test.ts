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
});
