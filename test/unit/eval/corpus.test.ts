import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, CorpusMessage, GOLD_RULE_IDS, loadCorpus, POLICY_FILE } from '../../../scripts/eval/corpus';
import { Policy } from '../../../src/model/policy';
import { generateCorpus } from '../../eval/corpus/generate';
import { elevenTestOk, ibanOk } from '../../eval/corpus/identifiers';

describe('eval: the labelled corpus', () => {
  const { manifest, conversations } = loadCorpus();
  const messages = conversations.flatMap((c) => c.messages);

  it('validates against the schema and holds at least 2,000 messages in several conversations', () => {
    assert.ok(messages.length >= 2000, `${messages.length} messages`);
    assert.ok(conversations.length >= 5);
    assert.equal(messages.length, manifest.conversations.reduce((n, c) => n + c.messages, 0));
  });

  it('rejects a label whose text drifted from its span, a span past the text, and a wrong category', () => {
    const base = { id: 'm000001', timestamp: '2020-03-01T10:00:00', precision: 'minute', sender: 'X', kind: 'message', text: 'BSN 111222333' };
    assert.equal(CorpusMessage.safeParse({ ...base, labels: [{ category: 'AVG', rule: 'bsn', span: { start: 4, end: 13 }, text: '111222333' }] }).success, true);
    assert.equal(CorpusMessage.safeParse({ ...base, labels: [{ category: 'AVG', rule: 'bsn', span: { start: 3, end: 12 }, text: '111222333' }] }).success, false);
    assert.equal(CorpusMessage.safeParse({ ...base, labels: [{ category: 'AVG', rule: 'bsn', span: { start: 4, end: 14 }, text: '111222333' }] }).success, false);
    assert.equal(CorpusMessage.safeParse({ ...base, labels: [{ category: 'privé', rule: 'bsn', span: { start: 4, end: 13 }, text: '111222333' }] }).success, false);
    assert.equal(CorpusMessage.safeParse({ ...base, labels: [{ category: 'scope', rule: 'topic', span: { start: 0, end: 3 }, text: 'BSN' }] }).success, false);
  });

  it('has every span inside its message with the text it claims', () => {
    for (const m of messages) {
      for (const l of m.labels) {
        if (!l.span) continue;
        assert.ok(l.span.end <= m.text.length, m.id);
        assert.equal(m.text.slice(l.span.start, l.span.end), l.text, m.id);
      }
    }
  });

  it('labels every rule, with enough cases for the goals to mean something', () => {
    const count = new Map<string, number>();
    for (const m of messages) for (const l of m.labels) count.set(l.rule, (count.get(l.rule) ?? 0) + 1);
    for (const rule of GOLD_RULE_IDS) assert.ok((count.get(rule) ?? 0) >= 10, `${rule}: ${count.get(rule) ?? 0}`);
    for (const rule of ['bsn', 'iban', 'phone', 'email', 'address', 'health', 'criminal', 'private']) assert.ok(count.get(rule)! >= 40, `${rule}: ${count.get(rule)}`);
  });

  it('has valid identifiers where labelled: BSNs pass the 11-test, IBANs the mod-97 check', () => {
    for (const m of messages) {
      for (const l of m.labels) {
        if (l.rule === 'bsn') assert.ok(elevenTestOk(l.text!.replace(/\D/g, '')), `${m.id}: ${l.text}`);
        if (l.rule === 'iban') assert.ok(ibanOk(l.text!), `${m.id}: ${l.text}`);
      }
    }
  });

  it('labels period exactly for the messages outside the eval policy\'s period', () => {
    const policy = Policy.parse(JSON.parse(readFileSync(POLICY_FILE, 'utf8')));
    for (const m of messages) {
      const day = m.timestamp.slice(0, 10);
      const outside = day < policy.period.start || (policy.period.end !== null && day > policy.period.end);
      assert.equal(m.labels.some((l) => l.rule === 'period'), outside, `${m.id} ${m.timestamp}`);
    }
  });

  it('is what the generator writes: regenerating gives identical files', () => {
    const files = generateCorpus();
    assert.deepEqual([...files.keys()].sort(), ['manifest.json', ...manifest.conversations.map((c) => c.file)].sort());
    for (const [name, content] of files) assert.ok(readFileSync(join(CORPUS_DIR, name), 'utf8') === content, `${name} differs: run npx tsx test/eval/corpus/generate.ts`);
  });

  it('generates the same corpus twice in one process (no hidden state)', () => {
    const a = generateCorpus();
    const b = generateCorpus();
    for (const [name, content] of a) assert.ok(b.get(name) === content, name);
  });
});
