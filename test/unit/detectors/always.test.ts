import * as assert from 'node:assert/strict';
import { always } from '../../../src/server/detectors/always';
import { ctx, found, policy, run } from './helpers';

describe('detectors: always', () => {
  const c = ctx({ policy: policy({ alwaysFlag: [{ term: 'Project Eik', category: 'scope' }, { term: 'Oranjebal', category: 'privé' }, { term: 'C++', category: 'AVG' }] }) });

  it('flags policy terms as whole words, case-insensitive, with the configured category', () => {
    const text = 'Stand van PROJECT EIK en het oranjebal';
    const flags = run(always, text, c);
    assert.deepEqual(flags.map((f) => [text.slice(f.span!.start, f.span!.end), f.category]), [['PROJECT EIK', 'scope'], ['oranjebal', 'privé']]);
    assert.equal(flags[0].explanation, '"PROJECT EIK" is on the policy\'s always-flag list (scope)');
    assert.equal(flags[0].rule, 'always');
  });

  it('does not match inside words, and copes with regex characters and line breaks', () => {
    assert.deepEqual(found(always, 'Projecteik en Oranjeballen', c), []);
    assert.deepEqual(found(always, 'Project\nEik', c), ['Project\nEik']);
    assert.deepEqual(found(always, 'code in C++ schrijven', c), ['C++']);
  });

  it('does nothing without terms', () => {
    assert.deepEqual(run(always, 'Project Eik'), []);
  });
});
