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

  it('matches Dutch plurals, diminutives and spelling alternations', () => {
    assert.deepEqual(found(health, 'Ze kreeg een operatietje'), ['operatietje']);
    assert.deepEqual(found(health, 'Ik moet nog een pilletje nemen'), ['pilletje']);
    assert.deepEqual(found(health, 'De pillen liggen klaar'), ['pillen']);
    assert.deepEqual(found(health, 'Mijn vader heeft twee operaties gehad'), ['operaties']);
    assert.deepEqual(found(health, 'Ik heb longontstekingen gehad'), ['longontstekingen']);
    assert.deepEqual(found(health, 'Ze is erg depressieve geweest'), ['depressieve']);
    assert.deepEqual(found(health, 'Zij had twee miskramen'), ['miskramen']);
    assert.deepEqual(found(health, 'Mijn moeder en haar medicijntjes'), ['medicijntjes']);
    assert.deepEqual(found(health, 'Mijn zoon had burn-outs'), ['burn-outs']);
    assert.deepEqual(found(health, 'Een biertje of een pils?'), [], '"pils" is no plural of "pil"');
  });

  it('matches compounds: list suffixes and a body part before a medical head', () => {
    assert.deepEqual(found(health, 'Mijn oom heeft darmkanker'), ['darmkanker']);
    assert.deepEqual(found(health, 'Mijn vader had een hartoperatie'), ['hartoperatie']);
    assert.deepEqual(found(health, 'Ik heb al weken rugpijn'), ['rugpijn']);
    assert.deepEqual(found(health, 'Zijn sleutelbeenbreuk is genezen'), ['sleutelbeenbreuk']);
    assert.deepEqual(found(health, 'Morgen een darmspiegeling'), ['darmspiegeling']);
    assert.deepEqual(found(health, 'Ze heeft een blaasontsteking'), ['blaasontsteking']);
    assert.deepEqual(found(health, 'Na zijn knieoperaties loopt hij weer'), ['knieoperaties']);
    for (const text of ['De reddingsoperatie is gestart', 'Het hoofdprobleem is de planning', 'Dat staat in het vooronderzoek', 'Een contractbreuk dreigt']) {
      assert.deepEqual(found(health, text), [], text);
    }
  });

  it('leaves negated mentions alone, within a short window', () => {
    for (const text of ['Ik ben niet ziek', 'Ik heb geen koorts meer', 'Gelukkig negatief getest op corona', 'Ik heb gelukkig geen corona',
      'Corona-test was negatief, ik kom morgen gewoon', 'Geen last van hoofdpijn', "I'm not sick", 'Ik heb geen hoge koorts']) {
      assert.deepEqual(found(health, text), [], text);
    }
    assert.deepEqual(found(health, 'Ik weet niet of ze nog ziek is'), ['ziek'], 'the negator is too far away');
    assert.deepEqual(found(health, 'Mijn vrouw positief, ik negatief'), ['positief'], 'another clause');
    assert.deepEqual(found(health, 'Niet naar kantoor, ik heb koorts'), ['koorts']);
  });

  it('treats counts and quantities as statistics unless someone is named', () => {
    for (const text of ['Het aantal zieken stijgt', 'Er liggen 56 mensen opgenomen op de IC', 'Veel zieken in Brabant', '1.234 besmet vandaag']) {
      assert.deepEqual(found(health, text), [], text);
    }
    assert.deepEqual(found(health, 'Ik heb veel pijn in mijn rug'), ['pijn in']);
  });

  it('needs a first-person cue close by in a work message', () => {
    assert.deepEqual(found(health, 'Ik heb met het ziekenhuis gebeld over de levering van mondkapjes'), []);
    assert.deepEqual(found(health, 'Ik lig in het ziekenhuis, de notitie moet iemand anders doen').length, 1);
  });
});
