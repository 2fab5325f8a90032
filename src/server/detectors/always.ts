import type { Flag, Policy } from '../../model';
import { makeFlag } from './flag';
import type { Detector } from './types';

type AlwaysTerm = Policy['alwaysFlag'][number];

interface Compiled {
  regex: RegExp | null;
  byKey: Map<string, AlwaysTerm>;
}

const compiled = new WeakMap<readonly AlwaysTerm[], Compiled>();

const WHITESPACE = /\s+/g;
const key = (s: string) => s.toLowerCase().replace(WHITESPACE, ' ');

/** One regex per policy's term list (not per message): whole words, case-insensitive. */
function compile(terms: readonly AlwaysTerm[]): Compiled {
  let c = compiled.get(terms);
  if (c) return c;
  const byKey = new Map<string, AlwaysTerm>();
  for (const t of terms) if (t.term.trim() && !byKey.has(key(t.term.trim()))) byKey.set(key(t.term.trim()), t);
  const alternatives = [...byKey.keys()]
    .sort((x, y) => y.length - x.length)
    .map((k) => k.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  const regex = alternatives.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  c = { regex, byKey };
  compiled.set(terms, c);
  return c;
}

/** The policy's always-flag terms, with the category each is configured with. */
export const always: Detector = {
  id: 'always',
  category: 'scope',
  detect(message, context): Flag[] {
    const terms = context.policy.alwaysFlag;
    if (terms.length === 0) return [];
    const { regex, byKey } = compile(terms);
    if (!regex) return [];
    const flags: Flag[] = [];
    const text = message.text;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const t = byKey.get(key(m[0])) ?? [...byKey.values()].find((x) => x.term.localeCompare(m![0], undefined, { sensitivity: 'accent' }) === 0);
      if (!t) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      flags.push(makeFlag(message, 'always', t.category, 1, span, `"${m[0]}" is on the policy's always-flag list (${t.category})`));
    }
    return flags;
  },
};
