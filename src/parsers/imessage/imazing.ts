import { messageId, type Conversation, type Message, type MessageMeta, type Participant, type Precision } from '../../model/conversation';
import { InputError } from '../../model/errors';
import type { ExportInput } from '../input';
import type { ConversationInfo, ExportFormat, MessageSink, ParseOptions } from '../registry';
import { decodeSample, textSample } from '../text';
import { readCsvRecords, type CsvRecord, type Delimiter } from './csvRecords';
import { attachmentEntry, chatName, presenceIn, stem, zipEntriesWhere } from './exportFiles';
import { parseReactionsCell } from './reactions';

/**
 * The columns we read, by their (case-insensitive) header name. iMazing's CSVs differ by version
 * and flavour (Messages with or without `Edited Date`, with `Reactions`; WhatsApp with `Sent
 * Date`, `Forwarded`, `Attachment info`), so cells are found by name, never by position.
 */
const COLUMNS = {
  session: 'Chat Session',
  date: 'Message Date',
  edited: 'Edited Date',
  service: 'Service',
  type: 'Type',
  senderId: 'Sender ID',
  senderName: 'Sender Name',
  replyingTo: 'Replying to',
  subject: 'Subject',
  text: 'Text',
  reactions: 'Reactions',
  attachment: 'Attachment',
} as const;
type Column = keyof typeof COLUMNS;

const REQUIRED: Column[] = ['session', 'date', 'type', 'text'];

/** Every header name iMazing writes in some variant: how a CSV is recognised as theirs. */
const IMAZING_NAMES = new Set([
  ...Object.values(COLUMNS), 'Delivered Date', 'Read Date', 'Deleted Date', 'Message ID', 'Status', 'Attachment type',
  'Sent Date', 'Forwarded', 'Attachment info',
].map((n) => n.toLowerCase()));

const DELIMITERS: Delimiter[] = [',', ';', '\t'];

/** The header of a CSV sample: the delimiter that splits it into the most iMazing names, and those names. */
function sniffHeader(sample: string): { delimiter: Delimiter; names: string[] } | undefined {
  const first = sample.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0];
  let best: { delimiter: Delimiter; names: string[]; known: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const names = first.split(delimiter).map((n) => n.trim().replace(/^"(.*)"$/, '$1').toLowerCase());
    const known = names.filter((n) => IMAZING_NAMES.has(n)).length;
    if (known > (best?.known ?? 0)) best = { delimiter, names, known };
  }
  return best;
}

/**
 * How sure we are that bytes start an iMazing CSV: all required columns → near certain; a header
 * with the tell-tale `Chat Session` or `Message Date` and other iMazing names → likely (parsing it
 * then names the missing columns).
 */
function rateHead(head: Uint8Array, what: string): number {
  const sample = textSample(head, what);
  if (sample === undefined) return 0;
  const header = sniffHeader(sample);
  if (!header) return 0;
  const names = new Set(header.names);
  if (REQUIRED.every((c) => names.has(COLUMNS[c].toLowerCase()))) return 0.95;
  const telltale = names.has('chat session') || names.has('message date');
  return telltale && header.names.filter((n) => IMAZING_NAMES.has(n)).length >= 3 ? 0.6 : 0;
}

/** The CSV to read: the file itself, or the one iMazing CSV inside a zip. */
async function chatCsv(input: ExportInput): Promise<{ entry: string | undefined; what: string }> {
  if (!input.zip) return { entry: undefined, what: input.fileName };
  const entries = await zipEntriesWhere(input, /\.csv$/i, (head) => rateHead(head, input.fileName) > 0);
  if (entries.length === 0) throw new InputError(`${input.fileName} holds no iMazing CSV export`);
  if (entries.length > 1) {
    throw new InputError(`${input.fileName} holds several iMazing CSV files (${entries.map((e) => JSON.stringify(e)).join(', ')}); unzip it and open one of them`);
  }
  return { entry: entries[0], what: chatName(input, entries[0]) };
}

type ColumnIndex = Partial<Record<Column, number>>;

/** The header record's columns, refusing a header that lacks any we need. */
function columnsOf(header: string[], what: string): ColumnIndex {
  const at = new Map(header.map((name, i) => [name.replace(/^\uFEFF/, '').trim().toLowerCase(), i]));
  const index: ColumnIndex = {};
  for (const [column, name] of Object.entries(COLUMNS) as [Column, string][]) index[column] = at.get(name.toLowerCase());
  const missing = REQUIRED.filter((c) => index[c] === undefined).map((c) => `"${COLUMNS[c]}"`);
  if (missing.length) throw new InputError(`${what} is not an iMazing CSV export: its header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return index;
}

/** The header, then the records of a chat CSV as a stream. */
async function openTable(input: ExportInput, entry: string | undefined, what: string): Promise<{ columns: ColumnIndex; records: AsyncGenerator<CsvRecord> }> {
  const header = sniffHeader(decodeSample(await input.head(entry), what));
  const records = readCsvRecords(input.open(entry), header?.delimiter ?? ',', what);
  const first = await records.next();
  if (first.done) throw new InputError(`${what} is empty`);
  return { columns: columnsOf(first.value.fields, what), records };
}

/** `2024-05-13 14:05:33` (or without seconds), local wall-clock time as iMazing writes it. */
const IMAZING_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

function readDate(value: string): { timestamp: string; precision: Precision } | undefined {
  const m = IMAZING_DATE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  if (day.getUTCMonth() !== +mo - 1 || day.getUTCDate() !== +d || +h > 23 || +mi > 59 || +(s ?? 0) > 59) return undefined;
  return { timestamp: `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}`, precision: s === undefined ? 'minute' : 'second' };
}

/**
 * A 53-bit hash of a text (cyrb53): finds quoted messages without keeping every text in memory.
 * Two texts of one chat sharing a hash is about as likely as winning a lottery twice.
 */
function textKey(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const normalizeBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

/** Turns the records of one chat session into messages, numbering them in order. */
class ImazingMessages {
  private count = 0;
  private readonly participants = new Map<string, Participant>();
  /** Text hash → number of the latest message with that text, for `Replying to` (only when the column exists). */
  private readonly byText: Map<number, number> | undefined;

  constructor(
    private readonly columns: ColumnIndex,
    private readonly session: string,
    private readonly what: string,
    private readonly present: (name: string) => boolean,
  ) {
    if (columns.replyingTo !== undefined) this.byText = new Map();
  }

  get messageCount(): number {
    return this.count;
  }

  get senders(): Participant[] {
    return [...this.participants.values()];
  }

  message(record: CsvRecord): Message {
    const cell = (c: Column) => {
      const i = this.columns[c];
      return i === undefined ? '' : record.fields[i];
    };
    const rawDate = cell('date');
    const date = readDate(rawDate);
    if (!date) {
      throw new InputError(`${this.what}: the record at line ${record.source.line} has Message Date ${JSON.stringify(rawDate)}, not a date as iMazing writes it (YYYY-MM-DD HH:MM:SS)`);
    }
    const type = cell('type').trim();
    const system = type === 'Notification';
    const direction = type === 'Outgoing' ? 'outgoing' : type === 'Incoming' ? 'incoming' : null;
    // iMazing leaves the sender empty on outgoing messages: the owner is not named in the export.
    const sender = system ? null : direction === 'outgoing' ? 'Me' : cell('senderName').trim() || cell('senderId').trim() || null;
    if (sender !== null && !this.participants.has(sender)) this.participants.set(sender, { name: sender });

    const text = normalizeBreaks(cell('text'));
    const attachmentName = cell('attachment').trim();
    const attachments = attachmentName ? [this.attachment(attachmentName, rawDate.trim())] : [];
    const meta: MessageMeta = {};
    if (cell('service').trim()) meta.service = cell('service').trim();
    if (cell('subject')) meta.subject = normalizeBreaks(cell('subject'));
    if (cell('edited').trim()) meta.edited = true;
    if (cell('reactions').trim()) meta.reactions = parseReactionsCell(cell('reactions'));
    const quoted = normalizeBreaks(cell('replyingTo'));
    const quotedNumber = quoted ? this.byText?.get(textKey(quoted)) : undefined;
    if (quoted && quotedNumber === undefined) meta.quote = quoted;

    this.count++;
    if (text && this.byText) this.byText.set(textKey(text), this.count);
    const message: Message = {
      id: messageId(this.count),
      timestamp: date.timestamp,
      precision: date.precision,
      sender,
      direction,
      kind: system ? 'system' : text === '' && attachments.length > 0 ? 'media' : 'message',
      text,
      attachments,
      replyTo: quotedNumber === undefined ? null : messageId(quotedNumber),
      source: record.source,
    };
    if (Object.keys(meta).length) message.meta = meta;
    return message;
  }

  /**
   * A file named in the Attachment column: beside the CSV (or beside it in the zip), under its own
   * name or as iMazing names the files it exports (`2024-05-13 14 05 33 - <session> - <name>`).
   */
  private attachment(name: string, date: string): { name: string; present: boolean } {
    const exported = `${date.replace(/:/g, ' ')} - ${this.session} - ${name}`;
    if (this.present(name)) return { name, present: true };
    if (this.present(exported)) return { name: exported, present: true };
    return { name, present: false };
  }
}

function sessionList(sessions: Iterable<string>): string {
  return [...sessions].map((s) => JSON.stringify(s)).join(', ');
}

/**
 * Streams the messages of one chat session. A CSV may hold several: without
 * `options.conversation`, the first session is read until another appears; then the rest is only
 * scanned to list them all in the error (callers that want no partial output, like the CLI, ask
 * `conversations()` first).
 */
async function parseImazing(input: ExportInput, options: ParseOptions, sink: MessageSink): Promise<Conversation> {
  const { entry, what } = await chatCsv(input);
  const { columns, records } = await openTable(input, entry, what);
  const present = await presenceIn(input, entry);
  const sessions = new Set<string>();
  let chosen = options.conversation;
  let builder: ImazingMessages | undefined;
  for await (const record of records) {
    const session = record.fields[columns.session!];
    sessions.add(session);
    chosen ??= session;
    if (session !== chosen) {
      // Lines of another session's message: the cleaner of this session's file leaves them out.
      sink.skipped?.(record.source);
      continue;
    }
    if (options.conversation === undefined && sessions.size > 1) continue;
    builder ??= new ImazingMessages(columns, session, what, present);
    sink.message(builder.message(record));
    if (builder.messageCount % 512 === 0) {
      if (sink.drain) await sink.drain();
      options.signal?.throwIfAborted();
    }
  }
  if (options.conversation === undefined && sessions.size > 1) {
    throw new InputError(`${what} holds ${sessions.size} chat sessions (${sessionList(sessions)}); choose one with --conversation`);
  }
  if (options.conversation !== undefined && !sessions.has(options.conversation)) {
    throw new InputError(`${what} has no chat session ${JSON.stringify(options.conversation)} (it has ${sessionList(sessions)})`);
  }
  if (!builder) throw new InputError(`${what} holds no messages, only its header`);
  return { title: chosen || stem(entry ?? input.fileName), participants: builder.senders };
}

async function listSessions(input: ExportInput): Promise<ConversationInfo[]> {
  const { entry, what } = await chatCsv(input);
  const { columns, records } = await openTable(input, entry, what);
  const counts = new Map<string, number>();
  for await (const record of records) {
    const session = record.fields[columns.session!];
    counts.set(session, (counts.get(session) ?? 0) + 1);
  }
  return [...counts].map(([id, messages]) => ({ id, title: id || stem(entry ?? input.fileName), messages }));
}

/** Where the cleaner finds a message's text: the CSV's delimiter and the index of its Text column. */
export async function imazingTextColumn(input: ExportInput, entry: string | undefined): Promise<{ delimiter: Delimiter; column: number }> {
  const what = chatName(input, entry);
  const header = sniffHeader(decodeSample(await input.head(entry), what));
  const column = header?.names.indexOf(COLUMNS.text.toLowerCase()) ?? -1;
  if (!header || column < 0) throw new InputError(`${what} has no ${COLUMNS.text} column`);
  return { delimiter: header.delimiter, column };
}

export const imazing: ExportFormat = {
  name: 'imazing',
  label: 'iMazing CSV',
  chatEntry: async (input) => (await chatCsv(input)).entry,
  attachmentEntry,

  async sniff(input) {
    if (input.zip) return (await zipEntriesWhere(input, /\.csv$/i, (head) => rateHead(head, input.fileName) > 0)).length ? 0.95 : 0;
    return rateHead(await input.head(), input.fileName);
  },

  parse: parseImazing,
  conversations: listSessions,
};
