import * as assert from 'node:assert/strict';
import { DEFAULT_POLICY, type Flag } from '../../../src/model';
import { contextAt, scanConversation, scanMessage } from '../../../src/server/detectors';
import { topic } from '../../../src/server/detectors/topic';
import type { ScanMessage } from '../../../src/server/detectors/types';
import { ctx, msg, run } from './helpers';

/** A conversation of texts, one minute apart. */
function chat(...texts: string[]): ScanMessage[] {
  return texts.map((text, i) => msg(text, { timestamp: `2020-03-16T10:${String(i).padStart(2, '0')}:00`, precision: 'second' }));
}

/** The rules that flagged each message (only `rules`), in order. */
function byMessage(messages: ScanMessage[], rules: string[]): string[][] {
  const flags = scanConversation(messages, DEFAULT_POLICY);
  return messages.map((m) => flags.filter((f) => f.id === m.id && rules.includes(f.rule)).map((f) => f.rule));
}

describe('detectors: topic (crisis relevance)', () => {
  it('flags another dossier, with the score and its evidence', () => {
    const flags = run(topic, 'De stikstofnotitie moet deze week naar de Kamer, wie heeft de laatste versie?');
    assert.equal(flags.length, 1);
    assert.equal(flags[0].category, 'scope');
    assert.equal(flags[0].span, null);
    assert.match(flags[0].explanation, /^crisis relevance 0\.20 \(no crisis vocabulary; process words "versie"; another dossier: "stikstofnotitie"; neighbours: previous –, next –\): not about the crisis\?$/);
    assert.ok(flags[0].confidence >= 0.3 && flags[0].confidence <= 0.65);
  });

  it('names the neighbours\' scores', () => {
    const m = chat('Kamerbrief over de teststraten gaat vrijdag uit.', 'De verbouwing van de vierde verdieping begint maandag.', 'Prima');
    const flag = scanConversation(m, DEFAULT_POLICY).find((f) => f.id === m[1].id && f.rule === 'topic')!;
    assert.match(flag.explanation, /; neighbours: previous 1\.00, next a reply\): not about the crisis\?$/);
  });

  it('leaves crisis work alone, with or without keywords', () => {
    for (const text of [
      'Kamerbrief over de teststraten gaat vrijdag uit.',
      'Stuk ligt bij de SG, reactie voor 16:00',
      'Ik zit in de trein, ben er over twintig minuten.',
      'De GGD wil de renovatie van de teststraat uitstellen tot na de piek.',
    ]) assert.deepEqual(run(topic, text), [], text);
  });

  it('gives a short reply the standing of the message it answers', () => {
    const off = chat('De bouwvergunning voor het nieuwe kantoor is verleend.', 'ok, doe ik', '👍');
    assert.deepEqual(byMessage(off, ['topic']), [['topic'], ['topic'], ['topic']]);
    const on = chat('Kamerbrief over de vaccinatiestrategie: graag reactie voor 12:00.', 'ok, doe ik', '👍');
    assert.deepEqual(byMessage(on, ['topic']), [[], [], []]);
    const flags = scanConversation(off, DEFAULT_POLICY).filter((f) => f.id === off[1].id);
    assert.match(flags[0].explanation, new RegExp(`a short reply to ${off[0].id}: no crisis vocabulary; process words "kantoor"; another dossier: "bouwvergunning"`));
  });

  it('looks up to three messages back, past other replies, and no further', () => {
    const m = chat('Renovatie van de vierde verdieping begint in december.', 'Prima', 'Ok', 'Mee eens', 'Top');
    assert.deepEqual(byMessage(m, ['topic']), [['topic'], ['topic'], ['topic'], ['topic'], []]);
  });

  it('leaves privé messages to the privé rule, and their replies too', () => {
    const m = chat('Zin in het weekend! Zaterdag BBQ bij ons?', 'Leuk!', 'Wat gezellig');
    assert.deepEqual(byMessage(m, ['topic', 'private']), [['private'], ['private'], ['private']]);
    const work = chat('Persbericht over de vaccinatiecampagne gaat om 10:00 uit.', 'Sterkte!', 'Balen zeg');
    assert.deepEqual(byMessage(work, ['topic', 'private']), [[], [], []], 'sympathy in a work thread is nothing');
  });

  it('gives message by message with contextAt what a whole scan gives', () => {
    const m = chat('Renovatie van de vierde verdieping begint in december.', 'Prima', 'Ok', 'Zin in het weekend!', 'Haha', 'Mee eens');
    const one = m.flatMap((x, i) => scanMessage(x, contextAt(m, i, DEFAULT_POLICY)));
    assert.deepEqual(one, scanConversation(m, DEFAULT_POLICY));
  });

  it('works from previous and next alone when there is no window', () => {
    const [a, b] = chat('De stikstofnotitie moet naar de Kamer.', 'Akkoord');
    const flags = scanMessage(b, ctx({ previous: a }));
    assert.deepEqual(flags.map((f) => f.rule), ['topic']);
  });

  it('is deterministic: the same conversation and policy give the same flags', () => {
    const texts = ['De stikstofnotitie moet naar de Kamer.', 'Akkoord', 'Mijn buurvrouw Sanne ligt in het ziekenhuis', 'Sterkte!',
      'BSN 111222333', 'Zin in het weekend!', 'Haha', 'OMT om 9:00', 'ok'];
    const once = (): Flag[] => scanConversation(chat(...texts).map((m, i) => ({ ...m, id: `m${i}` })), DEFAULT_POLICY);
    const first = once();
    // Other work in between must not matter (memo, caches).
    scanConversation(chat('iets heel anders', 'Renovatie', 'ok'), DEFAULT_POLICY);
    assert.deepEqual(once(), first);
    assert.ok(first.some((f) => f.rule === 'topic') && first.some((f) => f.rule === 'name') && first.some((f) => f.rule === 'private'));
  });
});
