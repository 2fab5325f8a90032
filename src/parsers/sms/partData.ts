/** Where the base64 of one MMS part lies in the file, to decode it later on demand. */
export interface PartData {
  /** Byte offset of the first character of the `data` value (after the opening quote). */
  start: number;
  /** Byte offset of the closing quote. */
  end: number;
  /** The value holds something other than blanks or the literal `null`. */
  present: boolean;
}

const LT = 0x3c;
const GT = 0x3e;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
const SLASH = 0x2f;
const LF = 0x0a;
const CR = 0x0d;

const enum State { Text, Open, Bang, CommentOpen, Comment, CData, Pi, Tag, Value, Data, PassThrough }

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === LF || b === CR;
}

/**
 * Takes the base64 of MMS parts (`<part … data="…"/>`) out of the bytes before they reach the
 * XML parser, keeping only the line breaks inside it so line numbers stay true. Backups reach
 * hundreds of MB of such data; a streaming XML parser would still build each value as one
 * string. Only the few byte patterns that decide where attribute values are (tags, quotes,
 * comments, CDATA, processing instructions) are followed; saxes does all the real parsing and
 * checking. A DOCTYPE switches the filter off: the reader refuses such files anyway.
 *
 * The values found are queued in document order in `found`; the reader takes one for every
 * `<part>` element with a `data` attribute that saxes reports, which comes in the same order.
 */
export class PartDataFilter {
  readonly found: PartData[] = [];
  private state = State.Text;
  /** File offset of the chunk being filtered. */
  private offset = 0;
  private element: string | null = null;
  private token = '';
  private tokenEnded = false;
  private quote = 0;
  /** How many characters of a closing `-->`, `]]>` or `?>` have been seen. */
  private closing = 0;
  private data: PartData | null = null;
  private dataProbe = '';
  private dataInk = 0;

  /** The chunk without part data (line breaks kept); may return the chunk itself. */
  push(bytes: Uint8Array): Uint8Array {
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const pieces: Uint8Array[] = [];
    let from = 0;
    let i = 0;
    const length = chunk.length;
    while (i < length) {
      switch (this.state) {
        case State.Text: {
          const lt = chunk.indexOf(LT, i);
          if (lt < 0) {
            i = length;
          } else {
            i = lt + 1;
            this.state = State.Open;
          }
          break;
        }
        case State.Open: {
          const b = chunk[i++];
          if (b === BANG) this.state = State.Bang;
          else if (b === QUESTION) {
            this.state = State.Pi;
            this.closing = 0;
          } else {
            this.state = State.Tag;
            this.element = null;
            this.token = '';
            this.tokenEnded = false;
            i--;
          }
          break;
        }
        case State.Bang: {
          const b = chunk[i++];
          this.state = b === DASH ? State.CommentOpen : b === OPEN_BRACKET ? State.CData : State.PassThrough;
          this.closing = 0;
          break;
        }
        case State.CommentOpen:
          this.state = chunk[i++] === DASH ? State.Comment : State.PassThrough;
          break;
        case State.Comment:
          i = this.skipTo(chunk, i, DASH, 2);
          break;
        case State.CData:
          i = this.skipTo(chunk, i, CLOSE_BRACKET, 2);
          break;
        case State.Pi:
          i = this.skipTo(chunk, i, QUESTION, 1);
          break;
        case State.Tag: {
          const b = chunk[i++];
          if (b === GT) {
            this.state = State.Text;
          } else if (b === QUOTE || b === APOSTROPHE) {
            this.quote = b;
            if (this.element === 'part' && this.token === 'data') {
              pieces.push(chunk.subarray(from, i));
              from = i;
              this.data = { start: this.offset + i, end: 0, present: false };
              this.dataProbe = '';
              this.dataInk = 0;
              this.state = State.Data;
            } else {
              this.state = State.Value;
            }
          } else if (isBlank(b) || b === EQUALS || b === SLASH) {
            this.tokenEnded = true;
          } else {
            if (this.tokenEnded) {
              this.element ??= this.token;
              this.token = '';
              this.tokenEnded = false;
            }
            this.token += String.fromCharCode(b);
          }
          break;
        }
        case State.Value: {
          const close = chunk.indexOf(this.quote, i);
          if (close < 0) {
            i = length;
          } else {
            i = close + 1;
            this.state = State.Tag;
            this.tokenEnded = true;
          }
          break;
        }
        case State.Data: {
          const close = chunk.indexOf(this.quote, i);
          const end = close < 0 ? length : close;
          pieces.push(this.skipData(chunk, i, end));
          from = end;
          if (close < 0) {
            i = length;
          } else {
            const data = this.data!;
            data.end = this.offset + close;
            data.present = this.dataInk > 0 && !(this.dataInk === 4 && this.dataProbe === 'null');
            this.found.push(data);
            this.data = null;
            i = close + 1;
            this.state = State.Tag;
            this.tokenEnded = true;
          }
          break;
        }
        case State.PassThrough:
          i = length;
          break;
      }
    }
    this.offset += length;
    if (pieces.length === 0) return chunk;
    pieces.push(chunk.subarray(from));
    return Buffer.concat(pieces);
  }

  /** Skips to the end of a comment (`-->`), CDATA (`]]>`) or PI (`?>`): `count` marks then `>`. */
  private skipTo(chunk: Uint8Array, i: number, mark: number, count: number): number {
    for (; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === GT && this.closing >= count) {
        this.state = State.Text;
        return i + 1;
      }
      this.closing = b === mark ? this.closing + 1 : 0;
    }
    return i;
  }

  /** The line breaks of a stretch of part data, noting whether the value holds anything. */
  private skipData(chunk: Buffer, from: number, to: number): Uint8Array {
    let i = from;
    // The first characters tell a value from blanks or `null`; after them only line breaks matter.
    for (; i < to && this.dataInk < 5; i++) {
      const b = chunk[i];
      if (!isBlank(b)) {
        this.dataProbe += String.fromCharCode(b);
        this.dataInk++;
      }
    }
    const breaks: number[] = [];
    for (let at = from; at < i; at++) if (chunk[at] === LF || chunk[at] === CR) breaks.push(chunk[at]);
    const rest = chunk.subarray(i, to);
    let lf = rest.indexOf(LF);
    let cr = rest.indexOf(CR);
    while (lf >= 0 || cr >= 0) {
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        breaks.push(LF);
        lf = rest.indexOf(LF, lf + 1);
      } else {
        breaks.push(CR);
        cr = rest.indexOf(CR, cr + 1);
      }
    }
    return Uint8Array.from(breaks);
  }
}
