import type { Flag } from '../../model';
import { analyse, hasHit } from './analysis';
import { makeFlag } from './flag';
import { LEX } from './lexicons';
import type { Detector } from './types';

/** RDW side codes (sidecodes) 1–14 with dashes: X a letter, 9 a digit. */
const SIDECODES: ReadonlyMap<string, number> = new Map([
  ['XX-99-99', 1], ['99-99-XX', 2], ['99-XX-99', 3], ['XX-99-XX', 4], ['XX-XX-99', 5], ['99-XX-XX', 6],
  ['99-XXX-9', 7], ['9-XXX-99', 8], ['XX-999-X', 9], ['X-999-XX', 10], ['XXX-99-X', 11], ['X-99-XXX', 12],
  ['9-XX-999', 13], ['999-XX-9', 14],
]);

/**
 * From side code 4 (1978) on, the RDW issues no vowels (O only as the first letter, for
 * semi-trailers) and no C or Q (too like a zero), nor Y; M (motorcycles) and W (trailers)
 * lead their own series. Side codes 1–3 still had vowels.
 */
const MODERN_LETTERS = new Set('BDFGHJKLMNPRSTVWXZ');
/** Combinations the RDW never issues. */
const FORBIDDEN = ['SS', 'SD', 'GVD', 'KKK', 'NSB', 'PKK', 'PSV', 'TBS', 'PVV', 'SGP', 'VVD'];

const CANDIDATE = /(?<![\p{L}\p{N}-])([A-Za-z]{1,3}|\d{1,3})-([A-Za-z]{1,3}|\d{1,3})-([A-Za-z]{1,3}|\d{1,3})(?![\p{L}\p{N}-])/gu;

function shapeOf(part: string): string {
  const c = part.charCodeAt(0);
  return (c >= 48 && c <= 57 ? '9' : 'X').repeat(part.length);
}

/** The side code of a dashed plate, or 0 when the letters break the RDW's rules. */
export function sidecode(plate: string): number {
  const parts = plate.toUpperCase().split('-');
  if (parts.length !== 3) return 0;
  const code = SIDECODES.get(parts.map(shapeOf).join('-')) ?? 0;
  if (code === 0) return 0;
  const letterGroups = parts.filter((p) => shapeOf(p)[0] === 'X');
  for (const g of letterGroups) if (FORBIDDEN.some((f) => g.includes(f))) return 0;
  if (code >= 4) {
    const letters = letterGroups.join('');
    for (let i = 0; i < letters.length; i++) {
      const ch = letters[i];
      const leadingO = ch === 'O' && i === 0 && shapeOf(parts[0])[0] === 'X';
      if (!MODERN_LETTERS.has(ch) && !leadingO) return 0;
    }
  }
  return code;
}

/** Six capitals and digits without dashes ("85VRD6"): a plate only next to a vehicle word. */
const UNDASHED = /(?<![\p{L}\p{N}-])[A-Z0-9]{6}(?![\p{L}\p{N}-])/gu;
const DASHED_SHAPES: readonly string[] = [...SIDECODES.keys()];

/** The dashed form of an undashed plate whose shape fits a side code, or null. */
function withDashes(p: string): string | null {
  const shape = [...p].map((ch) => shapeOf(ch)).join('');
  for (const s of DASHED_SHAPES) {
    if (s.replace(/-/g, '') !== shape) continue;
    const a = s.indexOf('-');
    const b = s.indexOf('-', a + 1) - 1;
    return `${p.slice(0, a)}-${p.slice(a, b)}-${p.slice(b)}`;
  }
  return null;
}

/**
 * Dutch licence plates in a side-code pattern with dashes. Capitals are the usual form;
 * all-lower-case counts with less confidence, mixed case not at all. Vehicle words
 * ("kenteken", "auto") raise confidence; next to one, six capitals and digits without dashes
 * in a side-code shape count too ("kenteken 85VRD6").
 */
export const plate: Detector = {
  id: 'plate',
  category: 'AVG',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    if (a.digits === 0) return [];
    const vehicle = hasHit(a, LEX.vehicle);
    if (!a.hyphen && !vehicle) return [];
    const text = a.text;
    const flags: Flag[] = [];
    CANDIDATE.lastIndex = 0;
    for (let m = a.hyphen ? CANDIDATE.exec(text) : null; m; m = CANDIDATE.exec(text)) {
      const p = m[0];
      if (p.length !== 8) continue;
      const upper = p === p.toUpperCase();
      if (!upper && p !== p.toLowerCase()) continue;
      const code = sidecode(p);
      if (code === 0) continue;
      const old = code <= 3;
      let confidence = old ? 0.45 : upper ? 0.7 : 0.5;
      if (vehicle) confidence += 0.2;
      const why = `licence plate ${p.toUpperCase()} (side code ${code})` + (vehicle ? ', next to a vehicle word' : '');
      flags.push(makeFlag(message, 'plate', 'AVG', confidence, { start: m.index, end: m.index + p.length }, why));
    }
    if (vehicle) {
      UNDASHED.lastIndex = 0;
      for (let m = UNDASHED.exec(text); m; m = UNDASHED.exec(text)) {
        const dashed = withDashes(m[0]);
        const code = dashed ? sidecode(dashed) : 0;
        if (code < 4) continue; // old side codes without dashes look like any code
        flags.push(makeFlag(message, 'plate', 'AVG', 0.65, { start: m.index, end: m.index + 6 }, `licence plate ${dashed} (side code ${code}) written without dashes, next to a vehicle word`));
      }
      if (flags.length > 1) flags.sort((x, y) => x.span!.start - y.span!.start);
    }
    return flags;
  },
};
