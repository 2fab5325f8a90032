import { messageId, type Conversation, type Message, type Participant } from '../../model/conversation';
import { InputError } from '../../model/errors';
import type { ExportInput } from '../input';
import type { ConversationInfo, ExportFormat, MessageSink, ParseOptions } from '../registry';
import { readLines, textSample } from '../text';
import { readBody, type BodyContent } from './exporterBody';
import { attachmentEntry, chatName, presenceIn, stem, zipEntriesWhere } from './exportFiles';

const MONTHS: Record<string, string> = {
  Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12',
};

/** `May 17, 2022  5:29:42 PM`: the hour is padded with a space, so one-digit hours follow two spaces. */
const DATE = String.raw`(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4}) {1,2}(\d{1,2}):(\d{2}):(\d{2}) (AM|PM)`;
const READ_RECEIPT = String.raw`(?: \(Read by .+ after .+\))?`;
/** A message's first line: its date, perhaps with how long it took to be read. */
const HEADER = new RegExp(`^${DATE}${READ_RECEIPT}$`);
/** A group event, on one line: the date, then what happened (`… You named the conversation X`). */
const ANNOUNCEMENT = new RegExp(`^${DATE} (.+)$`);
/** The first line of a thread reply, shown inside the message it answers, indented four spaces. */
const REPLY_HEADER = new RegExp(`^    ${DATE}${READ_RECEIPT}$`);

const OWNER = 'Me';

function startsMessage(line: string): boolean {
  return line.charCodeAt(0) >= 0x41 && line.charCodeAt(0) <= 0x53 && (HEADER.test(line) || ANNOUNCEMENT.test(line));
}

/** The wall-clock time of a date match, or undefined for a day that does not exist (`Feb 30`). */
function timestampOf(m: RegExpExecArray): string | undefined {
  const [, month, day, year, hour, minute, second, half] = m;
  const d = +day;
  const h = +hour;
  const date = new Date(Date.UTC(+year, +MONTHS[month] - 1, d));
  if (date.getUTCDate() !== d || h < 1 || h > 12 || +minute > 59 || +second > 59) return undefined;
  const h24 = (h % 12) + (half === 'PM' ? 12 : 0);
  return `${year}-${MONTHS[month]}-${String(d).padStart(2, '0')}T${String(h24).padStart(2, '0')}:${minute}:${second}`;
}

interface Line {
  no: number;
  text: string;
}

const isBlank = (line: Line) => line.text.trim() === '';

/** Drops the blank lines a run ends with: they separate it from what follows and belong to no message. */
function withoutTrailingBlanks(lines: Line[]): Line[] {
  let end = lines.length;
  while (end > 0 && isBlank(lines[end - 1])) end--;
  return lines.slice(0, end);
}

function sourceOf(lines: Line[]): Message['source'] {
  return { line: lines[0].no, lines: lines[lines.length - 1].no - lines[0].no + 1 };
}

/** Removes a thread reply's four-space indent (blank lines carry none). */
const dedent = (line: Line) => line.text.replace(/^ {1,4}/, '');

/**
 * A run of a top-level message's lines: its own (header, sender, body), a thread reply shown
 * inside it, or a later part of it that follows such a reply (a reply answers one part of a
 * message, and is shown right after that part).
 */
interface Segment {
  kind: 'own' | 'reply' | 'part';
  lines: Line[];
}

/**
 * Turns the blocks of an imessage-exporter text into messages.
 *
 * Source lines: a top-level message covers its date, sender and body up to its first thread
 * reply; each thread reply shown inside it covers its own indented lines; lines of the message
 * after a reply (a later part of it: a reply is shown under the part it answers) are a message of
 * their own with the same time and sender. Blank lines that end a run separate it from the next
 * and belong to no message. So no two messages share a line, and a message's lines never hold
 * another's. What lines cannot carry: without its message, a thread (and a later part) reads as
 * the thread (and a later part) of the message before; without the replies before it, a later
 * part rejoins its message.
 *
 * A reply is also written at its own time as a top-level message, with the note `This message
 * responded to an earlier message.`; both copies are messages (removing a reply means removing
 * both), and both point at the message they answer.
 */
class ExporterMessages {
  private count = 0;
  private readonly participants = new Map<string, Participant>();
  /** Time, sender and text of each in-thread reply → the message it answers, for the top-level copies. */
  private readonly threadReplies = new Map<string, string>();

  constructor(
    private readonly what: string,
    private readonly present: (name: string) => boolean,
    private readonly sink: MessageSink,
  ) {}

  get messageCount(): number {
    return this.count;
  }

  get senders(): Participant[] {
    return [...this.participants.values()];
  }

  block(lines: Line[]): void {
    const first = lines[0];
    const header = HEADER.exec(first.text);
    if (!header) {
      const event = ANNOUNCEMENT.exec(first.text)!;
      const text = [event[8], ...lines.slice(1).map((l) => l.text)].join('\n');
      this.emit({ timestamp: this.timestamp(event, first), sender: null, body: { kind: 'system', text, attachments: [], meta: undefined, responded: false }, lines, replyTo: null });
      return;
    }
    const timestamp = this.timestamp(header, first);
    const sender = this.senderOf(lines[1], first);
    const segments: Segment[] = [{ kind: 'own', lines: lines.slice(0, 2) }];
    for (const line of lines.slice(2)) {
      const current = segments[segments.length - 1];
      if (REPLY_HEADER.test(line.text)) segments.push({ kind: 'reply', lines: [line] });
      else if (current.kind === 'reply' && !isBlank(line) && !line.text.startsWith('    ')) segments.push({ kind: 'part', lines: [line] });
      else current.lines.push(line);
    }
    let parent = '';
    for (const segment of segments) {
      const run = withoutTrailingBlanks(segment.lines);
      if (segment.kind === 'reply') {
        const replyHeader = REPLY_HEADER.exec(run[0].text)!;
        const replyTime = this.timestamp(replyHeader, run[0]);
        const replySender = this.senderOf(run[1], run[0]);
        const body = readBody(run.slice(2).map(dedent), this.present);
        this.threadReplies.set(replyKey(replyTime, replySender, body.text), parent);
        this.emit({ timestamp: replyTime, sender: replySender, body, lines: run, replyTo: parent });
      } else {
        const body = readBody(run.slice(segment.kind === 'own' ? 2 : 0).map((l) => l.text), this.present);
        const replyTo = body.responded ? this.threadReplies.get(replyKey(timestamp, sender, body.text)) ?? null : null;
        const id = this.emit({ timestamp, sender, body, lines: run, replyTo });
        if (segment.kind === 'own') parent = id;
      }
    }
  }

  private timestamp(m: RegExpExecArray, line: Line): string {
    const timestamp = timestampOf(m);
    if (!timestamp) throw new InputError(`${this.what}: line ${line.no} has a date that does not exist (${JSON.stringify(line.text.trim())})`);
    return timestamp;
  }

  private senderOf(line: Line | undefined, header: Line): string {
    const sender = line?.text.trim();
    if (!sender || REPLY_HEADER.test(line!.text)) throw new InputError(`${this.what}: the message dated at line ${header.no} has no sender line after its date`);
    return sender;
  }

  private emit(m: { timestamp: string; sender: string | null; body: BodyContent; lines: Line[]; replyTo: string | null }): string {
    const { sender, body } = m;
    if (sender !== null && !this.participants.has(sender)) this.participants.set(sender, { name: sender });
    const message: Message = {
      id: messageId(++this.count),
      timestamp: m.timestamp,
      precision: 'second',
      sender,
      direction: sender === null ? null : sender === OWNER ? 'outgoing' : 'incoming',
      kind: body.kind,
      text: body.text,
      attachments: body.attachments,
      replyTo: m.replyTo,
      source: sourceOf(m.lines),
    };
    if (body.meta) message.meta = body.meta;
    this.sink.message(message);
    return message.id;
  }
}

function replyKey(timestamp: string, sender: string, text: string): string {
  return `${timestamp}\n${sender}\n${text}`;
}

/**
 * Splits lines into top-level blocks: a date line at the start of the file or after a blank line
 * starts one; everything up to the next such line is its (blank lines inside included).
 */
class BlockSplitter {
  private block: Line[] | null = null;
  private blanks: Line[] = [];
  private lineNo = 0;

  constructor(private readonly what: string, private readonly messages: ExporterMessages) {}

  line(text: string): void {
    const line = { no: ++this.lineNo, text };
    if (isBlank(line)) {
      this.blanks.push(line);
      return;
    }
    if ((this.block === null || this.blanks.length > 0) && startsMessage(text)) {
      if (this.block) this.messages.block(this.block);
      this.block = [line];
    } else if (this.block === null) {
      throw new InputError(`${this.what}: line ${line.no} comes before the first message; the file looks cut off at the start`);
    } else {
      this.block.push(...this.blanks, line);
    }
    this.blanks = [];
  }

  end(): void {
    if (this.block) this.messages.block(this.block);
    this.block = null;
  }
}

/** How sure we are that a text starts an imessage-exporter chat: its first line starts a message. */
function rateHead(head: Uint8Array, what: string): number {
  const sample = textSample(head, what);
  if (sample === undefined) return 0;
  const lines = sample.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 80);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0 || !startsMessage(lines[first])) return 0;
  let starts = 0;
  for (let i = first; i < lines.length; i++) if ((i === first || lines[i - 1].trim() === '') && startsMessage(lines[i])) starts++;
  return Math.min(0.95, 0.85 + starts / 100);
}

async function chatEntries(input: ExportInput): Promise<string[]> {
  return zipEntriesWhere(input, /\.txt$/i, (head) => rateHead(head, input.fileName) > 0);
}

/** The chat text to read: the file, or in a zip (an exported folder) the chat `options.conversation` names. */
async function chooseEntry(input: ExportInput, options: ParseOptions): Promise<string | undefined> {
  if (!input.zip) {
    if (options.conversation !== undefined && options.conversation !== input.fileName) {
      throw new InputError(`${input.fileName} is one chat; its only conversation is ${JSON.stringify(input.fileName)}`);
    }
    return undefined;
  }
  const entries = await chatEntries(input);
  const list = () => entries.map((e) => JSON.stringify(e)).join(', ');
  if (entries.length === 0) throw new InputError(`${input.fileName} holds no imessage-exporter chat text`);
  if (options.conversation !== undefined) {
    if (!entries.includes(options.conversation)) throw new InputError(`${input.fileName} has no chat ${JSON.stringify(options.conversation)} (it has ${list()})`);
    return options.conversation;
  }
  if (entries.length > 1) throw new InputError(`${input.fileName} holds ${entries.length} chats (${list()}); choose one with --conversation`);
  return entries[0];
}

async function readChat(input: ExportInput, entry: string | undefined, options: ParseOptions, sink: MessageSink): Promise<Conversation & { messages: number }> {
  const what = chatName(input, entry);
  const messages = new ExporterMessages(what, await presenceIn(input, entry), sink);
  const splitter = new BlockSplitter(what, messages);
  for await (const lines of readLines(input.open(entry), what)) {
    for (const line of lines) splitter.line(line);
    if (sink.drain) await sink.drain();
    options.signal?.throwIfAborted();
  }
  splitter.end();
  if (messages.messageCount === 0) throw new InputError(`${what}: no imessage-exporter messages`);
  return { title: stem(entry ?? input.fileName), participants: messages.senders, messages: messages.messageCount };
}

export const imessageExporter: ExportFormat = {
  name: 'imessage-exporter',
  label: 'imessage-exporter',
  chatEntry: chooseEntry,
  attachmentEntry,

  async sniff(input) {
    if (input.zip) return (await chatEntries(input)).length ? 0.9 : 0;
    return rateHead(await input.head(), input.fileName);
  },

  async parse(input, options, sink) {
    const { title, participants } = await readChat(input, await chooseEntry(input, options), options, sink);
    return { title, participants };
  },

  /** An exported folder, zipped, holds one text per chat; a plain text is one chat. */
  async conversations(input, options): Promise<ConversationInfo[]> {
    const entries = input.zip ? await chatEntries(input) : [undefined];
    const found: ConversationInfo[] = [];
    for (const entry of entries) {
      const { title, messages } = await readChat(input, entry, options, { message: () => undefined });
      found.push({ id: entry ?? input.fileName, title, messages });
    }
    return found;
  },
};
