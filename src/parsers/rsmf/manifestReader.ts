import { TokenParser, Tokenizer, TokenType } from '@streamparser/json';
import type { SourceRef } from '../../model/conversation';
import { InputError } from '../../model/errors';
import { LineCounter } from '../lineCounter';

/** The top-level values of a manifest other than its events, as parsed (unvalidated). */
export interface ManifestHeadValues {
  version?: unknown;
  participants?: unknown;
  conversations?: unknown;
  eventcollectionid?: unknown;
}

/** Receives each element of `events` with the lines it spans, as soon as it is complete. */
export type EventHandler = (value: unknown, index: number, source: SourceRef) => void;

const HEAD_KEYS = new Set(['version', 'participants', 'conversations', 'eventcollectionid']);

/**
 * Streams `rsmf_manifest.json` once: hands every event object to `onEvent` with its lines and
 * returns the other top-level values. Each event must sit on lines of its own, with the comma
 * that follows it on its last line: then deleting an event's lines removes exactly that event
 * (the cleaner drops a comma left dangling before `]`). A pretty-printed manifest (JSON.stringify
 * with an indent, as RSMF generators write it) has that layout; a minified one is refused.
 */
export async function readManifest(
  chunks: AsyncIterable<Uint8Array>,
  what: string,
  onEvent: EventHandler,
  afterChunk: () => Promise<void>,
): Promise<ManifestHeadValues> {
  const reader = new ManifestReader(what, onEvent);
  let first = true;
  for await (let chunk of chunks) {
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    first = false;
    reader.write(chunk);
    await afterChunk();
  }
  return reader.end();
}

class ManifestReader {
  private readonly tokenizer = new Tokenizer();
  private readonly values = new TokenParser({ paths: ['$.version', '$.participants', '$.conversations', '$.eventcollectionid', '$.events.*'], keepStack: false });
  private readonly lines = new LineCounter();
  private readonly head: ManifestHeadValues = {};
  /** Nesting: 1 inside the root object, 2 inside a top-level value, … */
  private depth = 0;
  /** In the root object: the key whose value comes next, undefined while a key is awaited. */
  private key: string | undefined;
  private inEvents = false;
  private eventsSeen = false;
  private eventsLine = 0;
  private eventCount = 0;
  private eventStart = 0;
  /** Last line of the latest event, where its comma must stand. */
  private lastEnd = 0;
  private completed: SourceRef | undefined;
  private offset = 0;
  private sawToken = false;

  constructor(private readonly what: string, private readonly onEvent: EventHandler) {
    this.tokenizer.onToken = ({ token, value, offset }) => this.token(token, value, offset);
    this.values.onValue = ({ value, key }) => {
      if (typeof key === 'number') this.onEvent(value, key, this.completed!);
      else if (typeof key === 'string' && HEAD_KEYS.has(key)) this.head[key as keyof ManifestHeadValues] = value;
    };
  }

  write(chunk: Uint8Array): void {
    this.lines.next(chunk);
    try {
      this.tokenizer.write(chunk);
    } catch (e) {
      throw this.syntaxError(e);
    }
  }

  end(): ManifestHeadValues {
    try {
      this.tokenizer.end();
    } catch (e) {
      throw e instanceof InputError ? e : this.truncated();
    }
    if (!this.sawToken) throw new InputError(`${this.what} holds no JSON (only white space)`);
    if (!this.values.isEnded) throw this.truncated();
    if (!this.eventsSeen) throw new InputError(`${this.what} is not an RSMF manifest: it has no "events" list`);
    return this.head;
  }

  private token(token: TokenType, value: unknown, offset: number): void {
    this.sawToken = true;
    this.offset = offset;
    const opens = token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET;
    const closes = token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET;
    if (this.depth === 0) {
      if (token !== TokenType.LEFT_BRACE) throw new InputError(`${this.what} is not an RSMF manifest: its JSON is not an object`);
    } else if (this.depth === 1) {
      this.rootToken(token, value);
    } else if (this.inEvents && this.depth === 2) {
      this.eventsToken(token);
    } else if (this.inEvents && this.depth === 3 && token === TokenType.RIGHT_BRACE) {
      const end = this.lines.at(offset);
      this.completed = { line: this.eventStart, lines: end - this.eventStart + 1 };
      this.lastEnd = end;
    }
    if (opens) this.depth++;
    else if (closes) this.depth--;
    // Last: an event is handed over while its closing brace is the token being parsed.
    this.values.write({ token, value: value as never });
  }

  private rootToken(token: TokenType, value: unknown): void {
    if (token === TokenType.COMMA) this.key = undefined;
    else if (token === TokenType.STRING && this.key === undefined) this.key = value as string;
    else if (this.key === 'events' && token !== TokenType.COLON && token !== TokenType.RIGHT_BRACE) {
      if (token !== TokenType.LEFT_BRACKET) throw new InputError(`${this.what}: "events" is not a list (line ${this.lines.at(this.offset)})`);
      if (this.eventsSeen) throw new InputError(`${this.what} has two "events" lists (line ${this.lines.at(this.offset)})`);
      this.inEvents = this.eventsSeen = true;
      this.eventsLine = this.lines.at(this.offset);
    }
  }

  private eventsToken(token: TokenType): void {
    const line = this.lines.at(this.offset);
    if (token === TokenType.COMMA) {
      if (line !== this.lastEnd) throw this.sharedLine(line);
    } else if (token === TokenType.RIGHT_BRACKET) {
      if (this.eventCount > 0 && line === this.lastEnd) throw this.sharedLine(line);
      this.inEvents = false;
    } else if (token === TokenType.LEFT_BRACE) {
      if (line <= Math.max(this.eventsLine, this.lastEnd)) throw this.sharedLine(line);
      this.eventStart = line;
      this.eventCount++;
    } else {
      throw new InputError(`${this.what}: events[${this.eventCount}] is not an object (line ${line})`);
    }
  }

  private sharedLine(line: number): InputError {
    return new InputError(`${this.what}: line ${line} holds an event and other JSON; Chat Review needs each event on lines of its own (a pretty-printed manifest) to clean it line by line`);
  }

  private truncated(): InputError {
    return new InputError(`${this.what} ends before its JSON is complete (after line ${this.lines.at(Infinity)}); the file looks truncated`);
  }

  private syntaxError(e: unknown): InputError {
    if (e instanceof InputError) return e;
    const at = /absolute position "(\d+)"/.exec(e instanceof Error ? e.message : '');
    return new InputError(`${this.what} is not valid JSON (line ${this.lines.at(at ? Number(at[1]) : this.offset)})`);
  }
}
