import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { DEFAULT_POLICY, parsePolicy, policySha256, type ParsedExport, type Policy } from '../../src/model';
import { LspClient, parseSample } from './lspClient';

const URI = 'chatreview:/samples/policy-test.txt';

function policy(json: unknown): Policy {
  const r = parsePolicy(json);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
}

describe('language server: the policy in force', function () {
  this.timeout(30_000);
  let client: LspClient;
  let sample: ParsedExport;

  before(async () => {
    execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build.mjs')], { stdio: 'ignore' });
    sample = await parseSample('WhatsApp Chat - Crisisteam Vaccinatie.zip');
    client = await LspClient.start();
    client.policyHeader = { sha256: policySha256(DEFAULT_POLICY), source: 'built-in' };
  });
  after(() => client?.stop());

  it('detection follows a changed policy without reopening: rules off, a new period', async () => {
    const before = await client.open(URI, sample);
    const rules = (ds: typeof before) => new Set(ds.map((d) => String(d.code)));
    assert.ok(rules(before).has('bsn') && rules(before).has('private'), [...rules(before)].join(' '));
    const after = await client.changePolicy(URI, policy({ rules: { bsn: { enabled: false }, private: { enabled: false } } }));
    assert.ok(!rules(after).has('bsn') && !rules(after).has('private'), [...rules(after)].join(' '));
    const period = sample.messages.filter((m) => m.timestamp.slice(0, 10) < '2020-03-14').length;
    assert.ok(period > 0);
    const later = await client.changePolicy(URI, policy({ period: { start: '2020-03-14' } }));
    assert.equal(later.filter((d) => d.code === 'period').length, period);
  });

  it('says on the header line that the policy file has problems, or changed since the last save', async () => {
    const sha = policySha256(DEFAULT_POLICY);
    const notes = await client.changePolicy(URI, DEFAULT_POLICY, {
      sha256: sha, source: 'built-in', problemsIn: { file: '.chatreview/policy.json', count: 2 }, savedUnder: 'a'.repeat(64),
    });
    // The header line was rendered at open; the notes are placed on it.
    const line = client.text(URI).split('\n').findIndex((l) => l.startsWith('# policy sha256 '));
    assert.ok(line > 0);
    const problems = notes.find((d) => d.code === 'policy-problems');
    const changed = notes.find((d) => d.code === 'policy-changed');
    assert.equal(problems?.range.start.line, line);
    assert.match(String(problems!.message), /\.chatreview\/policy\.json has 2 problems .* built-in policy is in force/);
    assert.match(String(changed!.message), /was aaaaaaaaaaaa…, now [0-9a-f]{12}…/);
    const clean = await client.changePolicy(URI, DEFAULT_POLICY, { sha256: sha, source: 'built-in' });
    assert.ok(!clean.some((d) => String(d.code).startsWith('policy-')));
  });
});
