import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_POLICY, Flag, RULE_IDS } from '../../../src/model';
import { DetectorRegistry, scanConversation, scanMessage } from '../../../src/server/detectors';
import { ctx, msg, policy } from './helpers';

const SAMPLE = 'Mijn BSN is 111222333, bel 06-12345678 of mail piet@gmail.com. Mijn moeder ligt in het ziekenhuis. Zin in het weekend!';

describe('detectors: registry and scan', () => {
  it('has one detector per rule id the policy can name', () => {
    const ids = DetectorRegistry.map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), [...RULE_IDS].sort());
  });

  it('orders flags by registry order, then span start, and they are valid Flags', () => {
    const m = msg(SAMPLE, { timestamp: '2019-01-01T10:00:00' });
    const flags = scanMessage(m, ctx());
    assert.deepEqual(flags.map((f) => f.rule), ['bsn', 'phone', 'email', 'health', 'private', 'period']);
    const order = DetectorRegistry.map((d) => d.id);
    for (let i = 1; i < flags.length; i++) {
      const a = order.indexOf(flags[i - 1].rule);
      const b = order.indexOf(flags[i].rule);
      assert.ok(a < b || (a === b && (flags[i - 1].span?.start ?? -1) <= (flags[i].span?.start ?? -1)));
    }
    for (const f of flags) {
      Flag.parse(f);
      assert.ok(f.confidence >= 0 && f.confidence <= 1);
      if (f.span) assert.ok(f.span.end <= SAMPLE.length && f.span.start < f.span.end);
    }
    assert.ok(flags.every((f) => f.id === m.id), 'a flag carries its message id');
    const keys = flags.map((f) => `${f.rule}:${f.span?.start ?? '-'}`);
    assert.equal(new Set(keys).size, keys.length, 'rule and span tell flags apart');
  });

  it('is deterministic', () => {
    const a = scanMessage(msg(SAMPLE, { id: 'm000001' }), ctx());
    const b = scanMessage(msg(SAMPLE, { id: 'm000001' }), ctx());
    assert.deepEqual(a, b);
  });

  it('respects rules switched off', () => {
    const c = ctx({ policy: policy({ rules: { bsn: { enabled: false }, private: { enabled: false }, health: { enabled: false } } }) });
    assert.deepEqual(scanMessage(msg(SAMPLE), c).map((f) => f.rule), ['phone', 'email']);
  });

  it('never flags the names of officials in their role', () => {
    const c = ctx({ policy: policy({ neverFlag: ['Hugo de Jonge'] }) });
    // An address at a private mail provider is private, whoever it belongs to.
    assert.deepEqual(scanMessage(msg('Mail hugo.dejonge@gmail.com of piet@gmail.com'), c).map((f) => f.rule + ' ' + f.explanation.split(' ')[2]), ['email hugo.dejonge@gmail.com', 'email piet@gmail.com']);
    assert.deepEqual(scanMessage(msg('Mail hugo.dejonge@bedrijf.nl of Hugo de Jonge zelf'), c).map((f) => f.rule), [], 'his role address and his name');
    assert.deepEqual(scanMessage(msg('Mail h.dejonge@bedrijf.nl of j.dejonge@bedrijf.nl'), c).map((f) => f.explanation.split(' ')[2]), ['j.dejonge@bedrijf.nl'], 'initial and surname');
  });

  it('applies alwaysFlag terms through the registry', () => {
    const c = ctx({ policy: policy({ alwaysFlag: [{ term: 'Project Eik', category: 'scope' }] }) });
    assert.deepEqual(scanMessage(msg('Stand van Project Eik?'), c).map((f) => [f.rule, f.category]), [['always', 'scope']]);
  });

  it('scans a conversation with neighbours, in message order', () => {
    const messages = [
      msg('Akkoord.', { timestamp: '2020-03-16T10:04:00' }),
      msg('Bel 06-12345678', { timestamp: '2020-03-16T10:04:00' }),
      msg('Zin in het weekend!', { timestamp: '2020-03-16T10:05:00', precision: 'second' }),
    ];
    const flags = scanConversation(messages, DEFAULT_POLICY);
    assert.deepEqual(flags.map((f) => `${f.id} ${f.rule}`), [
      `${messages[0].id} same-minute`,
      `${messages[1].id} phone`,
      `${messages[1].id} same-minute`,
      `${messages[2].id} private`,
    ]);
  });

  it('survives arbitrary text: valid flags, spans inside the text', () => {
    // Seeded mix of fragments that exercise every rule, glued with odd separators.
    const pieces = ['06-', '12345678', '+31', ' (0)', '111.222.333', 'NL91', 'ABNA', '0417164300', '@', 'gmail.com', 'Kerkstraat', ' 12a', '1234 AB',
      'geboren', '12-03-1980', 'GF-123-H', 'ziekenhuis', 'mijn moeder', 'weekend', 'OMT', '😂', 'é', '\n', ' ', '-', '.', ',', '(', ')', 'İ', '\u0301', 'x'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const k = 1 + Math.floor(rnd() * 12);
      for (let j = 0; j < k; j++) text += pieces[Math.floor(rnd() * pieces.length)];
      for (const f of scanMessage(msg(text), ctx())) {
        Flag.parse(f);
        if (f.span) assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start < f.span.end, `${JSON.stringify(text)} ${f.rule}`);
      }
    }
  });

  it('imports neither vscode nor the client', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'src', 'server', 'detectors');
    for (const file of fs.readdirSync(dir)) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.doesNotMatch(source, /from ['"]vscode['"]|require\(['"]vscode['"]\)|\/client\//, file);
    }
  });
});
