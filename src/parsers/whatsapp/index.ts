import * as path from 'node:path';
import { messageId, type Conversation, type Message, type Participant } from '../../model/conversation';
import { InputError } from '../../model/errors';
import type { ExportInput } from '../input';
import { registerFormat, type DayOrder, type ExportFormat, type MessageSink, type ParseOptions } from '../registry';
import { readLines, textSample } from '../text';
import { classifyBody, normalizeAuthor } from './body';
import { GRAMMARS, HeaderSniffer, mayBeHeader, TimestampReader, type Grammar, type HeaderLayout } from './header';
import { CHAT_FILE_NAMES, TITLE_FROM_FILE } from './strings';

/** The chat text inside a zip: iOS `_chat.txt`, Android `WhatsApp-chat met ….txt`. */
function findChatEntry(input: ExportInput): string | undefined {
  if (!input.zip) return undefined;
  const names = [...input.zip.entries.keys()];
  for (const pattern of CHAT_FILE_NAMES) {
    const hit = names.find((n) => pattern.test(path.posix.basename(n)));
    if (hit) return hit;
  }
  const texts = names.filter((n) => n.toLowerCase().endsWith('.txt'));
  return texts.length === 1 ? texts[0] : undefined;
}

/** Where a zip keeps the file of an attachment: beside the chat text, as WhatsApp writes it. */
export function attachmentEntry(chatEntry: string, name: string): string {
  const folder = path.posix.dirname(chatEntry);
  return folder === '.' ? name : `${folder}/${name}`;
}

function titleFromFileName(...names: (string | undefined)[]): string | undefined {
  for (const name of names) {
    if (!name) continue;
    for (const pattern of TITLE_FROM_FILE) {
      const m = pattern.exec(path.posix.basename(name));
      if (m) return m[1].trim();
    }
  }
  return undefined;
}

/**
 * Turns lines into messages: a header line starts a message, any other line continues the
 * current one (blank lines included). Each message is emitted when the next header arrives.
 * The message being built lives in plain fields: this runs for every line of the export.
 */
class WhatsAppLineParser {
  private readonly header: RegExp;
  private readonly grammar: Grammar;
  private readonly timestamps: TimestampReader;
  private readonly participants = new Map<string, Participant>();
  /** Raw author → normalised; authors repeat on nearly every line. */
  private readonly authors = new Map<string, string>();
  private lineNo = 0;
  private count = 0;
  private open = false;
  private startLine = 0;
  private lineCount = 0;
  private timestamp = '';
  private precision: Message['precision'] = 'minute';
  private rest = '';
  private more: string[] | null = null;
  /** iOS attributes group events to the group's name: the first such author is the title. */
  eventAuthor: string | undefined;

  constructor(
    layout: HeaderLayout,
    private readonly what: string,
    /** The day order the user forced, if any: a header whose date then does not exist is an error. */
    private readonly forcedOrder: DayOrder | undefined,
    private readonly present: (name: string) => boolean,
    private readonly sink: MessageSink,
  ) {
    this.header = GRAMMARS[layout.grammar];
    this.grammar = layout.grammar;
    this.timestamps = new TimestampReader(layout.dayOrder);
  }

  get messageCount(): number {
    return this.count;
  }

  get senders(): Participant[] {
    return [...this.participants.values()];
  }

  line(line: string): void {
    this.lineNo++;
    if (mayBeHeader(line)) {
      const m = this.header.exec(line);
      const timestamp = m && this.timestamps.read(m);
      if (m && !timestamp && this.forcedOrder) {
        throw new InputError(`${this.what}: line ${this.lineNo} has a date that does not exist with --${this.forcedOrder}; is that the right day order?`);
      }
      if (m && timestamp) {
        if (this.open) this.flush();
        this.open = true;
        this.startLine = this.lineNo;
        this.lineCount = 1;
        this.timestamp = timestamp;
        this.precision = TimestampReader.precision(m);
        this.rest = line.slice(m[0].length);
        this.more = null;
        return;
      }
    }
    if (this.open) {
      (this.more ??= []).push(line);
      this.lineCount++;
    } else if (line.trim() !== '') {
      // Text before the first message would silently vanish: refuse instead (the file was cut?).
      throw new InputError(`${this.what}: line ${this.lineNo} comes before the first message header; the file looks cut off at the start`);
    }
  }

  end(): void {
    if (this.open) this.flush();
    this.open = false;
  }

  private flush(): void {
    const rest = this.rest;
    const author = this.authorOf(rest);
    let body = author === null ? rest : rest.slice(rest.indexOf(': ') + 2);
    if (this.more) body += '\n' + this.more.join('\n');
    const c = classifyBody(author, body, this.grammar !== 'ios-legacy');
    if (c.sender !== null && !this.participants.has(c.sender)) this.participants.set(c.sender, { name: c.sender });
    // A missed call's author is the caller (meta.actor), not the group.
    if (c.kind === 'system' && author !== null && c.meta?.actor === undefined) this.eventAuthor ??= author;
    const message: Message = {
      id: messageId(++this.count),
      timestamp: this.timestamp,
      precision: this.precision,
      sender: c.sender,
      direction: null,
      kind: c.kind,
      text: c.text,
      attachments: c.attachmentNames === null ? [] : c.attachmentNames.map((name) => ({ name, present: this.present(name) })),
      replyTo: null,
      source: { line: this.startLine, lines: this.lineCount },
    };
    if (c.meta) message.meta = c.meta;
    this.sink.message(message);
  }

  /**
   * iOS always names an author; Android event lines have none. A `: ` before which stands a
   * quote belongs to an event (`changed the subject from "A: B"`), not to an author.
   */
  private authorOf(rest: string): string | null {
    const colon = rest.indexOf(': ');
    if (colon < 0) return null;
    const raw = rest.slice(0, colon);
    let author = this.authors.get(raw);
    if (author === undefined) {
      if (this.grammar === 'android' && /["“”«]/.test(raw)) return null;
      author = normalizeAuthor(raw);
      this.authors.set(raw, author);
    }
    return author;
  }
}

/**
 * Where a message's body starts on its first line (after the header and `Author: `, past a
 * leading LRM), for writers that edit the export in place; undefined if it is not a header.
 */
export function bodyColumn(line: string, grammar: Grammar): number | undefined {
  const m = GRAMMARS[grammar].exec(line);
  if (!m) return undefined;
  let start = m[0].length;
  const colon = line.indexOf(': ', start);
  if (colon >= 0 && !(grammar === 'android' && /["“”«]/.test(line.slice(start, colon)))) start = colon + 2;
  return line.charCodeAt(start) === 0x200e ? start + 1 : start;
}

/**
 * Reads a stretch of chat lines (without line ends) as messages with a file's layout; writers
 * that edit the export use it to check that an edited message still reads as the same message.
 */
export function readMessageLines(lines: readonly string[], layout: HeaderLayout): Message[] {
  const messages: Message[] = [];
  const parser = new WhatsAppLineParser(layout, 'edited lines', undefined, () => false, { message: (m) => messages.push(m) });
  for (const line of lines) parser.line(line);
  parser.end();
  return messages;
}

export { findChatEntry };

export async function sniffLayout(input: ExportInput, entry: string | undefined, what: string, options: ParseOptions): Promise<HeaderLayout> {
  const sniffer = new HeaderSniffer(what, options.dayOrder);
  outer: for await (const lines of readLines(input.open(entry), what)) {
    for (const line of lines) if (sniffer.line(line)) break outer;
  }
  return sniffer.result();
}

export const whatsapp: ExportFormat = {
  name: 'whatsapp',
  label: 'WhatsApp',
  chatEntry: async (input) => findChatEntry(input),
  attachmentEntry,

  async sniff(input) {
    // WhatsApp writes .txt (in a .zip); Signal's chat.md has look-alike `[date time]` headers.
    if (/\.(md|json|xml|csv)$/i.test(input.fileName)) return 0;
    const entry = findChatEntry(input);
    if (input.zip && !entry) return 0;
    // A zip entry that cannot be read is the user's problem to hear about, not "no chat inside".
    const head = await input.head(entry);
    const sample = textSample(head, input.fileName);
    if (sample === undefined) return 0;
    const lines = sample.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 40);
    const grammars = Object.values(GRAMMARS);
    const headers = lines.filter((l) => mayBeHeader(l) && grammars.some((g) => g.test(l))).length;
    if (headers === 0) return 0;
    const firstIsHeader = grammars.some((g) => g.test(lines[0]));
    return Math.min(1, (firstIsHeader ? 0.6 : 0.3) + headers / 100 + (titleFromFileName(input.fileName, entry) ? 0.2 : 0));
  },

  async parse(input, options, sink): Promise<Conversation> {
    const entry = findChatEntry(input);
    if (input.zip && !entry) throw new InputError(`${input.fileName} holds no WhatsApp chat (_chat.txt or "WhatsApp-chat met ….txt")`);
    const what = entry ? `${input.fileName} (${JSON.stringify(entry)})` : input.fileName;
    const layout = await sniffLayout(input, entry, what, options);

    const zip = input.zip;
    const siblings = zip ? undefined : await input.siblings();
    const present = (name: string) => (zip ? zip.entries.has(attachmentEntry(entry!, name)) : siblings!.has(name));
    const parser = new WhatsAppLineParser(layout, what, options.dayOrder, present, sink);
    for await (const lines of readLines(input.open(entry), what)) {
      for (const line of lines) parser.line(line);
      if (sink.drain) await sink.drain();
      options.signal?.throwIfAborted();
    }
    parser.end();
    if (parser.messageCount === 0) throw new InputError(`${what}: no recognisable WhatsApp messages`);
    const title = titleFromFileName(input.fileName, entry) ?? parser.eventAuthor
      ?? path.parse(input.fileName).name;
    return { title, participants: parser.senders };
  },
};

registerFormat(whatsapp);
