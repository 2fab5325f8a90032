/**
 * Scoring for `npm run eval`: gold labels against predictions (flags), per rule and per category.
 *
 * A prediction matches a gold label when both are on the same message, have the same key (rule
 * or category) and their spans overlap; a null span on either side stands for the whole message.
 * Each gold label and each prediction counts at most once: within a message the matching is a
 * maximum bipartite matching, so two flags over one gold span give one TP and one FP, and one
 * flag over two gold spans gives one TP and one FN.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Item {
  /** Unique message key (the corpus' message ids are unique across conversations). */
  message: string;
  rule: string;
  category: string;
  span: Span | null;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  /** null when there is nothing to divide by (no predictions, or no gold). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface MatchResult<G extends Item, P extends Item> {
  counts: Counts;
  matched: [G, P][];
  falsePositives: P[];
  falseNegatives: G[];
}

/** Whether a prediction may match a gold label (the key already equal). */
export function compatible(gold: Span | null, pred: Span | null): boolean {
  if (gold === null || pred === null) return true;
  return gold.start < pred.end && pred.start < gold.end;
}

/** Maximum bipartite matching (augmenting paths; groups are a message's few labels). */
function maxMatching(golds: readonly Item[], preds: readonly Item[]): number[] {
  const predOf: number[] = new Array(golds.length).fill(-1);
  const goldOf: number[] = new Array(preds.length).fill(-1);
  const adj = golds.map((g) => preds.map((p, j) => (compatible(g.span, p.span) ? j : -1)).filter((j) => j >= 0));
  const tryGold = (gi: number, seen: boolean[]): boolean => {
    for (const pj of adj[gi]) {
      if (seen[pj]) continue;
      seen[pj] = true;
      if (goldOf[pj] === -1 || tryGold(goldOf[pj], seen)) {
        goldOf[pj] = gi;
        predOf[gi] = pj;
        return true;
      }
    }
    return false;
  };
  for (let gi = 0; gi < golds.length; gi++) tryGold(gi, new Array(preds.length).fill(false));
  return predOf;
}

/** Matches gold against predictions with the same message and key. */
export function match<G extends Item, P extends Item>(gold: readonly G[], preds: readonly P[], key: (x: Item) => string): MatchResult<G, P> {
  const groups = new Map<string, { g: G[]; p: P[] }>();
  const group = (x: Item) => {
    const k = `${x.message}\u0000${key(x)}`;
    let v = groups.get(k);
    if (!v) groups.set(k, (v = { g: [], p: [] }));
    return v;
  };
  for (const g of gold) group(g).g.push(g);
  for (const p of preds) group(p).p.push(p);
  const out: MatchResult<G, P> = { counts: { tp: 0, fp: 0, fn: 0 }, matched: [], falsePositives: [], falseNegatives: [] };
  for (const { g, p } of groups.values()) {
    const predOf = g.length > 0 && p.length > 0 ? maxMatching(g, p) : new Array(g.length).fill(-1);
    const used = new Set<number>();
    g.forEach((gi, i) => {
      if (predOf[i] >= 0) {
        used.add(predOf[i]);
        out.matched.push([gi, p[predOf[i]]]);
      } else out.falseNegatives.push(gi);
    });
    p.forEach((pj, j) => {
      if (!used.has(j)) out.falsePositives.push(pj);
    });
  }
  out.counts = { tp: out.matched.length, fp: out.falsePositives.length, fn: out.falseNegatives.length };
  return out;
}

export function scores(c: Counts): Scores {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === 0 || recall === 0 ? 0 : null;
  return { ...c, precision, recall, f1 };
}

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export interface TableResult<G extends Item, P extends Item> {
  /** Per key (rule or category), in the order given, then any key only predictions have. */
  rows: Map<string, Scores>;
  /** Micro-average over the rows. */
  total: Scores;
  falsePositives: P[];
  falseNegatives: G[];
}

/**
 * Scores predictions against gold per key. `keys` limits the table to those keys (for a peer that
 * supports only some rules): gold and predictions under other keys are left out.
 */
export function scoreBy<G extends Item, P extends Item>(
  gold: readonly G[],
  preds: readonly P[],
  key: (x: Item) => string,
  keys?: readonly string[],
): TableResult<G, P> {
  const only = keys ? new Set(keys) : null;
  const g = only ? gold.filter((x) => only.has(key(x))) : gold;
  const p = only ? preds.filter((x) => only.has(key(x))) : preds;
  const m = match(g, p, key);
  const counts = new Map<string, Counts>();
  for (const k of keys ?? []) counts.set(k, { tp: 0, fp: 0, fn: 0 });
  const bump = (k: string, d: Partial<Counts>) => counts.set(k, add(counts.get(k) ?? { tp: 0, fp: 0, fn: 0 }, { tp: 0, fp: 0, fn: 0, ...d }));
  for (const [gi] of m.matched) bump(key(gi), { tp: 1 });
  for (const x of m.falsePositives) bump(key(x), { fp: 1 });
  for (const x of m.falseNegatives) bump(key(x), { fn: 1 });
  const rows = new Map<string, Scores>();
  let total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [k, c] of counts) {
    rows.set(k, scores(c));
    total = add(total, c);
  }
  return { rows, total: scores(total), falsePositives: m.falsePositives, falseNegatives: m.falseNegatives };
}

export interface Goal {
  label: string;
  minRecall: number;
  minPrecision: number;
}

/** The goals: per rule, and privé as a category. */
export const GOALS: Record<string, Goal> = {
  bsn: { label: 'R≥0.98 P≥0.98', minRecall: 0.98, minPrecision: 0.98 },
  iban: { label: 'R≥0.98 P≥0.98', minRecall: 0.98, minPrecision: 0.98 },
  email: { label: 'R≥0.98 P≥0.98', minRecall: 0.98, minPrecision: 0.98 },
  phone: { label: 'R≥0.98 P≥0.98', minRecall: 0.98, minPrecision: 0.98 },
  address: { label: 'R≥0.98 P≥0.98', minRecall: 0.98, minPrecision: 0.98 },
  health: { label: 'R≥0.9 P≥0.8', minRecall: 0.9, minPrecision: 0.8 },
  criminal: { label: 'R≥0.9 P≥0.8', minRecall: 0.9, minPrecision: 0.8 },
  private: { label: 'R≥0.8 P≥0.7', minRecall: 0.8, minPrecision: 0.7 },
  'privé': { label: 'R≥0.8 P≥0.7', minRecall: 0.8, minPrecision: 0.7 },
};

export function meetsGoal(s: Scores, g: Goal): boolean {
  return s.recall !== null && s.precision !== null && s.recall >= g.minRecall && s.precision >= g.minPrecision;
}
