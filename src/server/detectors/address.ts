import type { Flag } from '../../model';
import { analyse, hitsOf, overlaps, selectHits, type TextAnalysis } from './analysis';
import { compoundEndAt, isUpperAsciiCode, isAsciiLetterCode, isWordAt, wordStartAt } from './chars';
import { makeFlag } from './flag';
import { LEX, NUMBER_UNITS, STREET_PREFIXES } from './lexicons';
import { gapAfter, groupCount, numberChunks } from './numbers';
import type { Detector } from './types';

/** What may stand between "Kerkstraat 12" and "1234 AB". */
const JOIN = /^[ ,]*$/;

interface Postcode {
  start: number;
  end: number;
  /** The digit group, to tell it from a house number. */
  digitsStart: number;
}

/**
 * Dutch postcodes: four digits (not starting with 0), an optional space, two letters that are
 * not SA, SD or SS (never issued). Capitals, or lower case written without the space
 * ("1234ab"): "in 2020 en" is no postcode.
 */
function postcodes(a: TextAnalysis): Postcode[] {
  const text = a.text;
  const out: Postcode[] = [];
  for (const chunk of numberChunks(a)) {
    const g = groupCount(chunk);
    const k = g - 1;
    const s = chunk.groups[2 * k];
    const e = chunk.groups[2 * k + 1];
    if (e - s !== 4 || text.charCodeAt(s) === 48) continue;
    if (k === 0 ? chunk.wordBefore || chunk.plus : gapAfter(text, chunk, k - 1) !== ' ') continue;
    const spaced = text.charCodeAt(e) === 32;
    const l = spaced ? e + 1 : e;
    const c1 = text.charCodeAt(l);
    const c2 = text.charCodeAt(l + 1);
    if (!isAsciiLetterCode(c1) || !isAsciiLetterCode(c2) || isWordAt(text, l + 2)) continue;
    const upper = isUpperAsciiCode(c1) && isUpperAsciiCode(c2);
    const lower = !isUpperAsciiCode(c1) && !isUpperAsciiCode(c2);
    if (!upper && !(lower && !spaced)) continue;
    const letters = text.slice(l, l + 2).toUpperCase();
    if (letters === 'SA' || letters === 'SD' || letters === 'SS') continue;
    out.push({ start: s, end: l + 2, digitsStart: s });
  }
  return out;
}

/** "huisnummer 7", "nr. 7", "hnr: 7": a number named as a house number. */
const HOUSE_WORD = /(?:huis)?(?:nummer|nr|no)\.?\s*:?\s*$|hnr\.?\s*:?\s*$/i;

/**
 * A house number with a postcode: 1–4 digits (not a time, not part of a date) right before or
 * right after it ("Kerkweg 12, 1234 AB", "1234 AB 12", "1234AB-12"), or named as one nearby ("postcode
 * 1234AB huisnummer 7"). Any other number in the message is not enough ("1234 AB heeft 12
 * besmettingen").
 */
function houseNumberNear(a: TextAnalysis, pc: Postcode): { start: number; end: number } | null {
  const text = a.text;
  for (const chunk of numberChunks(a)) {
    const g = groupCount(chunk);
    if (g > 2) continue;
    for (let k = 0; k < g; k++) {
      const s = chunk.groups[2 * k];
      const e = chunk.groups[2 * k + 1];
      if (s === pc.digitsStart || e - s > 4 || text.charCodeAt(s) === 48) continue;
      if (text.charCodeAt(s - 1) === 58 || text.charCodeAt(e) === 58) continue;
      const before = e <= pc.start && pc.start - e <= 2 && JOIN.test(text.slice(e, pc.start));
      const after = s >= pc.end && s - pc.end <= 2 && (JOIN.test(text.slice(pc.end, s)) || text.slice(pc.end, s) === '-') && !isWordAt(text, e);
      const named = s >= pc.start - 40 && s <= pc.end + 25 && HOUSE_WORD.test(text.slice(Math.max(0, s - 14), s));
      if (before || after || named) return { start: s, end: e };
    }
  }
  return null;
}

const UNITS = NUMBER_UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/**
 * After a street name: a space, perhaps "nr", the house number and an addition (12a, 12 A,
 * 12-2, 12-II, 12hs, 12 bis); not a decimal or a time, not followed by a unit ("12 km").
 */
const HOUSE_NUMBER = new RegExp(
  String.raw`[ \u00a0](?:(?:nr|no)\.?\s?)?[1-9]\d{0,4}(?:[a-zA-Z](?![a-zA-Z])|-\d{1,3}(?!\d)|-?(?:III|II|IV|I|hs|HS|bis)(?![a-zA-Z])|\s(?:bis|hs|huis|[A-Z])(?![\p{L}]))?(?![.,:]?\d)(?!\s*(?:${UNITS}|%)(?![\p{L}]))`,
  'uy',
);

interface Street {
  start: number;
  nameEnd: number;
  end: number;
  capitalised: boolean;
}

function streets(a: TextAnalysis): Street[] {
  const text = a.text;
  const not = hitsOf(a, LEX.streetNot);
  const out: Street[] = [];
  for (const m of selectHits(a, LEX.street)) {
    if (m.wordStart >= m.start || m.wordEnd - m.wordStart < 5) continue; // "straat" alone is no name
    if (not.some((n) => overlaps(n, m.wordStart, m.wordEnd))) continue;
    HOUSE_NUMBER.lastIndex = m.wordEnd;
    const h = HOUSE_NUMBER.exec(text);
    if (!h) continue;
    let start = m.wordStart;
    for (let i = 0; i < 3; i++) {
      if (start < 2 || text.charCodeAt(start - 1) !== 32) break;
      const ps = wordStartAt(text, start - 1);
      if (ps === start - 1 || !isUpperAsciiCode(text.charCodeAt(ps))) break;
      if (!STREET_PREFIXES.has(text.slice(ps, start - 1).toLowerCase())) break;
      start = ps;
    }
    out.push({ start, nameEnd: m.wordEnd, end: m.wordEnd + h[0].length, capitalised: isUpperAsciiCode(text.charCodeAt(m.wordStart)) });
  }
  // Streets without a street word at the end: after an address cue ("woont op Achterom 285
  // bis", "afleveren op Achterom 77 B"), or led by one ("Laan van Nieuw Oost-Indië 91hs").
  for (const m of a.matches) {
    let from = -1;
    if (m.lex === LEX.addressCue) {
      from = m.wordEnd;
      while (from < text.length && (text[from] === ':' || text[from] === ' ')) from++;
    } else if (m.lex === LEX.street && m.wordStart === m.start && isUpperAsciiCode(text.charCodeAt(m.wordStart)) && /^ (?:van|der|de|den) /.test(text.slice(m.wordEnd, m.wordEnd + 5))) {
      from = m.wordStart;
    }
    if (from < 0 || out.some((st) => st.start <= from && from < st.end)) continue;
    const st = namedStreet(text, from);
    if (st && !out.some((o) => o.start < st.end && st.start < o.end)) out.push(st);
  }
  return out.sort((x, y) => x.start - y.start);
}

const STREET_PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'ter', 'ten', 'aan', 'op', 'in']);

/** "Achterom 285 bis", "Laan van Nieuw Oost-Indië 91hs": capitalised words (and particles) from `from`, then a house number. */
function namedStreet(text: string, from: number): Street | null {
  if (!isUpperAsciiCode(text.charCodeAt(from))) return null;
  let i = from;
  for (let words = 0; words < 6; words++) {
    const we = compoundEndAt(text, i);
    if (we === i) return null;
    const word = text.slice(i, we);
    if (words > 0 && !STREET_PARTICLES.has(word) && !/^\p{Lu}/u.test(word)) return null;
    HOUSE_NUMBER.lastIndex = we;
    const h = HOUSE_NUMBER.exec(text);
    if (h && !STREET_PARTICLES.has(word)) return { start: from, nameEnd: we, end: we + h[0].length, capitalised: true };
    if (text[we] !== ' ') return null;
    i = we + 1;
  }
  return null;
}

/** An office word shortly before the address in the same sentence ("Kantoor staat op …", "bij de ingang op …"). */
function premises(text: string, offices: readonly { wordStart: number; wordEnd: number }[], start: number): boolean {
  return offices.some((o) => o.wordEnd <= start && start - o.wordEnd <= 40 && !/[.!?\n]/.test(text.slice(o.wordEnd, start)));
}

/**
 * Home addresses: a street with a house number (and the postcode after it), or a postcode with a
 * house number. Not flagged right after a word for an organisation's premises (an office, its
 * entrance, a test location, the press desk: identifiers.json `officeCue`): those are no
 * person's address.
 */
export const address: Detector = {
  id: 'address',
  category: 'AVG',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    if (a.digits === 0) return [];
    const offices = hitsOf(a, LEX.officeCue);
    const text = a.text;
    const flags: Flag[] = [];
    const pcs = postcodes(a);
    const used = new Set<Postcode>();
    for (const st of streets(a)) {
      if (offices.length > 0 && premises(text, offices, st.start)) continue;
      const pc = pcs.find((p) => p.start >= st.end && p.start <= st.end + 2 && JOIN.test(text.slice(st.end, p.start)));
      if (pc) {
        used.add(pc);
        const span = { start: st.start, end: pc.end };
        flags.push(makeFlag(message, 'address', 'AVG', 0.9, span, `address "${text.slice(span.start, span.end)}": street, house number and postcode`));
      } else {
        const span = { start: st.start, end: st.end };
        const why = `address "${text.slice(span.start, span.end)}": street name and house number`;
        flags.push(makeFlag(message, 'address', 'AVG', st.capitalised ? 0.75 : 0.55, span, why));
      }
    }
    for (const pc of pcs) {
      if (used.has(pc) || (offices.length > 0 && premises(text, offices, pc.start))) continue;
      const house = houseNumberNear(a, pc);
      if (!house) continue;
      const span = { start: pc.start, end: pc.end };
      flags.push(makeFlag(message, 'address', 'AVG', 0.8, span, `postcode ${text.slice(pc.start, pc.end)} with house number ${text.slice(house.start, house.end)} nearby`));
    }
    return flags.sort((x, y) => x.span!.start - y.span!.start);
  },
};
