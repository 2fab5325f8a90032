import { TokenParser, Tokenizer, TokenType } from '@streamparser/json';
import type { SourceRef } from '../../model/conversation';
import { InputError } from '../../model/errors';
import { LineCounter } from '../lineCounter';
import { isExportedMessage } from './message';

/** A chat of the file, as far as it has been read. */
export interface TelegramChat {
  /** 0 for the chat of a single-chat file; 1, 2, … for the chats of a full export. */
  position: number;
  /** Telegram's chat id, as a string. */
  id: string | undefined;
  /** null for a chat whose peer Telegram could not name (a deleted account). */
  name: string | null | undefined;
  type: string | undefined;
  /** Its messages read so far (see isExportedMessage). */
  messages: number;
}

export interface TelegramHandlers {
  /** `personal_information` of a full export (written before the chats). */
  personal(info: unknown): void;
  /** A chat's message list opens: true to receive its messages. */
  select(chat: TelegramChat): boolean;
  message(value: unknown, source: SourceRef, chat: TelegramChat): void;
  /**
   * When set, the objects in the message lists of the other chats are reported too (their
   * lines must then allow removal as well): a cleaned file of one chat leaves them out.
   */
  skipped?(source: SourceRef): void;
  /** Called after each chunk of the file: back-pressure and cancellation. */
  afterChunk(): Promise<void>;
}

export interface TelegramFile {
  /** A single-chat export (`{name, type, id, messages}`); otherwise a full export. */
  singleChat: boolean;
  chats: TelegramChat[];
}

/**
 * Where values sit in the two shapes: a single-chat export is one chat object; a full export
 * holds `chats` and `left_chats`, each `{about, list: [chat, …]}`.
 */
type Role = 'root' | 'section' | 'chat list' | 'chat' | 'messages';

interface Frame {
  role: Role;
  array: boolean;
  /** In an object: the key whose value comes next; undefined while a key is awaited. */
  key: string | undefined;
  chat?: TelegramChat;
  /** A message list whose messages go to the handlers. */
  selected?: boolean;
  /** A message list whose objects' lines are reported (selected or skipped): they must allow removal. */
  tracked?: boolean;
  /** Line of the opening `[` or `{`. */
  line: number;
  /** A message list: the line of the last message's closing `}` (its comma must share it). */
  lastEnd?: number;
}

// Read once: through the bundler's module namespace every `TokenType.X` would be a getter call.
const { LEFT_BRACE, RIGHT_BRACE, LEFT_BRACKET, RIGHT_BRACKET, COMMA, COLON, STRING } = TokenType;

/** Messages and the owner's details are built as values; the rest is only walked. */
const VALUE_PATHS = ['$.messages.*', '$.chats.list.*.messages.*', '$.left_chats.list.*.messages.*', '$.personal_information'];

/**
 * Streams a Telegram Desktop `result.json` once: lists its chats, hands the messages of the
 * selected ones to the handlers with the exact lines each object spans. The tokenizer reports
 * byte offsets; the lines come from counting line breaks up to them. A token parser checks the
 * JSON grammar throughout and builds only message objects (and the owner's details).
 */
export async function readTelegramJson(chunks: AsyncIterable<Uint8Array>, what: string, handlers: TelegramHandlers): Promise<TelegramFile> {
  const reader = new TelegramJsonReader(what, handlers);
  let first = true;
  for await (let chunk of chunks) {
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    first = false;
    reader.write(chunk);
    await handlers.afterChunk();
  }
  return reader.end();
}

class TelegramJsonReader {
  private readonly tokenizer = new Tokenizer();
  private readonly values = new TokenParser({ paths: VALUE_PATHS, keepStack: false });
  private readonly lines = new LineCounter();
  private readonly frames: Frame[] = [];
  /** Depth inside a value the walk does not look into (a message, `contacts`, …). */
  private skipDepth = 0;
  /** Offset of the token being handled. */
  private offset = 0;
  /** First line of the message object being read. */
  private messageLine = 0;
  private sawToken = false;
  private readonly file: TelegramFile = { singleChat: false, chats: [] };
  private fullExport = false;

  constructor(private readonly what: string, private readonly handlers: TelegramHandlers) {
    this.tokenizer.onToken = ({ token, value, offset }) => this.token(token, value, offset);
    this.values.onValue = ({ value, key }) => (key === 'personal_information' ? handlers.personal(value) : this.message(value));
  }

  write(chunk: Uint8Array): void {
    this.lines.next(chunk);
    try {
      this.tokenizer.write(chunk);
    } catch (e) {
      throw this.syntaxError(e);
    }
  }

  end(): TelegramFile {
    try {
      this.tokenizer.end();
    } catch (e) {
      throw e instanceof InputError ? e : this.truncated();
    }
    if (!this.sawToken) throw new InputError(`${this.what} holds no JSON (only white space)`);
    if (!this.values.isEnded) throw this.truncated();
    if (!this.file.singleChat && !this.fullExport) {
      throw new InputError(`${this.what} is not a Telegram Desktop export: its JSON has no "messages" or "chats" list`);
    }
    return this.file;
  }

  private token(token: TokenType, value: unknown, offset: number): void {
    this.sawToken = true;
    this.offset = offset;
    this.values.write({ token, value: value as never });
    if (this.skipDepth > 0) {
      if (token === LEFT_BRACE || token === LEFT_BRACKET) this.skipDepth++;
      else if (token === RIGHT_BRACE || token === RIGHT_BRACKET) this.skipDepth--;
      return;
    }
    const top = this.frames[this.frames.length - 1] as Frame | undefined;
    switch (token) {
      case COLON:
        return;
      case COMMA:
        if (top?.role === 'messages' && top.tracked && this.lines.at(offset) !== top.lastEnd) throw this.sharedLine(top.lastEnd!);
        if (top && !top.array) top.key = undefined;
        return;
      case RIGHT_BRACE:
      case RIGHT_BRACKET:
        if (top?.role === 'messages' && top.tracked && top.lastEnd !== undefined && this.lines.at(offset) === top.lastEnd) throw this.sharedLine(top.lastEnd);
        this.frames.pop();
        return;
      case STRING:
        if (top && !top.array && top.key === undefined) {
          top.key = value as string;
          return;
        }
    }
    this.valueStarts(top, token, value);
  }

  /** A value begins (a scalar, or the `{`/`[` of a container): what it is depends on where. */
  private valueStarts(parent: Frame | undefined, token: TokenType, value: unknown): void {
    const opens = token === LEFT_BRACE || token === LEFT_BRACKET;
    const array = token === LEFT_BRACKET;
    if (!parent) {
      if (token !== LEFT_BRACE) throw new InputError(`${this.what} is not a Telegram Desktop export: its JSON is not an object`);
      this.push('root', false, { position: 0, id: undefined, name: undefined, type: undefined, messages: 0 });
      return;
    }
    const key = parent.key;
    if (parent.role === 'messages') {
      // A message object: the token parser builds it and hands it over at its closing brace.
      this.messageLine = this.lines.at(this.offset);
      if (parent.tracked && this.messageLine <= Math.max(parent.line, parent.lastEnd ?? 0)) throw this.sharedLine(this.messageLine);
    } else if (key === 'messages' && (parent.role === 'chat' || parent.role === 'root')) {
      if (!array) throw new InputError(`${this.what}: "messages" of ${this.chatLabel(parent.chat!)} is not an array`);
      const chat = parent.chat!;
      if (parent.role === 'root') {
        this.file.singleChat = true;
        this.file.chats.push(chat);
      }
      const list = this.push('messages', true, chat);
      list.selected = this.handlers.select(chat);
      list.tracked = list.selected || this.handlers.skipped !== undefined;
      return;
    } else if (parent.role === 'root' && (key === 'chats' || key === 'left_chats')) {
      if (token !== LEFT_BRACE) throw new InputError(`${this.what}: "${key}" is not an object`);
      this.fullExport = true;
      this.push('section', false);
      return;
    } else if (parent.role === 'section' && key === 'list') {
      if (!array) throw new InputError(`${this.what}: "list" of the chats is not an array`);
      this.push('chat list', true);
      return;
    } else if (parent.role === 'chat list') {
      if (token !== LEFT_BRACE) throw new InputError(`${this.what}: the chat list holds something that is not a chat object (near line ${this.lines.at(this.offset)})`);
      const chat: TelegramChat = { position: this.file.chats.length + 1, id: undefined, name: undefined, type: undefined, messages: 0 };
      this.file.chats.push(chat);
      this.push('chat', false, chat);
      return;
    } else if ((parent.role === 'chat' || parent.role === 'root') && (key === 'name' || key === 'type' || key === 'id')) {
      this.header(parent.chat!, key, opens ? undefined : value);
    }
    if (opens) this.skipDepth = 1;
  }

  private push(role: Role, array: boolean, chat?: TelegramChat): Frame {
    const frame: Frame = { role, array, key: undefined, chat, line: this.lines.at(this.offset) };
    this.frames.push(frame);
    return frame;
  }

  private header(chat: TelegramChat, key: 'name' | 'type' | 'id', value: unknown): void {
    const bad = (expected: string) => new InputError(`${this.what}: "${key}" of ${this.chatLabel(chat)} is not ${expected} (line ${this.lines.at(this.offset)})`);
    if (key === 'id') {
      if (typeof value !== 'number' && typeof value !== 'string') throw bad('a number');
      chat.id = String(value);
    } else if (key === 'name') {
      if (typeof value !== 'string' && value !== null) throw bad('a string');
      chat.name = value;
    } else {
      if (typeof value !== 'string') throw bad('a string');
      chat.type = value;
    }
  }

  /** The token parser completed a message object (at its closing brace, the current token). */
  private message(value: unknown): void {
    const frame = this.frames[this.frames.length - 1];
    const chat = frame.chat!;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError(`${this.what}: ${this.chatLabel(chat)} has a message that is not an object (line ${this.lines.at(this.offset)})`);
    }
    const exported = isExportedMessage(value);
    if (exported) chat.messages++;
    if (!frame.tracked) return;
    const end = this.lines.at(this.offset);
    frame.lastEnd = end;
    const source = { line: this.messageLine, lines: end - this.messageLine + 1 };
    // An unsupported placeholder of the chat read is no message; one of another chat goes with it.
    if (!frame.selected) this.handlers.skipped!(source);
    else if (exported) this.handlers.message(value, source, chat);
  }

  private chatLabel(chat: TelegramChat): string {
    return chat.position === 0 ? 'the chat' : `chat ${chat.position}${chat.id === undefined ? '' : ` (id ${chat.id})`}`;
  }

  private sharedLine(line: number): InputError {
    return new InputError(`${this.what}: line ${line} holds a message and other JSON; Telegram Desktop writes each message on lines of its own (was the file reformatted?)`);
  }

  private truncated(): InputError {
    return new InputError(`${this.what} ends before its JSON is complete (after line ${this.lines.at(Infinity)}); the file looks truncated`);
  }

  private syntaxError(e: unknown): InputError {
    if (e instanceof InputError) return e;
    // The tokenizer names the byte it stumbled on; the token parser fails on the current token.
    const at = /absolute position "(\d+)"/.exec(e instanceof Error ? e.message : '');
    const line = this.lines.at(at ? Number(at[1]) : this.offset);
    return new InputError(`${this.what} is not valid JSON (line ${line}); is it a Telegram Desktop export?`);
  }
}
