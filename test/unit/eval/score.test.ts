import * as assert from 'node:assert/strict';
import { compatible, GOALS, match, meetsGoal, scoreBy, scores, type Item } from '../../../scripts/eval/score';

const g = (message: string, rule: string, span: [number, number] | null, category = 'AVG'): Item => ({ message, rule, category, span: span && { start: span[0], end: span[1] } });
const byRule = (x: Item) => x.rule;
const byCategory = (x: Item) => x.category;

describe('eval: scoring', () => {
  it('matches overlapping spans, not touching ones (end exclusive)', () => {
    assert.equal(compatible({ start: 0, end: 5 }, { start: 4, end: 9 }), true);
    assert.equal(compatible({ start: 0, end: 5 }, { start: 5, end: 9 }), false);
    assert.equal(compatible({ start: 3, end: 4 }, { start: 0, end: 10 }), true);
  });

  it('a null span on either side stands for the whole message', () => {
    assert.equal(compatible(null, { start: 10, end: 20 }), true);
    assert.equal(compatible({ start: 10, end: 20 }, null), true);
    assert.equal(compatible(null, null), true);
  });

  it('computes precision, recall and F1 from TP, FP, FN', () => {
    const s = scores({ tp: 6, fp: 2, fn: 4 });
    assert.equal(s.precision, 0.75);
    assert.equal(s.recall, 0.6);
    assert.ok(Math.abs(s.f1! - (2 * 0.75 * 0.6) / 1.35) < 1e-12);
  });

  it('leaves P undefined without predictions and R without gold', () => {
    assert.deepEqual(scores({ tp: 0, fp: 0, fn: 3 }), { tp: 0, fp: 0, fn: 3, precision: null, recall: 0, f1: 0 });
    assert.deepEqual(scores({ tp: 0, fp: 2, fn: 0 }), { tp: 0, fp: 2, fn: 0, precision: 0, recall: null, f1: 0 });
    assert.deepEqual(scores({ tp: 0, fp: 0, fn: 0 }), { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
  });

  it('needs the same message and the same rule', () => {
    const gold = [g('m1', 'bsn', [0, 9])];
    assert.deepEqual(match(gold, [g('m2', 'bsn', [0, 9])], byRule).counts, { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(match(gold, [g('m1', 'iban', [0, 9])], byRule).counts, { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(match(gold, [g('m1', 'bsn', [2, 6])], byRule).counts, { tp: 1, fp: 0, fn: 0 });
  });

  it('counts each flag once: two flags over one gold span are one TP and one FP', () => {
    const m = match([g('m1', 'health', [10, 30])], [g('m1', 'health', [10, 15]), g('m1', 'health', [20, 30])], byRule);
    assert.deepEqual(m.counts, { tp: 1, fp: 1, fn: 0 });
  });

  it('counts each gold label once: one flag over two gold spans is one TP and one FN', () => {
    const m = match([g('m1', 'phone', [0, 10]), g('m1', 'phone', [12, 22])], [g('m1', 'phone', [0, 22])], byRule);
    assert.deepEqual(m.counts, { tp: 1, fp: 0, fn: 1 });
  });

  it('finds the best assignment, not the first one', () => {
    // The wide flag could take the first gold span, leaving the narrow flag with nothing; the
    // maximum matching gives both flags a gold label.
    const gold = [g('m1', 'name', [0, 5]), g('m1', 'name', [10, 15])];
    const preds = [g('m1', 'name', [0, 15]), g('m1', 'name', [1, 3])];
    assert.deepEqual(match(gold, preds, byRule).counts, { tp: 2, fp: 0, fn: 0 });
  });

  it('matches message-level labels by message: a null-span flag takes one gold label', () => {
    const gold = [g('m1', 'private', null, 'privé')];
    assert.deepEqual(match(gold, [g('m1', 'private', null, 'privé'), g('m1', 'private', null, 'privé')], byRule).counts, { tp: 1, fp: 1, fn: 0 });
    // A span flag against a message-level gold label matches too.
    assert.deepEqual(match(gold, [g('m1', 'private', [3, 8], 'privé')], byRule).counts, { tp: 1, fp: 0, fn: 0 });
  });

  it('matches by category in the category table: a bsn flag over an iban gold span counts as AVG', () => {
    const gold = [g('m1', 'iban', [0, 18])];
    const preds = [g('m1', 'bsn', [4, 13])];
    assert.deepEqual(match(gold, preds, byRule).counts, { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(match(gold, preds, byCategory).counts, { tp: 1, fp: 0, fn: 0 });
  });

  it('tables per key, with a micro-averaged total and the errors listed', () => {
    const gold = [g('m1', 'bsn', [0, 9]), g('m2', 'bsn', [0, 9]), g('m2', 'email', [20, 40]), g('m3', 'topic', null, 'scope')];
    const preds = [g('m1', 'bsn', [0, 9]), g('m3', 'bsn', [0, 9]), g('m2', 'email', [25, 30]), g('m4', 'topic', null, 'scope')];
    const t = scoreBy(gold, preds, byRule, ['bsn', 'email', 'topic', 'plate']);
    assert.deepEqual([...t.rows.keys()], ['bsn', 'email', 'topic', 'plate']);
    assert.equal(t.rows.get('bsn')!.tp, 1);
    assert.equal(t.rows.get('bsn')!.fp, 1);
    assert.equal(t.rows.get('bsn')!.fn, 1);
    assert.equal(t.rows.get('email')!.f1, 1);
    assert.deepEqual(t.rows.get('plate'), { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
    assert.deepEqual({ tp: t.total.tp, fp: t.total.fp, fn: t.total.fn }, { tp: 2, fp: 2, fn: 2 });
    assert.deepEqual(t.falsePositives.map((x) => x.message).sort(), ['m3', 'm4']);
    assert.deepEqual(t.falseNegatives.map((x) => x.message).sort(), ['m2', 'm3']);
  });

  it('leaves out gold and flags of keys not asked for (a peer\'s unsupported rules)', () => {
    const gold = [g('m1', 'bsn', [0, 9]), g('m1', 'health', [10, 14])];
    const preds = [g('m1', 'bsn', [0, 9]), g('m1', 'name', [20, 25])];
    const t = scoreBy(gold, preds, byRule, ['bsn']);
    assert.deepEqual({ tp: t.total.tp, fp: t.total.fp, fn: t.total.fn }, { tp: 1, fp: 0, fn: 0 });
  });

  it('judges goals on both recall and precision', () => {
    assert.equal(meetsGoal(scores({ tp: 98, fp: 2, fn: 2 }), GOALS.bsn), true);
    assert.equal(meetsGoal(scores({ tp: 98, fp: 3, fn: 0 }), GOALS.bsn), false);
    assert.equal(meetsGoal(scores({ tp: 0, fp: 0, fn: 0 }), GOALS.bsn), false);
    assert.equal(meetsGoal(scores({ tp: 8, fp: 3, fn: 2 }), GOALS['privé']), true);
  });
});
