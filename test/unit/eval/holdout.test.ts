import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, CorpusMessage, GOLD_RULES, HOLDOUT_DIR, HOLDOUT_POLICY_FILE, loadCorpus, MESSAGE_LEVEL_RULES, ROOT } from '../../../scripts/eval/corpus';
import { Policy } from '../../../src/model/policy';
import { buildHoldout } from '../../eval/holdout/build';
import { bsnValid, ibanValid, makeBadBsn, makeBadIban, makeBsn, makeIban } from '../../eval/holdout/identifiers';

describe('eval: the hold-out corpus', () => {
  const { manifest, conversations } = loadCorpus(HOLDOUT_DIR);
  const messages = conversations.flatMap((c) => c.messages);
  const policy = Policy.parse(JSON.parse(readFileSync(HOLDOUT_POLICY_FILE, 'utf8')));

  it('validates against the same schema as the main corpus: 600–800 messages in 4–6 conversations', () => {
    for (const m of messages) assert.equal(CorpusMessage.safeParse(m).success, true, m.id);
    assert.ok(messages.length >= 600 && messages.length <= 800, `${messages.length} messages`);
    assert.ok(conversations.length >= 4 && conversations.length <= 6, `${conversations.length} conversations`);
    assert.equal(messages.length, manifest.conversations.reduce((n, c) => n + c.messages, 0));
    const files = readdirSync(HOLDOUT_DIR).filter((f) => f.endsWith('.jsonl')).sort();
    assert.deepEqual(files, manifest.conversations.map((c) => c.file).sort());
  });

  it('has unique message ids, none shared with the main corpus', () => {
    const ids = messages.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
    const main = new Set(loadCorpus(CORPUS_DIR).conversations.flatMap((c) => c.messages.map((m) => m.id)));
    for (const id of ids) assert.ok(!main.has(id), `${id} is also a main-corpus id`);
  });

  it('has every span inside its message with the text it claims, and valid rule/category pairs', () => {
    for (const m of messages) {
      for (const l of m.labels) {
        assert.equal(GOLD_RULES[l.rule], l.category, `${m.id}: ${l.rule}/${l.category}`);
        if (MESSAGE_LEVEL_RULES.has(l.rule)) {
          assert.equal(l.span, null, m.id);
          continue;
        }
        assert.ok(l.span && l.span.end <= m.text.length, m.id);
        assert.equal(m.text.slice(l.span.start, l.span.end), l.text, m.id);
      }
    }
  });

  it('has valid identifiers where labelled (11-test, mod 97), and the generators make near misses that fail', () => {
    for (const m of messages) {
      for (const l of m.labels) {
        if (l.rule === 'bsn') assert.ok(bsnValid(l.text!.replace(/\D/g, '')), `${m.id}: ${l.text}`);
        if (l.rule === 'iban') assert.ok(ibanValid(l.text!), `${m.id}: ${l.text}`);
      }
    }
    assert.equal(bsnValid('111222333'), true); // a textbook 11-test number
    assert.equal(ibanValid('NL91 ABNA 0417 1643 00'), true); // the ISO 13616 example
    assert.equal(ibanValid('NL92 ABNA 0417 1643 00'), false);
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      assert.ok(bsnValid(makeBsn(key)) && !bsnValid(makeBadBsn(key)), key);
      for (const [cc, bank] of [['NL', 'RABO'], ['BE', '539'], ['DE', '37040044']]) assert.ok(ibanValid(makeIban(key, cc, bank)) && !ibanValid(makeBadIban(key, cc, bank)), `${key} ${cc}`);
    }
  });

  it('labels period exactly outside the hold-out policy\'s period, and bulk-pii exactly from three phone/e-mail labels', () => {
    for (const m of messages) {
      const day = m.timestamp.slice(0, 10);
      const outside = day < policy.period.start || (policy.period.end !== null && day > policy.period.end);
      assert.equal(m.labels.some((l) => l.rule === 'period'), outside, `${m.id} ${m.timestamp}`);
      const contacts = m.labels.filter((l) => l.rule === 'phone' || l.rule === 'email').length;
      assert.equal(m.labels.some((l) => l.rule === 'bulk-pii'), contacts >= 3, m.id);
      assert.ok(!(m.labels.some((l) => l.rule === 'private') && m.labels.some((l) => l.rule === 'topic')), `${m.id}: privé and topic stay apart`);
    }
  });

  it('never labels a never-flag name (officials in role, the chat participants) as a name', () => {
    const never = new Set(policy.neverFlag.map((n) => n.toLowerCase()));
    for (const m of messages) for (const l of m.labels) if (l.rule === 'name') assert.ok(!never.has(l.text!.toLowerCase()), `${m.id}: ${l.text}`);
  });

  it('is what the builder writes: rebuilding gives identical files, twice in one process', () => {
    const a = buildHoldout();
    const b = buildHoldout();
    assert.deepEqual([...a.keys()].sort(), ['manifest.json', ...manifest.conversations.map((c) => c.file)].sort());
    for (const [name, content] of a) {
      assert.ok(b.get(name) === content, `${name}: two builds differ`);
      assert.ok(readFileSync(join(HOLDOUT_DIR, name), 'utf8') === content, `${name} differs: run npx tsx test/eval/holdout/build.ts`);
    }
  });

  it('passes build.ts --check', function () {
    this.timeout(30000);
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(HOLDOUT_DIR, 'build.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.match(out, /up to date/);
  });
});
