// What the "one export per family" journey (formats.e2e.ts) expects: the fixtures it copies into
// the workspace (with their ‹BOM›-style marks turned into the real characters), what each review
// document shows, and what the cleaned files written beside each export must hold. Kept apart from
// the driving so another suite (VS Code desktop) can check the same files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import { readExport } from '../../../src/parsers';
import { unmark } from '../../unit/support/fixtures';

export { COMMAND_TITLE, SCHEME } from './openExport.expect';
export { SAVE_CLEANED } from './cleanAndDiff.expect';

export const SAVE_CLEANED_AND_RSMF = 'Chat Review: Save Cleaned Export and RSMF';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');

/** Stamped on tags; the time zone makes the epoch times of SMS and Telegram read as the phone showed them. */
export const SETTINGS = { 'chatReview.reviewer': 'e2e', 'chatReview.timeZone': 'Europe/Amsterdam' };

/** The reason typed when Save Cleaned Export refuses over open identifier flags (the fixtures hold phone numbers). */
export const REASON = 'Synthetische testnummers, geen echte personen';

/** A line of the review document: indent or tag, id, date, time, the rest. */
export const MESSAGE_LINE = /^(\S*)\s*(m\d{6}) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?) (.*)$/;

// ---------------------------------------------------------------------------------------------
// SMS Backup & Restore: one file, five threads

export const SMS = {
  fixture: 'sms/sms-20240715080000.xml',
  file: 'sms-20240715080000.xml',
  /** The quick pick Open Export shows for a file of several conversations. */
  placeholder: /^This file holds 5 conversations: pick one to review$/,
  /** Its items (conversation titles), in the order of the backup. */
  conversations: ['Annelies de Vries', 'Annelies de Vries, Bram Jansen, +31600000003', 'Bram Jansen', '+31600000004', 'KPN'],
  group: {
    id: '+31600000001~+31600000002~+31600000003',
    title: 'Annelies de Vries, Bram Jansen, +31600000003',
    /** Its three messages as the review document shows them (time in Europe/Amsterdam). */
    messages: [
      { id: 'm000001', time: '2024-07-14 09:05:00', sender: 'Bram Jansen', text: "Foto's van de kade", mmsId: 'mms0000000011' },
      { id: 'm000002', time: '2024-07-14 09:07:00', sender: 'Ik', text: 'Ontvangen, ik kom eraan', mmsId: 'mms0000000012' },
      { id: 'm000003', time: '2024-07-14 09:10:00', sender: '+31600000003', text: 'Wie neemt de aggregaat mee?', mmsId: 'mms0000000013' },
    ],
  },
  /** Tagged privé with Alt+P: its <mms> leaves the cleaned backup. */
  tag: { id: 'm000003', tag: 'privé', key: 'Alt+KeyP' },
  /** Texts of the other four threads: none may be in the cleaned file of the group thread. */
  otherThreads: [
    'Hoogwater verwacht vannacht. Crisisteam om 10:00?',
    'Ik ben er.',
    'Kun je me even bellen?',
    'Dit is Karin van de gemeente, mag ik dit nummer gebruiken?',
    'Ja hoor.',
    'Uw bundel is bijna op.',
  ],
  /** `<name>.<conversation id, ~ as _>.…` beside the export. */
  outputs: {
    cleaned: 'sms-20240715080000.+31600000001_+31600000002_+31600000003.cleaned.xml',
    diff: 'sms-20240715080000.+31600000001_+31600000002_+31600000003.removal.diff',
    report: 'sms-20240715080000.+31600000001_+31600000002_+31600000003.removal.json',
  },
  sidecar: 'sms-20240715080000.xml.+31600000001_+31600000002_+31600000003.chatreview.json',
} as const;

/** One message element of a backup (<sms> or <mms>) with its attributes and the texts of its parts. */
export interface SmsElement {
  name: 'sms' | 'mms';
  attributes: Record<string, string>;
  texts: string[];
}

/**
 * Reads a backup with a conforming XML parser (saxes): any well-formedness error throws. SMS Backup
 * & Restore writes emoji as two surrogate character references (`&#55357;&#56397;`), which XML
 * forbids; the export itself holds those, so a pair is read as the one character it stands for
 * first (as test/unit/formats/clean-sms.test.ts does). Returns the root's attributes and the
 * message elements in document order.
 */
export function readSmsBackup(xml: string): { root: Record<string, string>; messages: SmsElement[] } {
  const text = xml.replace(/&#(5[5-7]\d{3});&#(5[6-7]\d{3});/g, (_, hi: string, lo: string) => `&#${String.fromCharCode(+hi, +lo).codePointAt(0)};`);
  const parser = new SaxesParser();
  let root: Record<string, string> | undefined;
  const messages: SmsElement[] = [];
  let current: SmsElement | undefined;
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth++;
    const attributes = Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)]));
    if (depth === 1) {
      assert.equal(tag.name, 'smses', 'the root element is <smses>');
      root = attributes;
    } else if (depth === 2) {
      assert.ok(tag.name === 'sms' || tag.name === 'mms', `a message element under <smses>, not <${tag.name}>`);
      current = { name: tag.name, attributes, texts: tag.name === 'sms' ? [attributes.body] : [] };
      messages.push(current);
    } else if (tag.name === 'part' && current && attributes.ct === 'text/plain') {
      current.texts.push(attributes.text);
    }
  });
  parser.on('closetag', () => {
    depth--;
  });
  parser.write(text).close();
  assert.ok(root, 'the backup has a root element');
  return { root, messages };
}

// ---------------------------------------------------------------------------------------------
// Signal (signal-export chat.md)

export const SIGNAL = {
  fixture: 'signal/chat-2024.md',
  file: 'chat-2024.md',
  /** Bram's reply quoting Annelies's first message. */
  reply: { id: 'm000003', replyTo: 'm000001', mark: '↪ m000001', text: 'Mooi, dan kan de noodpomp terug.' },
  quoted: { id: 'm000001', sender: 'Annelies', text: 'Goedemiddag, de pompen bij gemaal Noord draaien weer.' },
  /** The thread quick fix on the quoted message: it and its one reply, tagged together. */
  threadFix: /^Tag m000001 and its 1 reply as privé$/,
  thread: ['m000001', 'm000003'],
  threadTag: 'privé',
  sidecar: 'chat-2024.md.chatreview.json',
} as const;

// ---------------------------------------------------------------------------------------------
// Telegram Desktop (result.json of one chat)

export const TELEGRAM = {
  fixture: 'telegram/chat-group.json',
  file: 'chat-group.json',
  /** Carlijn's message: its last word is redacted AVG with Alt+X. */
  redact: { id: 'm000005', word: 'burgemeester', text: 'Dank, ik geef het door aan de burgemeester', start: 30, end: 42, tag: 'AVG' },
  marker: '[AVG]',
  outputs: {
    cleaned: 'chat-group.cleaned.json',
    diff: 'chat-group.removal.diff',
    report: 'chat-group.removal.json',
    rsmf: 'chat-group.cleaned.rsmf',
  },
  sidecar: 'chat-group.json.chatreview.json',
} as const;

interface TelegramMessage {
  id: number;
  /** Absent on some service messages. */
  text?: string | (string | { type: string; text: string })[];
  text_entities?: { type: string; text: string }[];
}

/** The text of a Telegram message (a string, or an array of strings and entities). */
export function telegramText(m: TelegramMessage): string {
  if (m.text === undefined) return '';
  return typeof m.text === 'string' ? m.text : m.text.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

/**
 * The cleaned result.json: JSON.parse reads it; the redacted word is nowhere in it; the message
 * reads with `[AVG]` in its place (in `text` and in `text_entities`); every other message is kept
 * with its text unchanged.
 */
export function assertCleanedTelegram(cleanedPath: string, originalPath: string): void {
  const json = fs.readFileSync(cleanedPath, 'utf8');
  let cleaned: { name: string; messages: TelegramMessage[] };
  try {
    cleaned = JSON.parse(json) as typeof cleaned;
  } catch (e) {
    assert.fail(`${path.basename(cleanedPath)} is not JSON (${(e as Error).message})`);
  }
  const original = JSON.parse(fs.readFileSync(originalPath, 'utf8')) as typeof cleaned;
  assert.ok(!json.includes(TELEGRAM.redact.word), `"${TELEGRAM.redact.word}" is nowhere in ${path.basename(cleanedPath)}`);
  assert.equal(cleaned.name, original.name, 'the chat keeps its name');
  assert.deepEqual(cleaned.messages.map((m) => m.id), original.messages.map((m) => m.id), 'every message is kept (a redaction removes none)');
  const expected = TELEGRAM.redact.text.replace(TELEGRAM.redact.word, TELEGRAM.marker);
  for (const [i, m] of cleaned.messages.entries()) {
    const was = original.messages[i];
    if (telegramText(was) === TELEGRAM.redact.text) {
      assert.equal(telegramText(m), expected, `message ${m.id} reads with ${TELEGRAM.marker}`);
      if (m.text_entities) assert.equal(m.text_entities.map((e) => e.text).join(''), expected, `the text_entities of ${m.id} read with ${TELEGRAM.marker}`);
    } else {
      assert.equal(telegramText(m), telegramText(was), `message ${m.id} is unchanged`);
    }
  }
  assert.equal(cleaned.messages.filter((m) => telegramText(m).includes(TELEGRAM.marker)).length, 1, `one message holds ${TELEGRAM.marker}`);
}

/**
 * The cleaned RSMF: an RFC 5322 mail with the RSMF headers that the project's own RSMF reader
 * takes in; it holds the conversation's messages, the redacted one with `[AVG]` and without the word.
 */
export async function assertCleanedRsmf(rsmfPath: string, messageCount: number): Promise<void> {
  const head = (await fsp.readFile(rsmfPath, 'utf8')).split(/\r?\n\r?\n/)[0];
  assert.match(head, /^X-RSMF-Version: 2\.0/m, `${path.basename(rsmfPath)} has an X-RSMF-Version header:\n${head}`);
  const parsed = await readExport(rsmfPath);
  assert.equal(parsed.messages.length, messageCount, 'the RSMF holds every message of the cleaned conversation');
  const redacted = parsed.messages.find((m) => m.text.startsWith('Dank, ik geef het door'));
  assert.ok(redacted, 'the RSMF holds the redacted message');
  assert.equal(redacted.text, TELEGRAM.redact.text.replace(TELEGRAM.redact.word, TELEGRAM.marker));
  assert.ok(!parsed.messages.some((m) => m.text.includes(TELEGRAM.redact.word)), `no RSMF event holds "${TELEGRAM.redact.word}"`);
}

// ---------------------------------------------------------------------------------------------
// iMessage (iMazing CSV)

export const IMESSAGE = {
  fixture: 'imessage/imazing-newest.csv',
  file: 'imazing-newest.csv',
  /** Bram's traffic jam, tagged AVG with Alt+A: its CSV record leaves the cleaned file. */
  tag: { id: 'm000004', tag: 'AVG', key: 'Alt+KeyA', text: 'Sta in de file bij Gorinchem' },
  outputs: {
    cleaned: 'imazing-newest.cleaned.csv',
    diff: 'imazing-newest.removal.diff',
    report: 'imazing-newest.removal.json',
  },
  sidecar: 'imazing-newest.csv.chatreview.json',
} as const;

/**
 * The cleaned CSV: the same header (and BOM), every record but the tagged message's, in order,
 * with the same Text; csv-parse reads it with the header's column count on every record.
 */
export function assertCleanedCsv(cleanedPath: string, originalPath: string): void {
  const cleanedText = fs.readFileSync(cleanedPath, 'utf8');
  const originalText = fs.readFileSync(originalPath, 'utf8');
  assert.equal(cleanedText.startsWith('\uFEFF'), originalText.startsWith('\uFEFF'), 'the BOM is kept as the export had it');
  const firstLine = (t: string) => t.split(/\r?\n/)[0];
  assert.equal(firstLine(cleanedText), firstLine(originalText), 'the header line is kept as it was');
  const read = (t: string) => parseCsv(t, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
  const cleaned = read(cleanedText);
  const original = read(originalText);
  assert.ok(!cleanedText.includes(IMESSAGE.tag.text), `"${IMESSAGE.tag.text}" is not in ${path.basename(cleanedPath)}`);
  assert.deepEqual(
    cleaned.map((r) => [r['Message Date'], r.Text]),
    original.filter((r) => r.Text !== IMESSAGE.tag.text).map((r) => [r['Message Date'], r.Text]),
    'every record but the tagged message is kept, in order, with its text',
  );
}

// ---------------------------------------------------------------------------------------------
// The workspace

/** Every fixture the journey opens. */
export const FIXTURE_FILES = [SMS, SIGNAL, TELEGRAM, IMESSAGE].map((f) => ({ fixture: f.fixture, file: f.file }));

/**
 * Writes materialised copies of the fixtures (marks such as ‹BOM› turned into the characters) into
 * `dir`; returns their paths. Binary-safe for files without marks: those are copied as they are.
 */
export async function materialiseFixtures(dir: string): Promise<string[]> {
  await fsp.mkdir(dir, { recursive: true });
  const out: string[] = [];
  for (const { fixture, file } of FIXTURE_FILES) {
    const source = path.join(FIXTURES, fixture);
    const target = path.join(dir, file);
    const text = await fsp.readFile(source, 'utf8');
    if (/‹\w+›/.test(text)) await fsp.writeFile(target, unmark(text));
    else await fsp.copyFile(source, target);
    out.push(target);
  }
  return out;
}

/** The review sidecar of a review, as the extension wrote it. */
export interface Sidecar {
  export: { file: string; sha256: string; conversation?: string };
  tags: { id: string; tag: string; by: string }[];
  redactions?: { id: string; start: number; end: number; tag: string }[];
}

export function readSidecar(file: string): Sidecar {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Sidecar;
}

/** The message lines of a review document's text, by id. */
export function messageLines(text: string): Map<string, { line: number; tag: string; time: string; rest: string; text: string }> {
  const out = new Map<string, { line: number; tag: string; time: string; rest: string; text: string }>();
  text.split('\n').forEach((l, i) => {
    if (l.startsWith('#')) return;
    const m = MESSAGE_LINE.exec(l);
    if (m) out.set(m[2], { line: i + 1, tag: m[1], time: `${m[3]} ${m[4]}`, rest: m[5], text: l });
  });
  return out;
}
