import * as assert from 'node:assert/strict';
import { scanMessage } from '../../../src/server/detectors';
import { personName } from '../../../src/server/detectors/name';
import { ctx, found, msg, policy, run } from './helpers';

describe('detectors: name', () => {
  it('suggests a first name with a relation cue, with its evidence', () => {
    const flags = run(personName, 'Mijn buurvrouw Sanne heeft taart gebakken');
    assert.equal(flags.length, 1);
    assert.equal(flags[0].category, 'AVG');
    assert.equal(flags[0].rule, 'name');
    assert.equal(flags[0].confidence, 0.6);
    assert.equal(flags[0].explanation, '"Sanne": a name after "buurvrouw" (a private individual?)');
  });

  it('takes a full name with particles, higher than a first name alone', () => {
    assert.deepEqual(found(personName, 'Gisteren Sanne de Vries gesproken'), ['Sanne de Vries']);
    assert.deepEqual(found(personName, 'Weet je nog Jan van der Berg?'), ['Jan van der Berg']);
    assert.deepEqual(found(personName, 'Het was Jan Willem Jansen-de Wit'), ['Jan Willem Jansen-de Wit']);
    assert.deepEqual(found(personName, 'Kees van de overkant is verhuisd'), ['Kees'], 'a lower-case word is no surname');
    const full = run(personName, 'Gisteren Sanne Visser gesproken')[0].confidence;
    const single = run(personName, 'Gisteren Sanne gesproken')[0].confidence;
    assert.ok(full > single && single >= 0.3 && full <= 0.6, `${full} ${single}`);
  });

  it('finds a capitalised word after a cue even when it is not on the list', () => {
    assert.deepEqual(found(personName, 'Tante Riet stuurt elke ochtend een gedichtje'), ['Riet']);
    assert.deepEqual(found(personName, 'Melding: patiënt Xandro Prins belt steeds'), ['Xandro Prins']);
    assert.deepEqual(found(personName, 'Graag overmaken t.n.v. Dewi Kok.'), ['Dewi Kok']);
    assert.deepEqual(found(personName, 'Gisteren met Jayden en Xandro naar de film'), ['Jayden', 'Xandro']);
  });

  it('leaves names that are also words alone without more evidence', () => {
    assert.deepEqual(found(personName, 'Ben je er morgen?'), []);
    assert.deepEqual(found(personName, 'ik ben er morgen'), []);
    assert.deepEqual(found(personName, 'Roos en tulpen in de tuin'), []);
    assert.deepEqual(found(personName, 'Het is in het Frans geschreven'), []);
    assert.deepEqual(found(personName, 'Hebben jullie Bas al ontmoet?'), ['Bas'], 'a capital mid-sentence is a name');
    assert.deepEqual(found(personName, 'Mark Visser belde'), ['Mark Visser']);
    assert.deepEqual(found(personName, 'De GGD en RIVM'), []);
  });

  it('leaves colleagues in work messages and the chat\'s participants alone', () => {
    assert.deepEqual(found(personName, 'Marieke, kun jij de notitie voor het OMT nalopen?'), []);
    assert.deepEqual(found(personName, '@Sanne kun jij dit oppakken?'), []);
    assert.deepEqual(found(personName, 'Index Bas Hendriks heeft 12 contacten opgegeven bij de GGD'), ['Bas Hendriks'], 'a full name in a work message is flagged');
    const c = ctx({ previous: msg('Ik ben er', { sender: 'Sanne de Vries' }) });
    assert.deepEqual(found(personName, 'Zullen we Sanne een kaartje sturen?', c), []);
    assert.deepEqual(found(personName, 'Zullen we Sanne een kaartje sturen?'), ['Sanne']);
  });

  it('does not take hospitals and streets for people', () => {
    assert.deepEqual(found(personName, 'Ze ligt in het Jeroen Bosch Ziekenhuis'), []);
    assert.deepEqual(found(personName, 'Hij woont aan de Jan van Galenstraat 12'), []);
    assert.deepEqual(found(personName, 'Afspraak in het Antoni van Leeuwenhoek'), []);
  });

  it('respects the never-flag list: a listed full name, and a first name alone that starts one', () => {
    const c = ctx({ policy: policy({ neverFlag: ['Hugo de Jonge'] }) });
    const flagged = (text: string) => scanMessage(msg(text), c).filter((f) => f.rule === 'name').map((f) => text.slice(f.span!.start, f.span!.end));
    assert.deepEqual(flagged('Ik sprak Hugo de Jonge gisteren'), []);
    assert.deepEqual(flagged('Ik sprak Hugo gisteren'), []);
    assert.deepEqual(flagged('Ik sprak Hugo de Vries gisteren'), ['Hugo de Vries']);
  });

  it('uses a policy\'s first names and languages', () => {
    assert.deepEqual(found(personName, 'Gisteren Zwaantje gezien'), []);
    assert.deepEqual(found(personName, 'Gisteren Zwaantje gezien', ctx({ policy: policy({ wordLists: { firstNames: { nl: ['Zwaantje'] } } }) })), ['Zwaantje']);
    assert.deepEqual(found(personName, 'Gisteren James gezien', ctx({ policy: policy({ languages: ['nl'] }) })), []);
    assert.deepEqual(found(personName, 'Gisteren James gezien'), ['James']);
  });
});
