import { InputError } from '../../model/errors';
import type { Precision } from '../../model/conversation';
import { localTimestamp, parseReactions, type LineReader } from './conversation';
import { mediaFile, unquoteLines, type ExportRecord } from './exportRecord';

/**
 * signal-export's chat.md header: `[2024-05-13 14:05:33] Me: ` now, `[2019-12-24, 12:23] Jane
 * Doe: ` in old versions. Groups: year, month, day, hour, minute, second?, sender, rest.
 */
const HEADER = /^\[(\d{4})-(\d{2})-(\d{2}),? (\d{2}):(\d{2})(?::(\d{2}))?\] (.+?):(?: (.*))?$/;

const DELETED = '(This message was deleted)';

/** An attachment link at the end of the body: `![kade.jpg](./media/kade.jpg)  `; one level of parentheses in the path. */
const ATTACHMENT_AT_END = /!?\[([^\]\n]*)\]\((\.\/media\/(?:[^()\s]|\([^()\s]*\))*)\) *$/;
/** A sticker whose file was exported: `[😀](../exported_stickers/<pack>/<id>.webp)  `. */
const STICKER_LINK_AT_END = /\[([^\]\n]*)\]\(\.\.\/exported_stickers\/[^()\s]*\) *$/;
/** A sticker without a file: `(( 👍 ))` on a line of its own. */
const STICKER_AT_END = /(?:^|\n)\(\( (.+) \)\)$/;
const REACTIONS_AT_END = /(?:^|\n)\(- (.+) -\)$/;

interface Header {
  timestamp: string;
  precision: Precision;
  sender: string;
  rest: string;
}

function readHeader(line: string): Header | null {
  if (line.charCodeAt(0) !== 91) return null;
  const m = HEADER.exec(line);
  if (!m) return null;
  const timestamp = localTimestamp(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] === undefined ? 0 : +m[6]);
  if (timestamp === null) return null;
  return { timestamp, precision: m[6] === undefined ? 'minute' : 'second', sender: m[7], rest: m[8] ?? '' };
}

/**
 * A chat.md message from its header and its lines (the rest of the header line first).
 * signal-export writes `{quote}{body}  ` + `\n(- reactions -)` + a sticker + attachment links,
 * where a quote is `\n\n> text\n\n` and so starts on the line after the header; this takes
 * them apart in the reverse order.
 */
function markdownRecord(header: Header, lines: string[], line: number, lineCount: number): ExportRecord {
  const record: ExportRecord = {
    timestamp: header.timestamp, precision: header.precision, sender: header.sender, body: '', quote: undefined,
    sticker: undefined, reactions: [], attachments: [], deleted: false, line, lines: lineCount,
  };
  if (lines.length === 1 && lines[0].trim() === DELETED) {
    record.deleted = true;
    return record;
  }

  let from = 0;
  if (lines[0].trim() === '' && lines.length > 1) {
    let at = 1;
    while (at < lines.length && lines[at].trim() === '') at++;
    if (at < lines.length && lines[at].startsWith('>')) {
      const start = at;
      while (at < lines.length && lines[at].startsWith('>')) at++;
      record.quote = unquoteLines(lines.slice(start, at));
      while (at < lines.length && lines[at].trim() === '') at++;
      from = at;
    }
  }
  let body = lines.slice(from).join('\n');

  for (let m = ATTACHMENT_AT_END.exec(body); m; m = ATTACHMENT_AT_END.exec(body)) {
    record.attachments.unshift({ name: m[1], file: mediaFile(m[2]) });
    body = body.slice(0, m.index);
  }
  const sticker = STICKER_LINK_AT_END.exec(body) ?? STICKER_AT_END.exec(body);
  if (sticker) {
    record.sticker = sticker[1];
    body = body.slice(0, sticker.index);
  }
  const reactionLine = REACTIONS_AT_END.exec(body);
  const reactions = reactionLine && parseReactions(reactionLine[1], ', ');
  if (reactionLine && reactions) {
    record.reactions = reactions;
    body = body.slice(0, reactionLine.index);
  }
  record.body = body;
  return record;
}

/**
 * Reads chat.md line by line. A header starts a message; every other line continues it. The
 * empty line signal-export prints after each message separates messages and belongs to none, so
 * a message's lines end at its last non-empty line.
 */
export class MarkdownChatReader implements LineReader {
  private lineNo = 0;
  private header: Header | null = null;
  private startLine = 0;
  private more: string[] = [];
  /** Lines of the open message up to its last non-empty one. */
  private span = 0;

  constructor(private readonly what: string, private readonly emit: (record: ExportRecord) => void) {}

  line(line: string): void {
    this.lineNo++;
    const header = readHeader(line);
    if (header) {
      this.flush();
      this.header = header;
      this.startLine = this.lineNo;
      this.more = [];
      this.span = 1;
    } else if (this.header) {
      this.more.push(line);
      if (line !== '') this.span = this.more.length + 1;
    } else if (line.trim() !== '') {
      throw new InputError(`${this.what}: line ${this.lineNo} comes before the first message header; the file looks cut off at the start`);
    }
  }

  end(): void {
    this.flush();
    this.header = null;
  }

  private flush(): void {
    const header = this.header;
    if (!header) return;
    const lines = [header.rest, ...this.more.slice(0, this.span - 1)];
    this.emit(markdownRecord(header, lines, this.startLine, this.span));
  }
}

/** Marks only signal-export writes: reactions, media links, deletions, stickers. */
const SIGNAL_MARK = /^\(- .+ -\)|\]\(\.\/media\/|: \(This message was deleted\)$|^\(\( .+ \)\)$/;

/**
 * How sure a sample's lines are chat.md: its first line is a header (WhatsApp's iOS grammar reads
 * these headers too, so the file name and signal-export's own marks weigh in); 0 without headers.
 */
export function rateMarkdown(lines: string[], fileName: string): number {
  const headerAt = lines.flatMap((l, i) => (readHeader(l) ? [i] : []));
  if (headerAt.length === 0) return 0;
  const first = lines.findIndex((l) => l.trim() !== '');
  let score = headerAt[0] === first ? 0.5 : 0.2;
  const name = fileName.toLowerCase();
  if (name === 'chat.md') score += 0.3;
  else if (name.endsWith('.md')) score += 0.15;
  // Current versions print an empty line after every message.
  const separated = headerAt.length > 1 && headerAt.slice(1).every((i) => lines[i - 1] === '');
  if (separated || lines.some((l) => SIGNAL_MARK.test(l))) score += 0.2;
  return Math.min(1, score);
}
