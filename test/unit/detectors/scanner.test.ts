import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_POLICY } from '../../../src/model';
import { ConversationScanner, participantKeys, scanConversation, type ScanMessage } from '../../../src/server/detectors';

const CORPUS = path.join(__dirname, '..', '..', 'eval', 'corpus');

function conversation(file: string): ScanMessage[] {
  return fs.readFileSync(path.join(CORPUS, file), 'utf8').trim().split('\n').map((l) => {
    const m = JSON.parse(l) as ScanMessage;
    return { id: m.id, timestamp: m.timestamp, precision: m.precision, sender: m.sender, kind: m.kind, text: m.text };
  });
}

describe('ConversationScanner (streaming, as the CLI scans)', () => {
  for (const file of ['c06-dg-overleg.jsonl', 'c08-collegas-informeel.jsonl']) {
    it(`gives the flags of scanConversation, message by message (${file})`, () => {
      const messages = conversation(file);
      assert.ok(messages.length > 256, 'long enough for the scanner to drop messages it is done with');
      const participants = participantKeys(new Set(messages.map((m) => m.sender ?? '').filter(Boolean)));
      const whole = scanConversation(messages, DEFAULT_POLICY, participants);
      const scanner = new ConversationScanner(DEFAULT_POLICY, participants);
      const streamed = [...messages.flatMap((m) => scanner.push(m)), ...scanner.end()];
      assert.ok(whole.some((f) => f.rule === 'topic') && whole.some((f) => f.rule === 'private'), 'context rules fire here');
      assert.deepEqual(streamed, whole);
    });
  }

  it('a participant named in a message is no private individual; the same name elsewhere is', () => {
    const m = (id: string, sender: string, text: string): ScanMessage => ({ id, timestamp: '2020-03-16T10:00:00', precision: 'minute', sender, kind: 'message', text });
    const messages = [
      m('m000001', 'Piet Jansen', 'Zin in het weekend, Sanne Visser komt ook.'),
      m('m000002', 'Anna de Vries', 'Leuk! Zeg Piet Jansen dat hij de taart meeneemt.'),
    ];
    const names = (p?: ReadonlySet<string>) => scanConversation(messages, DEFAULT_POLICY, p).filter((f) => f.rule === 'name').map((f) => f.id);
    const known = participantKeys(['Piet Jansen', 'Anna de Vries']);
    assert.deepEqual(names(known), ['m000001']);
    assert.ok(names(undefined).includes('m000002'), 'without the participants, the full name is a suggestion');
  });
});
