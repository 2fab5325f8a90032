import * as assert from 'node:assert/strict';
import { health } from '../../../src/server/detectors/health';
import { found, run } from './helpers';

describe('detectors: health', () => {
  it('flags a health word about a person, naming the cue', () => {
    const text = 'Hoe gaat het met je moeder in het ziekenhuis?';
    const flags = run(health, text);
    assert.equal(flags.length, 1);
    assert.deepEqual(flags[0].span, { start: 34, end: 44 });
    assert.equal(flags[0].explanation, '"ziekenhuis" (health) about a person ("je moeder")');
    assert.equal(flags[0].confidence, 0.8);
    assert.equal(flags[0].category, 'AVG');
  });

  it('matches inflections and compounds', () => {
    assert.deepEqual(found(health, 'Mijn man heeft een longontsteking'), ['longontsteking']);
    assert.deepEqual(found(health, 'Ze ligt sinds gisteren in het Ziekenhuis.'), ['Ziekenhuis']);
    assert.deepEqual(found(health, 'Na zijn ziekenhuisopname is hij thuis'), ['ziekenhuisopname']);
    assert.deepEqual(found(health, 'Ze is zwanger!'), ['zwanger']);
    assert.deepEqual(found(health, 'Haar zwangerschapsverlof begint maandag'), ['zwangerschapsverlof']);
    assert.deepEqual(found(health, 'Ik zit thuis met een burn-out'), ['burn-out']);
    assert.deepEqual(found(health, 'Ik ben wat depressief de laatste tijd'), ['depressief']);
    assert.deepEqual(found(health, 'Hij heeft een depressie'), ['depressie']);
    assert.deepEqual(found(health, 'Mijn vader moet zijn medicijnen halen'), ['medicijnen']);
    assert.deepEqual(found(health, 'Mijn vader heeft de diagnose kanker gekregen, nu chemo'), ['diagnose', 'kanker', 'chemo']);
    assert.deepEqual(found(health, 'Zijn chemokuur is klaar'), ['chemokuur']);
    assert.deepEqual(found(health, 'De operatie van mijn vrouw is goed gegaan'), ['operatie']);
    assert.deepEqual(found(health, 'My wife is pregnant'), ['pregnant']);
  });

  it('flags COVID words only when someone has it', () => {
    assert.deepEqual(found(health, 'Ik heb corona'), ['corona']);
    assert.deepEqual(found(health, 'Mijn vrouw is positief getest'), ['positief getest']);
    assert.deepEqual(found(health, 'Corona blijft ons bezighouden'), []);
    assert.deepEqual(found(health, 'De cijfers van vandaag: 1.234 opnames, 56 op de IC.'), []);
  });

  it('does not flag crisis-work vocabulary', () => {
    for (const text of [
      'De ziekenhuiscapaciteit is bijna bereikt',
      'Ziekenhuisopnames per dag stijgen weer',
      'Er zijn nog 40 IC-bedden vrij',
      'De zorgcapaciteit in de regio is krap',
      'Persbericht over de vaccinatiecampagne gaat om 10:00 uit.',
      'Contract met het ziekenhuis is getekend',
      'Leverancier van het ziekenhuis belt terug over de levering',
      'Ik heb de notitie over de ziekenhuiscapaciteit gestuurd',
      'GGD en RIVM zijn het eens over de quarantaineregels',
      'De logistieke operatie van de GGD loopt goed',
    ]) {
      assert.deepEqual(found(health, text), [], text);
    }
  });

  it('keeps strong words in a work message, at half confidence', () => {
    const flags = run(health, 'Notitie over kanker en covid voor het OMT');
    assert.equal(flags.length, 1);
    assert.equal(flags[0].confidence, 0.35);
    assert.equal(flags[0].explanation, '"kanker" (health) in a work message ("Notitie"): check whether it is about a person');
  });

  it('flags a health word without any cue at its base weight', () => {
    const flags = run(health, 'Beetje ziek vandaag');
    assert.deepEqual(flags.map((f) => [f.confidence, f.explanation]), [[0.5, '"ziek" (health)']]);
  });

  it('does not flag words that merely contain a health word', () => {
    assert.deepEqual(found(health, 'Dat is een ziekenfonds-achtig idee'), []);
    assert.deepEqual(found(health, 'Operationeel overleg om 10:00'), []);
    assert.deepEqual(found(health, 'Wat een kankerweer vandaag'), []);
    assert.deepEqual(found(health, 'Ik ben ziekenfondsdeskundige'), [], 'ziekenfonds is no ziekenhuis');
    assert.deepEqual(found(health, 'Hij is specialist in communicatie'), []);
  });
});
