import type { Message } from './conversation';
import type { ReviewState } from './review';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` items of `items` drawn without replacement, in a seeded random order. */
function draw<T>(items: readonly T[], count: number, next: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
  return out;
}

export interface SpotCheckItem {
  id: string;
  /** Whether the first reviewer removed it (tagged) or kept it. */
  removed: boolean;
}

/**
 * The second reviewer's sample: up to `removedCount` removed and `keptCount` kept messages
 * (system events aside), drawn with `seed` — the same seed always gives the same sample.
 */
export function spotCheckSample(messages: readonly Message[], state: Pick<ReviewState, 'tags'>, removedCount: number, keptCount: number, seed: number): SpotCheckItem[] {
  const removedIds = new Set(state.tags.map((t) => t.id));
  const removed = messages.filter((m) => removedIds.has(m.id)).map((m) => m.id);
  const kept = messages.filter((m) => !removedIds.has(m.id) && m.kind !== 'system').map((m) => m.id);
  const next = seededRandom(seed);
  const sample = [
    ...draw(removed, removedCount, next).map((id) => ({ id, removed: true })),
    ...draw(kept, keptCount, next).map((id) => ({ id, removed: false })),
  ];
  return draw(sample, sample.length, next);
}
