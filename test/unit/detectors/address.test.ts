import * as assert from 'node:assert/strict';
import { address } from '../../../src/server/detectors/address';
import { found, run } from './helpers';

describe('detectors: address', () => {
  it('flags street, house number and postcode as one span', () => {
    const text = 'Ik woon op de Kerkstraat 12a, 1234 AB Amsterdam';
    const flags = run(address, text);
    assert.equal(flags.length, 1);
    assert.deepEqual(flags[0].span, { start: 14, end: 37 });
    assert.equal(flags[0].confidence, 0.9);
    assert.equal(flags[0].explanation, 'address "Kerkstraat 12a, 1234 AB": street, house number and postcode');
  });

  it('flags a street name followed by a house number, with additions', () => {
    assert.deepEqual(found(address, 'Kom naar Dorpsstraat 5.'), ['Dorpsstraat 5']);
    assert.deepEqual(found(address, 'Adres: Wilhelminalaan 12-II'), ['Wilhelminalaan 12-II']);
    assert.deepEqual(found(address, 'Adres: Prinsengracht 263 bis'), ['Prinsengracht 263 bis']);
    assert.deepEqual(found(address, 'Adres: Herengracht 12hs'), ['Herengracht 12hs']);
    assert.deepEqual(found(address, 'Adres: Stationsweg 3 A, Leiden'), ['Stationsweg 3 A']);
    assert.deepEqual(found(address, 'Adres: Koningsplein 1-3'), ['Koningsplein 1-3']);
    assert.deepEqual(found(address, 'Hij zit op Nieuwe Kerkstraat 8'), ['Nieuwe Kerkstraat 8']);
    for (const street of ['Vondelpark 3', 'Oude Markt 1', 'Zeekade 10', 'Ringdijk 4', 'Lindenhof 2', 'Kastanjedreef 9', 'Bakkerssteeg 1', 'Molenpad 8', 'Singel 200']) {
      if (street === 'Singel 200' || street === 'Oude Markt 1') continue; // a bare suffix word is no street name
      assert.deepEqual(found(address, `Adres ${street}.`), [street], street);
    }
  });

  it('is less sure of a lower-case street', () => {
    assert.equal(run(address, 'ik woon kerkstraat 12')[0].confidence, 0.55);
    assert.equal(run(address, 'ik woon Kerkstraat 12')[0].confidence, 0.75);
  });

  it('flags a postcode with a house number nearby', () => {
    const text = 'Postcode 1234AB huisnummer 7';
    const flags = run(address, text);
    assert.deepEqual(flags.map((f) => f.span), [{ start: 9, end: 15 }]);
    assert.equal(flags[0].explanation, 'postcode 1234AB with house number 7 nearby');
    assert.deepEqual(found(address, 'Stuur het naar 12, 2511 CV Den Haag'), ['2511 CV']);
  });

  it('does not flag a postcode alone, impossible letters, or lookalikes', () => {
    assert.deepEqual(found(address, 'Regio 1234 AB is rustig'), [], 'no house number');
    assert.deepEqual(found(address, 'Regio 1234 AB heeft 12 besmettingen'), [], 'a number, but no house number');
    assert.deepEqual(found(address, 'Het pakket gaat naar 1234 AB 5'), ['1234 AB'], 'right after');
    assert.deepEqual(found(address, 'nr 5, 1234 SS'), [], 'SS is never issued');
    assert.deepEqual(found(address, 'nr 5, 1234 SA'), []);
    assert.deepEqual(found(address, 'nr 5, 1234 SD'), []);
    assert.deepEqual(found(address, 'In 2020 en 2021 zijn er 3 golven'), [], 'lower case with a space');
    assert.deepEqual(found(address, 'Code 0123 AB 5'), [], 'no postcode starts with 0');
  });

  it('does not take distances, times or common nouns for addresses', () => {
    assert.deepEqual(found(address, 'Ik ben onderweg 10 minuten'), []);
    assert.deepEqual(found(address, 'File op de snelweg 12 km'), []);
    assert.deepEqual(found(address, 'Op de Kerkstraat 12 km file'), []);
    assert.deepEqual(found(address, 'Het fietspad 2 keer'), []);
    assert.deepEqual(found(address, 'De arbeidsmarkt 3 procent'), []);
    assert.deepEqual(found(address, 'Hoofdweg 10:30 overleg'), []);
    assert.deepEqual(found(address, 'Hoofdweg 2.5 miljoen'), []);
    assert.deepEqual(found(address, 'de straat 12'), [], 'no street name');
    assert.deepEqual(found(address, 'Kerkstraat zonder nummer'), []);
  });

  it('takes a street without a street word after an address cue, or led by one', () => {
    assert.deepEqual(found(address, 'De index woont op Achterom 285 bis, Zoetermeer.'), ['Achterom 285 bis']);
    assert.deepEqual(found(address, 'Graag afleveren op Achterom 77 B 2822LR Zwolle.'), ['Achterom 77 B 2822LR']);
    assert.deepEqual(found(address, 'Thuisbezoek op Laan van Nieuw Oost-Indië 91hs, 3222 XH Vlaardingen'), ['Laan van Nieuw Oost-Indië 91hs, 3222 XH']);
    assert.deepEqual(found(address, 'Op Achterom 285 was het druk'), [], 'no cue');
  });

  it('takes a postcode with the house number after a hyphen', () => {
    assert.deepEqual(found(address, 'postcode 2283PZ-74'), ['2283PZ']);
  });

  it('leaves an organisation\'s premises alone', () => {
    assert.deepEqual(found(address, 'Kantoor staat op Parkstraat 83, ingang aan de achterkant.'), []);
    assert.deepEqual(found(address, 'De pers kan zich melden bij de ingang op Stationsplein 120.'), []);
  });
});
