import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { policyJsonSchema } from '../../../src/model/policySchema';
import { DEFAULT_POLICY, lineColumn, parsePolicy, parseSettings, policyBaseFromSettings, policyFromSettings, policySha256, readPolicyText, RULE_IDS, scanFlagsForTest, WORD_LISTS } from './policySupport';

describe('policy', () => {
  it('defaults to POLICY.md: period from 2019-12-15, every rule on, 20 + 20 spot checks', () => {
    assert.equal(DEFAULT_POLICY.period.start, '2019-12-15');
    assert.equal(DEFAULT_POLICY.period.end, null);
    assert.deepEqual(DEFAULT_POLICY.rules, {});
    assert.deepEqual(DEFAULT_POLICY.spotCheck, { removed: 20, kept: 20 });
    assert.deepEqual(DEFAULT_POLICY.languages, ['nl', 'en']);
  });

  it('names the path and the reason of every problem', () => {
    const r = parsePolicy({ perod: {}, period: { start: '15-12-2019' }, rules: { bsm: { enabled: false } }, wordLists: { health: { nl: ['lo(ng)+'] } } });
    assert.equal(r.ok, false);
    if (r.ok) return;
    const by = new Map(r.problems.map((p) => [p.path.join('.'), p.message]));
    assert.match(by.get('') ?? '', /unknown field "perod"/);
    assert.match(by.get('period.start') ?? '', /YYYY-MM-DD/);
    assert.match(by.get('rules.bsm') ?? by.get('rules') ?? '', /unknown rule|bsn/);
    assert.match(by.get('wordLists.health.nl.0') ?? '', /letters, digits/);
  });

  it('refuses a period that ends before it starts, and a document that is not an object', () => {
    const r = parsePolicy({ period: { start: '2021-01-01', end: '2020-01-01' } });
    assert.ok(!r.ok && r.problems[0].path.join('.') === 'period.end');
    assert.ok(!parsePolicy([]).ok);
    assert.ok(!parsePolicy(null).ok);
  });

  it('lets the file win over the settings, field by field', () => {
    const settings = parseSettings({ period: { start: '2020-01-01' }, redactionMarkers: { AVG: '[X]' }, spotCheck: { removed: 5, kept: 7 } });
    const r = parsePolicy({ period: { end: '2022-12-31' }, spotCheck: { kept: 3 } }, policyBaseFromSettings(settings));
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.deepEqual(r.policy.period, { start: '2020-01-01', end: '2022-12-31' });
    assert.deepEqual(r.policy.spotCheck, { removed: 5, kept: 3 });
    assert.equal(r.policy.markers.AVG, '[X]');
    assert.equal(policyFromSettings(settings).markers.AVG, '[X]');
  });

  it('has a sha256 that ignores key order and $schema but sees every change', () => {
    const a = parsePolicy({ neverFlag: ['Mark Visser'], period: { start: '2020-01-01' } });
    const b = parsePolicy({ period: { start: '2020-01-01' }, neverFlag: ['Mark Visser'], $schema: './x.json' });
    const c = parsePolicy({ period: { start: '2020-01-02' }, neverFlag: ['Mark Visser'] });
    assert.ok(a.ok && b.ok && c.ok);
    if (!a.ok || !b.ok || !c.ok) return;
    assert.match(policySha256(a.policy), /^[0-9a-f]{64}$/);
    assert.equal(policySha256(a.policy), policySha256(b.policy));
    assert.notEqual(policySha256(a.policy), policySha256(c.policy));
    assert.notEqual(policySha256(a.policy), policySha256(DEFAULT_POLICY));
  });

  it('re-categorises and thresholds a rule\'s flags, and switches rules off', () => {
    const text = 'BSN 111222333 en IBAN NL91ABNA0417164300';
    const r = parsePolicy({ rules: { bsn: { category: 'scope' }, iban: { minConfidence: 1 } } });
    assert.ok(r.ok);
    if (!r.ok) return;
    const flags = scanFlagsForTest(text, r.policy);
    assert.deepEqual(flags.map((f) => [f.rule, f.category]), [['bsn', 'scope']]);
    const off = parsePolicy({ rules: { bsn: { enabled: false } } });
    assert.ok(off.ok);
    if (off.ok) assert.deepEqual(scanFlagsForTest(text, off.policy).map((f) => f.rule), ['iban']);
  });
});

describe('policy file', () => {
  const at = (text: string, p: { offset: number; length: number }) => text.slice(p.offset, p.offset + p.length);

  it('reads a valid file (comments allowed) into the policy in force, with its sha256', () => {
    const text = '{\n  // ours\n  "name": "Crisisarchief",\n  "neverFlag": ["Mark Visser"]\n}\n';
    const p = readPolicyText(text, '.chatreview/policy.json');
    assert.deepEqual(p.problems, []);
    assert.equal(p.source, '.chatreview/policy.json');
    assert.equal(p.policy.name, 'Crisisarchief');
    assert.equal(p.sha256, policySha256(p.policy));
  });

  it('places each problem at the value or key it is about, and falls back to the built-in policy', () => {
    const text = '{\n  "perod": {},\n  "period": { "start": "15-12-2019" },\n  "rules": { "bsm": { "enabled": false } }\n}';
    const p = readPolicyText(text, 'policy.json', { period: { start: '2020-02-02' } });
    assert.equal(p.source, 'built-in');
    assert.equal(p.policy.period.start, '2020-02-02');
    const placed = Object.fromEntries(p.problems.map((x) => [x.message.split(':')[0], at(text, x)]));
    assert.equal(placed['unknown field "perod"'], '"perod"');
    assert.equal(placed['period.start'], '"15-12-2019"');
    assert.ok(p.problems.some((x) => /unknown rule "bsm"/.test(x.message) && at(text, x) === '"bsm"'), JSON.stringify(p.problems));
  });

  it('says where the JSON is broken, and that an empty file is not a policy', () => {
    const text = '{ "name": "x", }';
    const p = readPolicyText(text, 'policy.json');
    assert.equal(p.problems.length, 1);
    assert.match(p.problems[0].message, /^JSON: /);
    assert.deepEqual(lineColumn(text, p.problems[0].offset), { line: 1, column: 16 });
    assert.match(readPolicyText('', 'policy.json').problems[0].message, /empty/);
    assert.match(readPolicyText('\ufeff[1]', 'policy.json').problems[0].message, /JSON object/);
  });
});

describe('policy JSON schema', () => {
  it('schemas/policy.schema.json is current (npm run schema rewrites it)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'policy.schema.json'), 'utf8');
    assert.equal(committed, policyJsonSchema());
  });

  it('completes every rule and word list by name', () => {
    const schema = JSON.parse(policyJsonSchema());
    assert.deepEqual(Object.keys(schema.properties.rules.properties), [...RULE_IDS]);
    assert.deepEqual(Object.keys(schema.properties.wordLists.properties), [...WORD_LISTS]);
    assert.equal(schema.additionalProperties, false);
  });
});
