import { z } from 'zod';
import { InputError } from '../../model/errors';
import { wallClock } from '../time';
import { localTimestamp, type LineReader } from './conversation';
import { mediaFile, unquoteLines, type ExportRecord } from './exportRecord';

/** One line of signal-export's data.json (Python's `asdict` of its Message); other keys are ignored. */
const DataRecord = z.object({
  date: z.string(),
  sender: z.string(),
  body: z.string().nullish(),
  quote: z.string().nullish(),
  /** The emoji (current versions), or the Sticker object of older ones. */
  sticker: z.union([z.string(), z.object({ emoji: z.string().nullish() })]).nullish(),
  reactions: z.array(z.tuple([z.string(), z.string()])).nullish(),
  attachments: z.array(z.object({ name: z.string().nullable(), path: z.string() })).nullish(),
  deleted: z.boolean().nullish(),
});
type DataRecord = z.infer<typeof DataRecord>;

/** Python's `isoformat()`: naive local time (microseconds when non-zero), or with a zone. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** The quote as data.json holds it: the markdown block `\n\n> text\n\n`, or plain text. */
function readQuote(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const lines = raw.replace(/^\n+/, '').replace(/\n+$/, '').split('\n');
  return lines.every((l) => l.startsWith('>')) ? unquoteLines(lines) : lines.join('\n');
}

function readSticker(sticker: DataRecord['sticker']): string | undefined {
  if (sticker === null || sticker === undefined || sticker === '') return undefined;
  return typeof sticker === 'string' ? sticker : sticker.emoji || 'sticker';
}

/**
 * Reads data.json, one JSON record a line; each record is one message of one line. Empty lines
 * belong to none.
 */
export class JsonLinesReader implements LineReader {
  private lineNo = 0;

  constructor(
    private readonly what: string,
    private readonly timeZone: string | undefined,
    private readonly emit: (record: ExportRecord) => void,
  ) {}

  line(line: string): void {
    this.lineNo++;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
      throw new InputError(`${this.what}: line ${this.lineNo} is not a complete JSON record (${reason}); the file looks truncated or damaged`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError(`${this.what}: line ${this.lineNo} is not a JSON object; data.json holds one message object a line`);
    }
    const parsed = DataRecord.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`${this.what}: line ${this.lineNo}: "${issue.path.join('.')}": ${issue.message.split('\n')[0]}`);
    }
    const record = parsed.data;
    const { timestamp, precision } = this.readDate(record.date);
    this.emit({
      timestamp,
      precision,
      sender: record.sender,
      body: record.body ?? '',
      quote: readQuote(record.quote),
      sticker: readSticker(record.sticker),
      reactions: (record.reactions ?? []).map(([by, emoji]) => ({ by, emoji })),
      attachments: (record.attachments ?? []).map((a) => ({ name: a.name ?? mediaFile(a.path).replace(/^.*\//, ''), file: mediaFile(a.path) })),
      deleted: record.deleted === true,
      line: this.lineNo,
      lines: 1,
    });
  }

  end(): void {}

  /** Naive times are the exporter's wall clock already; zoned ones go through the chosen zone. */
  private readDate(date: string): Pick<ExportRecord, 'timestamp' | 'precision'> {
    const m = ISO_DATE.exec(date);
    const local = m && localTimestamp(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] === undefined ? 0 : +m[6]);
    if (!m || !local) throw new InputError(`${this.what}: line ${this.lineNo}: "date" is not an ISO date and time (${JSON.stringify(date)})`);
    const precision = m[6] === undefined ? 'minute' : 'second';
    if (m[7] === undefined) return { timestamp: local, precision };
    const offset = m[7] === 'Z' ? 0 : zoneMinutes(m[7]);
    return { timestamp: wallClock(Date.parse(local + 'Z') - offset * 60_000, this.timeZone), precision };
  }
}

/** `+02:00`, `-0530`, `+02` → minutes east of UTC. */
function zoneMinutes(zone: string): number {
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone[0] === '-' ? -minutes : minutes;
}

/** How sure a sample's lines are data.json: the first line opens a record with a date and a sender. */
export function rateJson(lines: string[], fileName: string): number {
  const first = lines.find((l) => l.trim() !== '');
  if (!first || !/^\s*\{/.test(first) || !/"date"\s*:\s*"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(first) || !/"sender"\s*:/.test(first)) return 0;
  return fileName.toLowerCase() === 'data.json' ? 1 : 0.9;
}
