/**
 * Conversation content for the synthetic screenshot sets (test/screenshots/render.ts): Dutch
 * crisis-team chats between two or three people, made from a seeded PRNG and the hand-written
 * templates below. Everything is fictional: names, numbers, addresses. Identifiers are computed
 * to be valid (BSN 11-test, IBAN mod 97), so a detector sees them as the real thing.
 *
 * Pure and deterministic: the same seed gives the same conversation, on any machine.
 */

/** A small seeded PRNG: a 32-bit counter stepped by the golden ratio, each step hashed (splitmix-style). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
    return ((z ^ (z >>> 15)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((n, [, w]) => n + w, 0);
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1][0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/** A stable 32-bit seed from several numbers (set seed from the run seed and the set index). */
export function deriveSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    for (const byte of [p & 0xff, (p >>> 8) & 0xff, (p >>> 16) & 0xff, (p >>> 24) & 0xff]) {
      h ^= byte;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h;
}

// --- Identifiers ------------------------------------------------------------------------------

/** Nine digits passing the BSN 11-test (9·d1 + … + 2·d8 − d9 ≡ 0 mod 11), first digit not 0. */
export function makeBsn(rng: Rng): string {
  for (;;) {
    const d = [rng.int(1, 9)];
    for (let i = 1; i < 8; i++) d.push(rng.int(0, 9));
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * d[i];
    const check = sum % 11;
    if (check <= 9) return d.join('') + String(check);
  }
}

function mod97(digitsAndLetters: string): number {
  let r = 0;
  for (const ch of digitsAndLetters) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) r = (r * 10 + Number(d)) % 97;
  }
  return r;
}

const BANKS = ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB', 'KNAB', 'BUNQ'] as const;

/** A Dutch IBAN with a correct mod-97 check; grouped by four (as people type it) or compact. */
export function makeIban(rng: Rng, grouped: boolean): string {
  let account = '';
  for (let i = 0; i < 10; i++) account += String(rng.int(0, 9));
  const bban = rng.pick(BANKS) + account;
  const check = 98 - mod97(`${bban}NL00`);
  const iban = `NL${String(check).padStart(2, '0')}${bban}`;
  return grouped ? iban.replace(/(.{4})(?!$)/g, '$1 ') : iban;
}

export function makePhone(rng: Rng): string {
  const digits = (n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
  const form = rng.int(0, 4);
  if (form === 0) return `06-${rng.int(1, 9)}${digits(7)}`;
  if (form === 1) return `06 ${rng.int(1, 9)}${digits(7)}`;
  if (form === 2) return `+31 6 ${rng.int(1, 9)}${digits(3)} ${digits(4)}`;
  if (form === 3) return `0${rng.pick(['10', '20', '30', '40', '50', '70'])}-${rng.int(2, 9)}${digits(6)}`;
  return `06${rng.int(1, 9)}${digits(7)}`;
}

export function makePostcode(rng: Rng): string {
  const letters = 'ABCEGHJKLMNPRTVWXZ';
  let pair = '';
  do pair = rng.pick([...letters]) + rng.pick([...letters]);
  while (pair === 'SS' || pair === 'SD' || pair === 'SA');
  return `${rng.int(1000, 9999)} ${pair}`;
}

// --- People and places (fictional) ----------------------------------------------------------

const FIRST = [
  'Marieke', 'Piet', 'Jan', 'Sanne', 'Joris', 'Fatima', 'Noor', 'Bram', 'Eline', 'Kees',
  'Anouk', 'Mehmet', 'Ingrid', 'Ruud', 'Lotte', 'Sven', 'Zoë', 'Daan', 'Hanneke', 'Wouter',
  'Chloë', 'Youssef', 'Mirjam', 'Gert-Jan', 'Aïcha', 'Thijs',
] as const;
const LAST = [
  'Jansen', 'de Vries', 'Bakker', 'van der Linden', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'Bos', 'Vos', 'Peeters', 'Hendriks', 'van Dijk', 'Koç', 'El Amrani', 'Brouwer',
  'van den Berg', 'Dekker', 'Verhoeven', 'Kuijpers', 'Schouten',
] as const;
const CITIES = ['Zwolle', 'Deventer', 'Apeldoorn', 'Kampen', 'Hengelo', 'Almelo', 'Raalte', 'Ommen', 'Hardenberg', 'Dalfsen'] as const;
const STREETS = [
  'Stationsweg', 'Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Lindelaan', 'Schoolstraat', 'Burgemeester Roelenweg',
  'Oude Veerweg', 'Populierenlaan', 'Weteringkade', 'Brinkstraat', 'Prinses Irenestraat',
] as const;
const ROOMS = ['zaal 2', 'de crisiskamer', 'het ROT', 'zaal Vecht', 'de kantine', 'kamer 3.14'] as const;
const MEETINGS = ['OMT', 'ROT-overleg', 'beleidsteam', 'GBT', 'persoverleg', 'CoPI'] as const;
const TOPICS = ['opvang', 'vaccinatielocaties', 'evacuatie', 'communicatie', 'dijkbewaking', 'testcapaciteit', 'hoogwaterlijn'] as const;
const GROUPS = ['Crisisteam Oost', 'ROT Vecht', 'Beleidsteam', 'Kernteam opvang', 'OMT regio'] as const;
const DAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;
const MAIL_DOMAINS = ['veiligheidsregio-oost.nl', 'gemeente-dalfsen.nl', 'ggd-ijsselland.nl', 'gmail.com', 'hotmail.com', 'ziggo.nl', 'kpnmail.nl'] as const;

export interface Person {
  first: string;
  last: string;
  name: string;
}

function person(rng: Rng, taken: Set<string>): Person {
  for (;;) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    if (taken.has(first)) continue;
    taken.add(first);
    return { first, last, name: `${first} ${last}` };
  }
}

function mailLocal(p: Person): string {
  const strip = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return `${strip(p.first)[0]}.${strip(p.last)}`;
}

// --- Templates ------------------------------------------------------------------------------

/** What a span in a message is: identifiers and the remarks an archivist removes. */
export type SpanKind = 'bsn' | 'iban' | 'phone' | 'email' | 'address' | 'name';
/** Message-level labels: a health or private remark. */
export type MessageLabel = 'health' | 'private';

export interface Span {
  kind: SpanKind;
  /** UTF-16 offsets into the message text. */
  start: number;
  end: number;
  text: string;
}

interface Template {
  text: string;
  labels?: MessageLabel[];
  /** Relative frequency (default 1). */
  weight?: number;
}

/**
 * Slots: {time} {day} {name} {first} {city} {street} {house} {postcode} {address} {bsn} {iban}
 * {phone} {email} {email2} {number} {room} {meeting} {topic}. Written for 1–4 lines in a phone
 * bubble (about 30 characters a line).
 */
const TEMPLATES: Template[] = [
  // Work.
  { text: 'Goedemorgen allemaal, {meeting} om {time} in {room}.', weight: 2 },
  { text: 'Kun je het concept-persbericht nog even checken vóór {time}?' },
  { text: 'De burgemeester wil om {time} een update over de {topic}.', weight: 2 },
  { text: 'Zit nog in het overleg met de GGD, bel je zo terug.' },
  { text: 'Heb de cijfers van vandaag doorgestuurd naar {name}.' },
  { text: 'We schalen op naar GRIP 2. Iedereen graag om {time} in {room}.' },
  { text: 'Zijn de ideeën over de coördinatie met België al geëvalueerd?' },
  { text: 'Locatie {city} loopt vol, we wijken uit naar de sporthal.' },
  { text: 'Notulen staan in de gedeelde map, graag vóór {day} reageren.' },
  { text: 'Wie pakt de persvragen op? Ik heb er nog {number} openstaan.' },
  { text: 'Evacuatie aan de {street} is afgerond, {number} bewoners opgevangen in {city}.' },
  { text: 'Dat is één van de scenario’s die we nog moeten doorrekenen.' },
  { text: 'Het café aan de {street} blijft dicht tot nader order.' },
  { text: 'Kunnen we de {topic} morgen als eerste agenderen in het {meeting}?' },
  { text: 'Net gebeld met de veiligheidsregio: opvang in {city} moet {day} om {time} klaar zijn, met bedden.' },
  { text: 'Agenda {meeting}:\n1. Stand van zaken\n2. Communicatie\n3. Rondvraag' },
  { text: 'Situatie is reëel, maar nog niet kritiek. Ik hou jullie op de hoogte.' },
  { text: 'De minister belt om {time}. Graag de laatste cijfers over de {topic} vóór die tijd.' },
  { text: 'Reactie van de provincie is binnen, zie mail. Ik vind het een redelijk voorstel.' },
  { text: 'Vergeet niet je uren te schrijven, de coördinator vraagt erom.' },
  { text: 'Dijkwacht meldt kwel bij de {street}, {name} gaat kijken.' },
  { text: 'Graag even privé bellen over de inzet van vanavond.' },
  { text: 'Paraaf staat, stuk kan door naar het {meeting}.' },
  { text: 'Ik zie {first} straks in {room}, dan bespreken we het.' },
  // Identifiers.
  { text: 'BSN van de nieuwe medewerker is {bsn}, wil jij hem aanmelden?', weight: 1.5 },
  { text: 'Declaratie graag overmaken op {iban} t.n.v. {name}.', weight: 1.5 },
  { text: 'Bel me even op {phone} als je er bent.', weight: 1.5 },
  { text: 'Mail het maar naar {email}, mijn werkmail doet het niet.', weight: 1.5 },
  { text: 'Het adres is {address}.', weight: 1.2 },
  { text: 'Zijn nummer is {phone}, hij weet ervan.' },
  { text: 'Kun je {name} (BSN {bsn}) toevoegen aan de lijst voor {day}?' },
  { text: 'Nieuw rekeningnummer: {iban}' },
  { text: 'Stuur de stukken naar {email} en cc {email2} aub' },
  { text: 'Opvanglocatie: {address}, ingang aan de achterkant.' },
  { text: 'Gezin van vier, nu op {address}. Contact via {phone}.' },
  // Health (special-category data).
  { text: 'Mijn moeder ligt sinds gisteren in het ziekenhuis met longontsteking 😔', labels: ['health', 'private'] },
  { text: 'Ben positief getest, ik werk de rest van de week thuis.', labels: ['health'] },
  { text: 'Heb {day} een afspraak bij de psycholoog, ben pas om {time} bereikbaar.', labels: ['health'] },
  { text: 'Hij zit thuis met een burn-out, niet doorvertellen aub.', labels: ['health'] },
  { text: 'Mijn vrouw is zwanger van de tweede, nog even onder ons!', labels: ['health', 'private'] },
  { text: 'Even een crème halen bij de apotheek, mijn eczeem speelt weer op.', labels: ['health'] },
  { text: 'Heb mijn medicijnen thuis laten liggen, ben zo terug.', labels: ['health'] },
  { text: 'Collega van de meldkamer is met hartklachten opgenomen. Sterkte voor zijn gezin 🙏', labels: ['health'] },
  // Private.
  { text: 'Zaterdag BBQ bij ons? Neem je de kinderen mee?', labels: ['private'] },
  { text: 'Privé: we zijn vanavond bij mijn schoonzus, ze is jarig 🎉', labels: ['private'] },
  { text: 'Koffie in het café op de hoek?', labels: ['private'] },
  { text: 'Heb je zin om {day} te gaan hardlopen?', labels: ['private'] },
  { text: 'De kinderen hebben waterpokken, dus ik ben er morgen pas na de lunch.', labels: ['private', 'health'] },
  { text: 'Kun jij de sleutel van het vakantiehuisje meenemen? Ligt in de la.', labels: ['private'] },
  { text: 'Was gezellig gisteren, ook al was het maar een uurtje 😊', labels: ['private'] },
  // Short replies.
  { text: 'Ok', weight: 2 },
  { text: 'Top 👍', weight: 2 },
  { text: 'Klopt', weight: 1.5 },
  { text: 'Ja, doe ik', weight: 1.5 },
  { text: 'Prima, dank je!', weight: 1.5 },
  { text: 'Ik kom eraan' },
  { text: 'Helder.' },
  { text: 'Goed idee' },
  { text: 'Nee, nog niet' },
  { text: 'Thanks!' },
  { text: '👍' },
  { text: 'Oké, tot zo' },
  { text: 'Is goed' },
  { text: 'Sterkte! 🙏' },
  { text: 'Haha 😅' },
  { text: 'Komt voor elkaar' },
  { text: 'Één moment' },
  { text: 'Gezien, dank' },
  { text: 'Wordt vervolgd…' },
];

export interface Participant extends Person {
  /** The phone's owner: right side. */
  owner: boolean;
}

export interface GeneratedMessage {
  side: 'left' | 'right';
  sender: string;
  text: string;
  /** Local time, minute precision: `YYYY-MM-DDTHH:MM`. */
  time: string;
  spans: Span[];
  labels: MessageLabel[];
}

export interface GeneratedConversation {
  owner: Participant;
  others: Participant[];
  /** What the phone shows in its top bar: the other person's name, or the group's. */
  title: string;
  group: boolean;
  messages: GeneratedMessage[];
}

/** Fills one template; spans point into the returned text. */
function fill(rng: Rng, template: Template, people: Participant[]): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let out = '';
  const src = template.text;
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{', i);
    if (open < 0) {
      out += src.slice(i);
      break;
    }
    out += src.slice(i, open);
    const close = src.indexOf('}', open);
    const slot = src.slice(open + 1, close);
    const [value, kind] = slotValue(rng, slot, people);
    if (kind) spans.push({ kind, start: out.length, end: out.length + value.length, text: value });
    out += value;
    i = close + 1;
  }
  return { text: out, spans };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function slotValue(rng: Rng, slot: string, people: Participant[]): [string, SpanKind | null] {
  switch (slot) {
    case 'time':
      return [`${rng.int(7, 22)}:${pad2(rng.pick([0, 0, 15, 30, 45, 5, 10, 20]))}`, null];
    case 'day':
      return [rng.pick(DAYS), null];
    case 'name': {
      const p = person(rng, new Set(people.map((x) => x.first)));
      return [p.name, 'name'];
    }
    case 'first':
      return [rng.pick(people).first, null];
    case 'city':
      return [rng.pick(CITIES), null];
    case 'street':
      return [rng.pick(STREETS), null];
    case 'house':
      return [String(rng.int(1, 180)), null];
    case 'postcode':
      return [makePostcode(rng), 'address'];
    case 'address': {
      const street = rng.pick(STREETS);
      const house = `${rng.int(1, 180)}${rng.chance(0.15) ? rng.pick(['a', 'b', '-2']) : ''}`;
      const form = rng.int(0, 2);
      const pc = makePostcode(rng);
      if (form === 0) return [`${street} ${house}, ${pc} ${rng.pick(CITIES)}`, 'address'];
      if (form === 1) return [`${pc} ${house}`, 'address'];
      return [`${street} ${house} in ${rng.pick(CITIES)}`, 'address'];
    }
    case 'bsn':
      return [makeBsn(rng), 'bsn'];
    case 'iban':
      return [makeIban(rng, rng.chance(0.6)), 'iban'];
    case 'phone':
      return [makePhone(rng), 'phone'];
    case 'email':
      return [`${mailLocal(rng.pick(people))}@${rng.pick(MAIL_DOMAINS)}`, 'email'];
    case 'email2': {
      // Someone outside the chat, so the two addresses of one message differ.
      const p = person(rng, new Set(people.map((x) => x.first)));
      return [`${mailLocal(p)}@${rng.pick(MAIL_DOMAINS)}`, 'email'];
    }
    case 'number':
      return [String(rng.int(2, 140)), null];
    case 'room':
      return [rng.pick(ROOMS), null];
    case 'meeting':
      return [rng.pick(MEETINGS), null];
    case 'topic':
      return [rng.pick(TOPICS), null];
    default:
      throw new Error(`unknown template slot {${slot}}`);
  }
}

const EMOJI = ['👍', '🙏', '😅', '😊', '💪', '🤞', '😷', '🙈'] as const;

/** Minutes since the epoch of a local date-time (no time zone: pure calendar arithmetic). */
export function toMinutes(year: number, month: number, day: number, hour: number, minute: number): number {
  return Math.floor(Date.UTC(year, month - 1, day, hour, minute) / 60000);
}

/** `YYYY-MM-DDTHH:MM` for minutes since the epoch (calendar arithmetic in UTC, read as local). */
export function formatMinutes(minutes: number): string {
  return new Date(minutes * 60000).toISOString().slice(0, 16);
}

/**
 * A conversation of `count` messages: two or three people (`group` when three), runs of one to
 * four messages per speaker, a few minutes between messages and hours or days between sessions.
 */
export function generateConversation(rng: Rng, count: number, startMinutes: number): GeneratedConversation {
  const taken = new Set<string>();
  const group = rng.chance(0.35);
  const owner: Participant = { ...person(rng, taken), owner: true };
  const others: Participant[] = [{ ...person(rng, taken), owner: false }];
  if (group) others.push({ ...person(rng, taken), owner: false });
  const people = [owner, ...others];
  const title = group
    ? rng.chance(0.6)
      ? rng.pick(GROUPS)
      : `${others[0].first} en ${others[1].first}`
    : others[0].name;

  const messages: GeneratedMessage[] = [];
  let t = startMinutes;
  let speaker: Participant = rng.chance(0.5) ? owner : others[0];
  let runLeft = rng.int(1, 3);
  let lastText = '';
  while (messages.length < count) {
    const template = rng.weighted(TEMPLATES.map((tp) => [tp, tp.weight ?? 1] as const));
    let { text, spans } = fill(rng, template, people);
    if (text === lastText) continue;
    if (rng.chance(0.08) && !/\p{Extended_Pictographic}/u.test(text)) text += ` ${rng.pick(EMOJI)}`;
    lastText = text;
    messages.push({
      side: speaker.owner ? 'right' : 'left',
      sender: speaker.name,
      text,
      time: formatMinutes(t),
      spans,
      labels: [...(template.labels ?? [])],
    });
    // The next message's time: mostly minutes later, sometimes hours, now and then the next day.
    const gap = rng.weighted<[number, number]>([
      [[0, 2], 40],
      [[2, 15], 30],
      [[15, 55], 12],
      [[70, 300], 12],
      [[600, 2000], 6],
    ]);
    t += rng.int(gap[0], gap[1]);
    const hour = Math.floor(t / 60) % 24;
    if (hour >= 23 || hour < 7) t += ((7 - hour + 24) % 24) * 60 + rng.int(0, 50); // nights are quiet
    runLeft--;
    if (runLeft <= 0) {
      const candidates = people.filter((p) => p !== speaker);
      speaker = rng.pick(candidates);
      runLeft = rng.weighted([
        [1, 45],
        [2, 30],
        [3, 15],
        [4, 10],
      ]);
    }
  }
  return { owner, others, title, group, messages };
}
