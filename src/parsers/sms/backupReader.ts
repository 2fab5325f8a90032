import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { TextDecoder } from 'node:util';
import { InputError } from '../../model/errors';
import type { ExportInput } from '../input';
import { sniffEncoding } from '../text';
import { PartDataFilter, type PartData } from './partData';

/** An attachment of an MMS: a part that is not text or layout. */
export interface MmsAttachment {
  name: string;
  present: boolean;
  /** Where its base64 lies, when the part has a `data` attribute. */
  data?: PartData;
}

/** One `<sms>` or `<mms>` element as written, before it becomes a message of a conversation. */
export interface BackupMessage {
  element: 'sms' | 'mms';
  /** First line of the element and how many lines it spans. */
  line: number;
  lines: number;
  /** The `address` attribute split on `~` (a group thread lists every other member). */
  addresses: string[];
  /** Epoch milliseconds. */
  date: number;
  /** sms `type` / mms `msg_box`: 1 received, 2 sent, 3 draft, 4 outbox, 5 failed, 6 queued. */
  box: number;
  text: string;
  subject?: string;
  contactName?: string;
  /** MMS `<addr type="137">`: who sent it. */
  from?: string;
  /** MMS `<addr>` of types 151 to, 130 cc, 129 bcc. */
  recipients: string[];
  attachments: MmsAttachment[];
}

/** Whether every message element has its lines to itself, as the cleaner needs. */
export interface LineLayout {
  linesAreExclusive: boolean;
  /** The first line a message element shares with other markup or text. */
  sharedLine?: number;
}

const MESSAGE_ELEMENTS = new Set(['sms', 'mms']);
const ADDR_FROM = '137';
const ADDR_RECIPIENT = new Set(['151', '130', '129']);

/** SMS Backup & Restore writes the literal string `null` for an absent value. */
function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  const value = tag.attributes[name];
  return value === undefined || value === 'null' ? undefined : value;
}

/**
 * saxes with one leniency: SMS Backup & Restore's "store emoji" option writes each emoji as two
 * references to UTF-16 surrogates (`&#55357;&#56832;`), which XML forbids. Each becomes its
 * surrogate, and the two join into the character again. (saxes keeps `parseEntity` private;
 * it is wrapped on the instance.) saxes defines no other entities and reads no DTD, so nothing
 * is ever expanded; a DOCTYPE is refused before that could matter.
 */
function createParser(): SaxesParser {
  const parser = new SaxesParser({ position: true });
  const internals = parser as unknown as { parseEntity(entity: string): string };
  const parseEntity = internals.parseEntity.bind(parser);
  internals.parseEntity = (entity) => {
    const code = /^#\d{5}$/.test(entity) ? Number(entity.slice(1)) : NaN;
    return code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : parseEntity(entity);
  };
  return parser;
}

/** A surrogate that found no partner becomes U+FFFD, so texts stay well-formed. */
function wellFormed(text: string): string {
  return /[\uD800-\uDFFF]/.test(text)
    ? text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    : text;
}

function optionalText(text: string | undefined): string | undefined {
  return text === undefined ? undefined : wellFormed(text);
}

/**
 * Follows whether message elements share a line with anything else: nothing but blanks may
 * stand before a message on its first line or after it on its last, or deleting its lines
 * would cut other markup. saxes reports text just before the markup that ends it, so a line
 * break in the blank text between two nodes is what separates them.
 */
class LineSharing {
  private sharedLine?: number;
  /** Only blanks with a line break stand between the last node and here. */
  private breakBefore = false;
  /** The last line of a message that just ended, until a line break follows it. */
  private openEnd?: number;

  text(text: string): void {
    const ink = text.search(/\S/);
    if (this.openEnd !== undefined) {
      const lead = ink < 0 ? text : text.slice(0, ink);
      if (lead.includes('\n')) this.openEnd = undefined;
      else if (ink >= 0) this.share(this.openEnd);
    }
    this.breakBefore = ink < 0 ? this.breakBefore || text.includes('\n') : /\n\s*$/.test(text);
  }

  node(): void {
    if (this.openEnd !== undefined) this.share(this.openEnd);
    this.breakBefore = false;
  }

  messageStart(line: number): void {
    if (this.openEnd !== undefined) this.share(this.openEnd);
    else if (!this.breakBefore) this.share(line);
    this.breakBefore = false;
  }

  messageEnd(line: number): void {
    this.openEnd = line;
    this.breakBefore = false;
  }

  result(): LineLayout {
    return this.sharedLine === undefined ? { linesAreExclusive: true } : { linesAreExclusive: false, sharedLine: this.sharedLine };
  }

  private share(line: number): void {
    this.openEnd = undefined;
    this.sharedLine ??= line;
  }
}

interface OpenElement {
  name: string;
  line: number;
}

/** Turns saxes events into BackupMessages. */
class BackupHandler {
  readonly layout = new LineSharing();
  stopped = false;
  private readonly open: OpenElement[] = [];
  private sawRoot = false;
  private current: BackupMessage | null = null;
  private texts: string[] = [];

  constructor(
    private readonly parser: SaxesParser,
    private readonly filter: PartDataFilter,
    private readonly what: string,
    private readonly visit: (message: BackupMessage) => void | 'stop',
  ) {
    parser.on('error', (e) => {
      throw new InputError(`${what}: malformed XML at line ${parser.line}: ${e.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')}`);
    });
    parser.on('doctype', (doctype) => {
      const line = parser.line - (doctype.match(/\n/g)?.length ?? 0);
      throw new InputError(`${what}: line ${line} has a DOCTYPE declaration; SMS Backup & Restore writes none, and its entities are refused unread (they could expand without end or read other files)`);
    });
    parser.on('text', (text) => this.layout.text(text));
    parser.on('comment', () => this.layout.node());
    parser.on('processinginstruction', () => this.layout.node());
    parser.on('cdata', () => this.layout.node());
    parser.on('opentagstart', (tag) => this.openTagStart(tag.name));
    parser.on('opentag', (tag) => this.openTag(tag));
    parser.on('closetag', () => this.closeTag());
  }

  /** Called when the input ends: a file cut short ends inside an element. */
  end(): void {
    const inner = this.open[this.open.length - 1];
    if (inner) {
      throw new InputError(`${this.what} ends at line ${this.parser.line} inside <${inner.name}> (opened at line ${inner.line}); the file looks truncated`);
    }
  }

  private openTagStart(name: string): void {
    // The name is known once the character after it is read; if that was a line break, the tag began a line earlier.
    const line = this.parser.column === 0 ? this.parser.line - 1 : this.parser.line;
    if (!this.sawRoot) {
      if (name !== 'smses') throw new InputError(`${this.what}: line ${line}: the root element is <${name}>, not <smses>; not an SMS Backup & Restore file`);
      this.sawRoot = true;
    }
    if (this.open.length === 1 && MESSAGE_ELEMENTS.has(name)) this.layout.messageStart(line);
    else this.layout.node();
    this.open.push({ name, line });
  }

  private openTag(tag: SaxesTagPlain): void {
    // Every <part data="…"> took one value out of the filter's queue, wherever it stands.
    const data = tag.name === 'part' && tag.attributes.data !== undefined ? this.takePartData() : undefined;
    if (this.open.length === 2 && MESSAGE_ELEMENTS.has(tag.name)) {
      this.current = this.startMessage(tag);
      this.texts = [];
    } else if (this.current?.element === 'mms') {
      if (tag.name === 'part') this.addPart(this.current, tag, data);
      else if (tag.name === 'addr') this.addAddr(this.current, tag);
    }
  }

  private closeTag(): void {
    this.open.pop();
    const message = this.current;
    if (this.open.length === 1 && message) {
      const endLine = this.parser.line;
      message.lines = endLine - message.line + 1;
      if (message.element === 'mms') message.text = wellFormed(this.texts.join('\n'));
      this.current = null;
      this.layout.messageEnd(endLine);
      if (!this.stopped && this.visit(message) === 'stop') this.stopped = true;
    } else {
      this.layout.node();
    }
  }

  private takePartData(): PartData {
    const data = this.filter.found.shift();
    if (!data) throw new InputError(`${this.what}: line ${this.parser.line}: cannot locate the data of this MMS part`);
    return data;
  }

  private startMessage(tag: SaxesTagPlain): BackupMessage {
    const element = tag.name as 'sms' | 'mms';
    const line = this.open[1].line;
    const where = `${this.what}: line ${line}: <${element}>`;
    const rawDate = tag.attributes.date;
    if (rawDate === undefined || !/^-?\d+$/.test(rawDate)) {
      throw new InputError(`${where} has ${rawDate === undefined ? 'no date' : `date="${rawDate}"`}; expected epoch milliseconds`);
    }
    const boxName = element === 'sms' ? 'type' : 'msg_box';
    const rawBox = tag.attributes[boxName];
    if (rawBox === undefined || !/^[1-6]$/.test(rawBox)) {
      throw new InputError(`${where} has ${rawBox === undefined ? `no ${boxName}` : `${boxName}="${rawBox}"`}; expected 1 to 6`);
    }
    const address = attribute(tag, 'address');
    return {
      element,
      line,
      lines: 1,
      addresses: address ? address.split('~').map((a) => a.trim()).filter((a) => a !== '' && a !== 'null') : [],
      date: Number(rawDate),
      box: Number(rawBox),
      text: element === 'sms' ? wellFormed(attribute(tag, 'body') ?? '') : '',
      subject: optionalText(attribute(tag, element === 'sms' ? 'subject' : 'sub')),
      contactName: optionalText(attribute(tag, 'contact_name')),
      recipients: [],
      attachments: [],
    };
  }

  /** Text parts make the text; layout (SMIL) is dropped; any other part is an attachment. */
  private addPart(message: BackupMessage, tag: SaxesTagPlain, data: PartData | undefined): void {
    const type = (attribute(tag, 'ct') ?? '').toLowerCase();
    if (type === 'application/smil') return;
    const text = attribute(tag, 'text');
    if (type === 'text/plain' && text !== undefined) {
      this.texts.push(text);
      return;
    }
    const name = attribute(tag, 'cl') ?? attribute(tag, 'name') ?? attribute(tag, 'fn')
      ?? `part-${attribute(tag, 'seq') ?? message.attachments.length}${type.includes('/') ? '.' + type.split('/')[1] : ''}`;
    message.attachments.push(data ? { name, present: data.present, data } : { name, present: false });
  }

  private addAddr(message: BackupMessage, tag: SaxesTagPlain): void {
    const address = attribute(tag, 'address');
    const type = tag.attributes.type;
    if (!address || address === 'insert-address-token') return;
    if (type === ADDR_FROM) message.from ??= address;
    else if (type !== undefined && ADDR_RECIPIENT.has(type)) message.recipients.push(address);
  }
}

/**
 * Reads an SMS Backup & Restore XML file in one streaming pass, handing each message element to
 * `visit` as soon as it closes (`'stop'` ends the pass after the chunk at hand, visiting no more). Never builds a tree and never
 * holds part data. Bad XML, a DOCTYPE, another root and values of the wrong type are InputErrors
 * naming the line.
 */
export async function readBackup(
  input: ExportInput,
  visit: (message: BackupMessage) => void | 'stop',
  options: { signal?: AbortSignal; drain?: () => Promise<void> } = {},
): Promise<LineLayout> {
  const what = input.fileName;
  const parser = createParser();
  const filter = new PartDataFilter();
  const handler = new BackupHandler(parser, filter, what, visit);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      throw new InputError(stream
        ? `${what} is not valid UTF-8 text (near line ${parser.line}); is it another encoding?`
        : `${what} ends in the middle of a character; the file looks truncated`);
    }
  };
  let first = true;
  for await (const chunk of input.open()) {
    if (first) {
      if (sniffEncoding(chunk, what) !== 'utf-8') throw new InputError(`${what} is UTF-16 text; SMS Backup & Restore writes UTF-8`);
      first = false;
    }
    parser.write(decode(filter.push(chunk), true));
    if (handler.stopped) return handler.layout.result();
    if (options.drain) await options.drain();
    options.signal?.throwIfAborted();
  }
  parser.write(decode(new Uint8Array(0), false));
  handler.end();
  parser.close();
  return handler.layout.result();
}
