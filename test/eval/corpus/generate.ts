/**
 * Generates the labelled evaluation corpus (test/eval/corpus/*.jsonl and manifest.json) from the
 * hand-written templates, deterministically: a seeded PRNG per conversation, identifiers with
 * computed checksums, gold labels computed from where slots and [[marked|rule]] text land.
 *
 *   npx tsx test/eval/corpus/generate.ts          write the files
 *   npx tsx test/eval/corpus/generate.ts --check  exit 1 when the files on disk differ
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chance, digits, elevenTestOk, foreignPhone, formatBsn, formatDate, formatIban, formatLandline, formatMobile, int, invalidBsnDigits,
  invalidIban, landlineNational, mobileNational, MONTH_NAMES, mulberry32, pick, postcode, randomDate, validBsnDigits, validIban, validPlate,
  type Rand,
} from './identifiers';
import * as T from './templates';
import * as V from './vocabulary';

export type Category = 'privé' | 'AVG' | 'scope';
export type Rule =
  | 'bsn' | 'iban' | 'phone' | 'email' | 'address' | 'dob' | 'plate' | 'health' | 'criminal' | 'bulk-pii' | 'name' | 'private' | 'period' | 'topic';

export const RULE_CATEGORY: Record<Rule, Category> = {
  bsn: 'AVG', iban: 'AVG', phone: 'AVG', email: 'AVG', address: 'AVG', dob: 'AVG', plate: 'AVG', health: 'AVG', criminal: 'AVG',
  'bulk-pii': 'AVG', name: 'AVG', private: 'privé', period: 'scope', topic: 'scope',
};

export interface GoldLabel {
  category: Category;
  rule: Rule;
  span: { start: number; end: number } | null;
  /** The span's text, so that a drifting template or offset shows. */
  text?: string;
}

export interface CorpusMessage {
  id: string;
  timestamp: string;
  precision: 'minute';
  sender: string;
  kind: 'message';
  text: string;
  labels: GoldLabel[];
}

/** The eval policy's period: messages outside it get `period`. */
export const PERIOD = { start: '2019-12-15', end: '2022-06-30' };

// ---------------------------------------------------------------- rendering

interface Piece {
  text: string;
  labels: { rule: Rule; start: number; end: number }[];
}

interface Ctx {
  r: Rand;
  sender: string;
  participants: readonly (typeof V.PARTICIPANTS)[number][];
  /** Colleagues already named in this message: a list names each once while it can. */
  named: Set<string>;
}

type Slot = (c: Ctx) => string | Piece;

const labelled = (rule: Rule, text: string): Piece => ({ text, labels: [{ rule, start: 0, end: text.length }] });

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function mailLocal(first: string, surname: string, r: Rand): string {
  const f = first.toLowerCase();
  const s = surname.toLowerCase().replace(/\s+/g, '');
  const sDots = surname.toLowerCase().replace(/\s+/g, '.');
  switch (int(r, 0, 5)) {
    case 0:
      return `${f}.${sDots}`;
    case 1:
      return `${f[0]}.${s}`;
    case 2:
      return `${f}${s}${int(r, 60, 99)}`;
    case 3:
      return `${f}_${s}`;
    case 4:
      return `${s}.${f[0]}`;
    default:
      return `${f}${int(r, 1, 9)}${int(r, 0, 9)}`;
  }
}

const PRIVATE_DOMAINS = ['gmail.com', 'gmail.com', 'hotmail.com', 'hotmail.nl', 'outlook.com', 'live.nl', 'ziggo.nl', 'kpnmail.nl', 'xs4all.nl', 'planet.nl', 'icloud.com', 'home.nl', 'upcmail.nl', 'telfort.nl'];
const COMPANY_DOMAINS = ['medsupply-benelux.nl', 'schoonmaakbedrijf-dewaal.nl', 'adviesbureau-kompas.nl', 'logistiek-rijnmond.nl', 'beveiliging-noordzee.nl', 'eventbouw-delta.nl'];
const GOV_DOMAINS = ['minvws.nl', 'rivm.nl', 'ggdhaaglanden.nl', 'vrh.nl', 'nctv.nl', 'minjenv.nl', 'minbzk.nl', 'rijksoverheid.nl', 'ggdghor.nl', 'denhaag.nl', 'rotterdam.nl'];
const FUNCTIONAL = ['crisiscentrum@minvws.nl', 'pers@rivm.nl', 'bco@ggdhaaglanden.nl', 'vragen@vrh.nl', 'woordvoering@minvws.nl', 'info@medsupply-benelux.nl', 'servicedesk@rijksoverheid.nl', 'persvragen@nctv.nl', 'planning@ggdghor.nl'];

function privatePerson(r: Rand): { first: string; surname: string } {
  return { first: pick(r, V.PRIVATE_FIRST), surname: pick(r, V.PRIVATE_SURNAMES) };
}

function streetName(r: Rand): string {
  return chance(r, 0.15) ? pick(r, V.STREETS_SPECIAL) : pick(r, V.STREET_STEMS) + pick(r, V.STREET_SUFFIXES);
}

function houseNumber(r: Rand): string {
  const n = String(int(r, 1, chance(r, 0.8) ? 120 : 480));
  switch (int(r, 0, 11)) {
    case 0:
      return `${n}a`;
    case 1:
      return `${n}-II`;
    case 2:
      return `${n} bis`;
    case 3:
      return `${n}-${int(r, 1, 3)}`;
    case 4:
      return `${n}hs`;
    case 5:
      return `${n} B`;
    default:
      return n;
  }
}

/** Street and house number, optionally with postcode (labelled together) and the town (not labelled). */
function addressPiece(r: Rand, withPostcode: boolean, withTown: boolean): Piece {
  let text = `${streetName(r)} ${houseNumber(r)}`;
  if (withPostcode) text += `${chance(r, 0.8) ? ', ' : ' '}${postcode(r, chance(r, 0.7))}`;
  const end = text.length;
  if (withTown) text += `${withPostcode ? ' ' : ', '}${pick(r, V.PLACES)}`;
  return { text, labels: [{ rule: 'address', start: 0, end }] };
}

function timeText(r: Rand): string {
  const h = int(r, 7, 22);
  const m = pick(r, ['00', '00', '15', '30', '30', '45', '10', '50']);
  switch (int(r, 0, 4)) {
    case 0:
      return `${h}.${m} uur`;
    case 1:
      return `${h}u${m === '00' ? '' : m}`;
    default:
      return `${h}:${m}`;
  }
}

function pctText(r: Rand): string {
  const v = int(r, 1, 980) / 10;
  const s = Number.isInteger(v) ? String(v) : String(v).replace('.', ',');
  return pick(r, [`${s}%`, `${s}%`, `${s} procent`, `${s} %`]);
}

function rvalText(r: Rand): string {
  const v = (int(r, 70, 160) / 100).toFixed(2);
  return chance(r, 0.8) ? v.replace('.', ',') : v;
}

function countText(r: Rand): string {
  const n = int(r, 2, chance(r, 0.8) ? 400 : 4800);
  return n >= 1000 ? `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, '0')}` : String(n);
}

function bigCountText(r: Rand): string {
  switch (int(r, 0, 3)) {
    case 0:
      return `${int(r, 1, 9)}.${digits(r, 3)}.${digits(r, 3)}`;
    case 1:
      return `${int(r, 1, 9)},${int(r, 1, 9)} miljoen`;
    case 2:
      return `${int(r, 10, 999)}.${digits(r, 3)}`;
    default:
      return `${int(r, 100, 999)}${digits(r, 6)}`;
  }
}

function amountText(r: Rand): string {
  switch (int(r, 0, 4)) {
    case 0:
      return `€ ${int(r, 1, 9)},${int(r, 1, 9)} miljoen`;
    case 1:
      return `€ ${int(r, 100, 999)}.${digits(r, 3)}`;
    case 2:
      return `EUR ${int(r, 1, 9)}.${digits(r, 3)}.${digits(r, 3)}`;
    case 3:
      return `${int(r, 1, 12)} miljard euro`;
    default:
      return `€${int(r, 100, 999)}.${digits(r, 3)},-`;
  }
}

function nearDate(r: Rand): string {
  const d = randomDate(r, 2020, 2021);
  return chance(r, 0.3) ? `${d.d} ${MONTH_NAMES[d.m - 1]}` : formatDate(r, d, false);
}

function caseNumber(r: Rand): string {
  switch (int(r, 0, 3)) {
    case 0:
      return `M${int(r, 20, 21)}${String(int(r, 1, 12)).padStart(2, '0')} ${digits(r, 4)}`;
    case 1:
      return `${int(r, 2020, 2021)}${String(int(r, 1, 12)).padStart(2, '0')}${String(int(r, 1, 28)).padStart(2, '0')}-${digits(r, 3)}`;
    case 2:
      return `0${int(r, 6, 7)}${digits(r, 2)} ${digits(r, 4)} ${digits(r, 2)}`; // phone-like on purpose
    default:
      return `CAS-${digits(r, 6)}-${pick(r, ['K', 'L', 'M', 'P'])}${digits(r, 1)}`;
  }
}

function orgPhone(r: Rand): string {
  switch (int(r, 0, 3)) {
    case 0:
      return `0800-${digits(r, 4)}`;
    case 1:
      return `088-${int(r, 1, 9)}${digits(r, 6)}`;
    case 2:
      return `14 0${int(r, 10, 99)}`;
    default:
      return `0900-${digits(r, 4)}`;
  }
}

const SLOTS: Record<string, Slot> = {
  // identifiers (labelled)
  bsn: (c) => labelled('bsn', formatBsn(c.r, validBsnDigits(c.r))),
  iban: (c) => labelled('iban', formatIban(c.r, validIban(c.r, 'NL'))),
  ibanForeign: (c) => labelled('iban', formatIban(c.r, validIban(c.r, pick(c.r, ['DE', 'BE', 'FR', 'ES', 'GB'] as const)))),
  mobile: (c) => labelled('phone', formatMobile(c.r, mobileNational(c.r))),
  landline: (c) => labelled('phone', formatLandline(c.r, landlineNational(c.r))),
  phoneForeign: (c) => labelled('phone', foreignPhone(c.r)),
  emailPriv: (c) => {
    const p = privatePerson(c.r);
    return labelled('email', `${mailLocal(p.first, p.surname, c.r)}@${pick(c.r, PRIVATE_DOMAINS)}`);
  },
  emailCompany: (c) => {
    const p = privatePerson(c.r);
    return labelled('email', `${p.first[0].toLowerCase()}.${p.surname.toLowerCase().replace(/\s+/g, '')}@${pick(c.r, COMPANY_DOMAINS)}`);
  },
  address: (c) => addressPiece(c.r, chance(c.r, 0.45), chance(c.r, 0.4)),
  addressFull: (c) => addressPiece(c.r, true, true),
  postcodeHouse: (c) => {
    const pc = postcode(c.r, chance(c.r, 0.5));
    const n = int(c.r, 1, 250);
    return labelled('address', pick(c.r, [`${pc} ${n}`, `${pc}, huisnummer ${n}`, `${pc} nr. ${n}`, `${pc}-${n}`]));
  },
  dob: (c) => labelled('dob', formatDate(c.r, randomDate(c.r, 1932, 2004))),
  dobChild: (c) => labelled('dob', formatDate(c.r, randomDate(c.r, 2019, 2020), false)),
  plate: (c) => {
    const p = validPlate(c.r);
    const k = int(c.r, 0, 9);
    return labelled('plate', k === 0 ? p.toLowerCase() : k === 1 ? p.replace(/-/g, '') : p);
  },
  pfirst: (c) => pick(c.r, V.PRIVATE_FIRST),
  pfull: (c) => {
    const p = privatePerson(c.r);
    return `${p.first} ${p.surname}`;
  },
  psurname: (c) => capitalise(pick(c.r, V.PRIVATE_SURNAMES)),
  // not labelled
  bsnBad: (c) => formatBsn(c.r, invalidBsnDigits(c.r)),
  ibanBad: (c) => formatIban(c.r, invalidIban(c.r, chance(c.r, 0.8) ? 'NL' : 'DE')),
  dossier9: (c) => String(int(c.r, 100000000, 999999999)),
  zaak: (c) => pick(c.r, [`Z-${int(c.r, 2020, 2021)}-${digits(c.r, 6)}`, `${int(c.r, 2020, 2021)}/${digits(c.r, 4)}.${digits(c.r, 2)}`, `VWS-${int(c.r, 2020, 2021)}-${digits(c.r, 5)}`, `Z/${int(c.r, 20, 21)}/${digits(c.r, 6)}`]),
  kenmerk: (c) => pick(c.r, [`${int(c.r, 1600000, 1899999)}-${int(c.r, 200000, 219999)}-PG`, `${int(c.r, 2020, 2021)}-${digits(c.r, 10)}`, `DGV/${digits(c.r, 5)}`]),
  caseNr: (c) => caseNumber(c.r),
  orgPhone: (c) => orgPhone(c.r),
  emailGov: (c) => {
    const who = chance(c.r, 0.5) ? pick(c.r, c.participants).sender : pick(c.r, V.OFFICIALS).full;
    const [first, ...rest] = who.split(' ');
    const last = rest.join('').toLowerCase();
    const local = chance(c.r, 0.5) ? `${first[0].toLowerCase()}.${last}` : `${first.toLowerCase()}.${last}`;
    return `${local}@${pick(c.r, GOV_DOMAINS)}`;
  },
  emailFunctional: (c) => pick(c.r, FUNCTIONAL),
  officeAddress: (c) => pick(c.r, V.OFFICE_ADDRESSES),
  postcodeArea: (c) => postcode(c.r, true),
  postcodeDigits: (c) => String(int(c.r, 1011, 9999)),
  lot: (c) => `L${int(c.r, 2020, 2021)}-${String(int(c.r, 1, 12)).padStart(2, '0')}-${digits(c.r, 3)}`,
  colleague: (c) => {
    const others = c.participants.filter((p) => p.sender !== c.sender);
    const fresh = others.filter((p) => !c.named.has(p.first));
    const who = pick(c.r, fresh.length > 0 ? fresh : others).first;
    c.named.add(who);
    return who;
  },
  official: (c) => pick(c.r, pick(c.r, V.OFFICIALS).forms),
  time: (c) => timeText(c.r),
  pct: (c) => pctText(c.r),
  rval: (c) => rvalText(c.r),
  count: (c) => countText(c.r),
  bigCount: (c) => bigCountText(c.r),
  amount: (c) => amountText(c.r),
  dateFull: (c) => nearDate(c.r),
  dateFull2: (c) => nearDate(c.r),
  week: (c) => String(int(c.r, 1, 53)),
  month: (c) => pick(c.r, MONTH_NAMES),
  weekday: (c) => pick(c.r, V.WEEKDAYS),
  place: (c) => pick(c.r, V.PLACES),
  region: (c) => pick(c.r, V.REGIONS),
  doc: (c) => pick(c.r, V.DOCUMENTS),
  meeting: (c) => pick(c.r, V.MEETINGS),
  rel: (c) => pick(c.r, V.RELATIONS),
  relF: (c) => pick(c.r, V.RELATIONS_F),
  relM: (c) => pick(c.r, V.RELATIONS_M),
  hdiag: (c) => pick(c.r, V.HEALTH_DIAG),
  htreat: (c) => pick(c.r, V.HEALTH_TREAT),
  hsymN: (c) => pick(c.r, V.HEALTH_SYMPTOM_NOUN),
  hsymA: (c) => pick(c.r, V.HEALTH_SYMPTOM_ADJ),
  crimeIs: (c) => pick(c.r, V.CRIME_IS),
  crimeHas: (c) => pick(c.r, V.CRIME_HAS),
};

const TOKEN = /\[\[|\|([a-z-]+)\]\]|\{([A-Za-z0-9]+)\}/g;

/** Fills a template: slots generate text (and labels), [[…|rule]] labels what it encloses. */
export function render(template: string, c: Ctx): Piece {
  let text = '';
  const labels: Piece['labels'] = [];
  const open: number[] = [];
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    text += template.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '[[') open.push(text.length);
    else if (m[1] !== undefined) {
      const start = open.pop();
      if (start === undefined) throw new Error(`unbalanced ]] in template: ${template}`);
      labels.push({ rule: m[1] as Rule, start, end: text.length });
    } else {
      const slot = SLOTS[m[2]];
      if (!slot) throw new Error(`unknown slot {${m[2]}} in template: ${template}`);
      const out = slot(c);
      const piece = typeof out === 'string' ? { text: out, labels: [] } : out;
      for (const l of piece.labels) labels.push({ rule: l.rule, start: text.length + l.start, end: text.length + l.end });
      text += piece.text;
    }
  }
  if (open.length > 0) throw new Error(`unbalanced [[ in template: ${template}`);
  text += template.slice(last);
  return { text, labels };
}

function concat(a: Piece, b: Piece, sep = " "): Piece {
  const off = a.text.length + sep.length;
  return { text: a.text + sep + b.text, labels: [...a.labels, ...b.labels.map((l) => ({ ...l, start: l.start + off, end: l.end + off }))] };
}

// ---------------------------------------------------------------- conversations

type Kind = 'work' | 'private' | 'offtopic';

const ID_RULES = ['bsn', 'iban', 'phone', 'email', 'address', 'dob', 'plate'] as const;

type ThreadType =
  | 'work' | 'generic' | 'pleasantry' | 'private' | 'privateNames' | 'privateHealth' | 'workHealth' | 'negated' | 'healthNear'
  | 'privateCrime' | 'workCrime' | 'crimeNear' | 'idWork' | 'idPrivate' | 'idNear' | 'contactList' | 'offtopic' | 'precrisis';

interface Phase {
  start: string;
  threads: number;
  mix: Partial<Record<ThreadType, number>>;
  /** Minutes between threads. */
  gap: [number, number];
  /** Chance that a thread starts on a later day. */
  nextDay: number;
}

interface ConversationSpec {
  file: string;
  title: string;
  description: string;
  seed: number;
  participants: number[];
  work: readonly string[][];
  phases: Phase[];
}

const BASE_MIX: Partial<Record<ThreadType, number>> = {
  work: 34, generic: 12, pleasantry: 5, private: 7, privateNames: 2, privateHealth: 3, workHealth: 3.5, negated: 0.8, healthNear: 6,
  privateCrime: 1.8, workCrime: 2.5, crimeNear: 4, idWork: 30, idPrivate: 2, idNear: 16, contactList: 1, offtopic: 5,
};

const mix = (over: Partial<Record<ThreadType, number>>): Partial<Record<ThreadType, number>> => ({ ...BASE_MIX, ...over });

export const CONVERSATIONS: ConversationSpec[] = [
  {
    file: 'c01-crisisteam-vws.jsonl',
    title: 'Crisisteam VWS',
    description: 'Ministry crisis team: Kamerbrieven, beslisnota\'s, persconferenties, the MCCb.',
    seed: 101,
    participants: [0, 1, 2, 3, 4, 5],
    work: [T.WORK_VWS, T.WORK_VWS, T.WORK_RIVM],
    phases: [{ start: '2020-03-02T08:12', threads: 190, mix: BASE_MIX, gap: [3, 150], nextDay: 0.14 }],
  },
  {
    file: 'c02-ggd-bco-haaglanden.jsonl',
    title: 'GGD Haaglanden – BCO en testen',
    description: 'Regional health service: contact tracing (BCO), test lanes, outbreaks; many identifiers.',
    seed: 202,
    participants: [6, 7, 8, 9, 10],
    work: [T.WORK_GGD, T.WORK_GGD, T.WORK_VR],
    phases: [{ start: '2020-03-09T07:45', threads: 190, mix: mix({ idWork: 40, idNear: 20, contactList: 1.2, healthNear: 7, workHealth: 3, offtopic: 2.5 }), gap: [2, 120], nextDay: 0.13 }],
  },
  {
    file: 'c03-rot-veiligheidsregio.jsonl',
    title: 'ROT Veiligheidsregio',
    description: 'Regional operational team: noodverordening, handhaving, teststraten, public order.',
    seed: 303,
    participants: [11, 12, 13, 14, 15],
    work: [T.WORK_VR, T.WORK_VR, T.WORK_GGD],
    phases: [{ start: '2020-03-12T09:03', threads: 165, mix: mix({ crimeNear: 9, workCrime: 3, privateCrime: 1.5, idWork: 6, offtopic: 3 }), gap: [3, 150], nextDay: 0.15 }],
  },
  {
    file: 'c04-rivm-modellering.jsonl',
    title: 'RIVM modellering en OMT-voorbereiding',
    description: 'Modelling and OMT preparation: R-values, percentages, bed counts; numeric near misses.',
    seed: 404,
    participants: [16, 17, 0, 5, 9],
    work: [T.WORK_RIVM, T.WORK_RIVM, T.WORK_VWS],
    phases: [{ start: '2020-04-01T08:30', threads: 150, mix: mix({ idNear: 12, healthNear: 10, idWork: 2, privateNames: 1.5, offtopic: 3 }), gap: [5, 180], nextDay: 0.16 }],
  },
  {
    file: 'c05-vaccinatie.jsonl',
    title: 'Programma vaccinatie',
    description: 'Vaccination campaign 2021, and a few messages after the eval policy\'s period ends (2022-06-30).',
    seed: 505,
    participants: [2, 4, 8, 12, 15, 17],
    work: [T.WORK_VACC, T.WORK_VACC, T.WORK_GGD],
    phases: [
      { start: '2021-01-04T08:05', threads: 165, mix: mix({ idWork: 6, healthNear: 7 }), gap: [3, 160], nextDay: 0.15 },
      { start: '2022-06-28T09:10', threads: 22, mix: mix({ offtopic: 8 }), gap: [20, 300], nextDay: 0.3 },
    ],
  },
  {
    file: 'c06-dg-overleg.jsonl',
    title: 'DG-overleg (crisis en andere dossiers)',
    description: 'Directors-general: the crisis next to stikstof, PFAS, Schiphol, a building renovation; many off-topic threads.',
    seed: 606,
    participants: [1, 3, 6, 11, 14, 16],
    work: [T.WORK_VWS, T.WORK_VR, T.WORK_VACC],
    phases: [{ start: '2020-05-11T08:40', threads: 165, mix: mix({ offtopic: 40, work: 26, generic: 10, private: 5 }), gap: [5, 200], nextDay: 0.17 }],
  },
  {
    file: 'c07-team-preventie-2019.jsonl',
    title: 'Team Preventie (vanaf 2019)',
    description: 'A team chat that starts in autumn 2019 (before the period), crosses 15 December 2019 at night, and turns to the new virus in January 2020.',
    seed: 707,
    participants: [5, 7, 10, 13, 17],
    work: [T.WORK_EARLY],
    phases: [
      { start: '2019-09-02T08:20', threads: 70, mix: { precrisis: 30, offtopic: 22, private: 12, privateNames: 2, privateHealth: 2, idPrivate: 1.5, idNear: 2, negated: 1 }, gap: [10, 300], nextDay: 0.3 },
      { start: '2019-12-14T22:40', threads: 14, mix: { private: 10, offtopic: 6, precrisis: 5 }, gap: [2, 9], nextDay: 0 },
      { start: '2019-12-16T08:30', threads: 20, mix: { offtopic: 20, precrisis: 10, private: 10, idNear: 2 }, gap: [10, 240], nextDay: 0.35 },
      { start: '2020-01-06T08:30', threads: 55, mix: mix({ work: 30, generic: 10, offtopic: 6 }), gap: [5, 200], nextDay: 0.15 },
    ],
  },
  {
    file: 'c09-bco-team-avonddienst.jsonl',
    title: 'BCO-team avonddienst',
    description: 'A contact-tracing shift chat where case details get pasted: identifiers of every kind, and the case and order numbers that look like them.',
    seed: 909,
    participants: [7, 8, 10, 12, 14, 15],
    work: [T.WORK_GGD, T.WORK_GGD, T.WORK_VACC],
    phases: [{ start: '2020-09-14T16:05', threads: 210, mix: mix({ idWork: 70, idNear: 40, contactList: 2.5, work: 20, generic: 8, private: 4, offtopic: 1.5 }), gap: [2, 90], nextDay: 0.12 }],
  },
  {
    file: 'c08-collegas-informeel.jsonl',
    title: 'Collega\'s DGO (informeel)',
    description: 'An informal colleagues\' group: much privé chatter, pleasantries, and work all the same.',
    seed: 808,
    participants: [0, 2, 4, 9, 13, 16],
    work: [T.WORK_VWS, T.WORK_GGD, T.WORK_RIVM],
    phases: [{ start: '2020-03-16T07:55', threads: 185, mix: mix({ private: 30, privateNames: 7, privateHealth: 6, privateCrime: 2, idPrivate: 4, pleasantry: 10, work: 16, generic: 10, offtopic: 3, idWork: 1.5, idNear: 2, healthNear: 2, crimeNear: 1 }), gap: [5, 240], nextDay: 0.2 }],
  },
];

function pickWeighted<T extends string>(r: Rand, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1][0];
}

interface Draft {
  piece: Piece;
  kind: Kind;
  sender: string;
  minutesAfter: number;
}

/** One thread: an opening message and the replies it gets. */
function thread(type: ThreadType, spec: ConversationSpec, r: Rand, participants: Ctx['participants']): Draft[] {
  const opener = pick(r, participants).sender;
  const ctx = (sender: string): Ctx => ({ r, sender, participants, named: new Set() });
  const others = () => pick(r, participants.filter((p) => p.sender !== opener)).sender;
  const out: Draft[] = [];
  const say = (template: string, kind: Kind, sender = opener, minutesAfter = 0) => out.push({ piece: render(template, ctx(sender)), kind, sender, minutesAfter });
  const replies = (pool: readonly string[], kind: Kind, max: number, p = 0.55) => {
    let n = 0;
    while (n < max && chance(r, p)) {
      n++;
      say(pick(r, pool), kind, others(), chance(r, 0.4) ? 0 : int(r, 1, 25));
    }
  };
  const workPool = () => pick(r, spec.work);
  switch (type) {
    case 'work':
      say(pick(r, workPool()), 'work');
      replies(T.ACKS, 'work', 3);
      break;
    case 'generic':
      say(pick(r, T.WORK_GENERIC), 'work');
      replies(T.ACKS, 'work', 2, 0.45);
      break;
    case 'pleasantry': {
      let p = concat(render(pick(r, T.PLEASANTRY_PREFIX), ctx(opener)), render(pick(r, workPool()), ctx(opener)));
      if (chance(r, 0.35)) p = concat(p, render(pick(r, T.PLEASANTRY_SUFFIX), ctx(opener)));
      out.push({ piece: p, kind: 'work', sender: opener, minutesAfter: 0 });
      replies(T.ACKS, 'work', 2, 0.4);
      break;
    }
    case 'private':
      say(pick(r, T.PRIVATE), 'private');
      replies(T.PRIVATE_REPLIES, 'private', 3, 0.6);
      break;
    case 'privateNames':
      say(pick(r, T.PRIVATE_NAMES), 'private');
      replies(T.PRIVATE_REPLIES, 'private', 2, 0.5);
      break;
    case 'privateHealth':
      say(pick(r, T.PRIVATE_HEALTH), 'private');
      replies(T.SYMPATHY_REPLIES, 'private', 3, 0.65);
      break;
    case 'workHealth':
      say(pick(r, T.WORK_HEALTH_PERSON), 'work');
      replies(T.WORK_SYMPATHY, 'work', 2, 0.6);
      break;
    case 'negated':
      say(pick(r, T.HEALTH_NEGATED), 'work');
      break;
    case 'healthNear':
      say(pick(r, T.HEALTH_NEAR), 'work');
      replies(T.ACKS, 'work', 2, 0.4);
      break;
    case 'privateCrime':
      say(pick(r, T.PRIVATE_CRIME), 'private');
      replies(T.SYMPATHY_REPLIES, 'private', 2, 0.6);
      break;
    case 'workCrime':
      say(pick(r, T.WORK_CRIME_PERSON), 'work');
      replies(T.ACKS, 'work', 2, 0.45);
      break;
    case 'crimeNear':
      say(pick(r, T.CRIME_NEAR), 'work');
      replies(T.ACKS, 'work', 2, 0.4);
      break;
    case 'idWork':
      say(pick(r, T.ID_WORK[pick(r, ID_RULES)]), 'work');
      replies(T.ACKS, 'work', 2, 0.45);
      break;
    case 'idPrivate':
      say(pick(r, T.ID_PRIVATE), 'private');
      replies(T.PRIVATE_REPLIES, 'private', 1, 0.5);
      break;
    case 'idNear':
      say(pick(r, T.ID_NEAR), 'work');
      replies(T.ACKS, 'work', 1, 0.35);
      break;
    case 'contactList':
      say(pick(r, T.CONTACT_LIST), 'work');
      replies(T.ACKS, 'work', 1, 0.5);
      break;
    case 'offtopic':
      say(pick(r, T.OFFTOPIC), 'offtopic');
      replies(T.ACKS, 'offtopic', 3, 0.55);
      break;
    case 'precrisis':
      say(pick(r, T.PRE_CRISIS), 'offtopic');
      replies(T.ACKS, 'offtopic', 2, 0.5);
      break;
  }
  return out;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:00`;
}

const MINUTE = 60_000;
const parseLocal = (s: string) => Date.parse(`${s}:00Z`);

/** Labels of one message: its spans (in text order), then bulk-pii, privé, topic and period. */
function labelsFor(piece: Piece, kind: Kind, timestamp: string): GoldLabel[] {
  const spans = [...piece.labels].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: GoldLabel[] = spans.map((l) => ({ category: RULE_CATEGORY[l.rule], rule: l.rule, span: { start: l.start, end: l.end }, text: piece.text.slice(l.start, l.end) }));
  const contacts = spans.filter((l) => l.rule === 'phone' || l.rule === 'email').length;
  if (contacts >= 3) out.push({ category: 'AVG', rule: 'bulk-pii', span: null });
  if (kind === 'private') out.push({ category: 'privé', rule: 'private', span: null });
  if (kind === 'offtopic') out.push({ category: 'scope', rule: 'topic', span: null });
  const day = timestamp.slice(0, 10);
  if (day < PERIOD.start || day > PERIOD.end) out.push({ category: 'scope', rule: 'period', span: null });
  return out;
}

function generateConversation(spec: ConversationSpec, firstId: number): CorpusMessage[] {
  const r = mulberry32(spec.seed);
  const participants = spec.participants.map((i) => V.PARTICIPANTS[i]);
  const messages: CorpusMessage[] = [];
  let clock = parseLocal(spec.phases[0].start);
  for (const phase of spec.phases) {
    clock = Math.max(clock, parseLocal(phase.start));
    for (let t = 0; t < phase.threads; t++) {
      if (t > 0) {
        if (chance(r, phase.nextDay)) {
          const day = new Date(clock);
          day.setUTCDate(day.getUTCDate() + (chance(r, 0.8) ? 1 : int(r, 2, 3)));
          day.setUTCHours(int(r, 7, 9), int(r, 0, 59), 0, 0);
          clock = day.getTime();
        } else clock += int(r, phase.gap[0], phase.gap[1]) * MINUTE;
        const h = new Date(clock).getUTCHours();
        if (phase.nextDay > 0 && (h >= 23 || h < 7)) {
          const day = new Date(clock);
          if (h >= 23) day.setUTCDate(day.getUTCDate() + 1);
          day.setUTCHours(int(r, 7, 9), int(r, 0, 59), 0, 0);
          clock = day.getTime();
        }
      }
      const type = pickWeighted(r, phase.mix);
      for (const d of thread(type, spec, r, participants)) {
        clock += d.minutesAfter * MINUTE;
        const timestamp = stamp(clock);
        messages.push({
          id: `m${String(firstId + messages.length).padStart(6, '0')}`,
          timestamp,
          precision: 'minute',
          sender: d.sender,
          kind: 'message',
          text: d.piece.text,
          labels: labelsFor(d.piece, d.kind, timestamp),
        });
      }
    }
  }
  return messages;
}

export interface Manifest {
  description: string;
  generator: string;
  period: typeof PERIOD;
  conversations: { file: string; title: string; description: string; messages: number; first: string; last: string }[];
}

/** The whole corpus as file name → content; the same every run. */
export function generateCorpus(): Map<string, string> {
  const files = new Map<string, string>();
  const manifest: Manifest = {
    description: 'Synthetic Dutch crisis-team chats with gold labels for Chat Review\'s evaluation. All names, numbers and addresses are fictional. See README.md.',
    generator: 'test/eval/corpus/generate.ts (npx tsx test/eval/corpus/generate.ts)',
    period: PERIOD,
    conversations: [],
  };
  let next = 1;
  for (const spec of CONVERSATIONS) {
    const msgs = generateConversation(spec, next);
    next += msgs.length;
    files.set(spec.file, msgs.map((m) => JSON.stringify(m)).join('\n') + '\n');
    manifest.conversations.push({ file: spec.file, title: spec.title, description: spec.description, messages: msgs.length, first: msgs[0].timestamp, last: msgs[msgs.length - 1].timestamp });
  }
  files.set('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  return files;
}

/** Sanity: the checksum helpers agree with the fixtures they generate. */
export function selfCheck(): void {
  const r = mulberry32(1);
  for (let i = 0; i < 50; i++) {
    if (!elevenTestOk(validBsnDigits(r))) throw new Error('valid BSN fails the 11-test');
    if (elevenTestOk(invalidBsnDigits(r))) throw new Error('invalid BSN passes the 11-test');
  }
}

export const CORPUS_DIR = __dirname;

function main(): void {
  selfCheck();
  const files = generateCorpus();
  const check = process.argv.includes('--check');
  let differs = 0;
  for (const [name, content] of files) {
    const path = join(CORPUS_DIR, name);
    if (check) {
      let old = '';
      try {
        old = readFileSync(path, 'utf8');
      } catch {
        /* missing */
      }
      if (old !== content) {
        differs++;
        console.log(`differs: ${name}`);
      }
    } else writeFileSync(path, content);
  }
  if (check) {
    console.log(differs === 0 ? 'corpus is up to date' : `${differs} file(s) differ: run npx tsx test/eval/corpus/generate.ts`);
    process.exitCode = differs === 0 ? 0 : 1;
  } else console.log(`wrote ${files.size} files to ${CORPUS_DIR}`);
}

if (require.main === module) main();
