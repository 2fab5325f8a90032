import { InputError } from '../../model/errors';
import type { MessageMeta } from '../../model/conversation';
import { localTimestamp, parseReactions, type Draft, type LineReader } from './conversation';

/**
 * signalbackup-tools `--exporttxt`: `[Jul 10, 2023 01:23:45] ` (strftime `%b %d, %Y %H:%M:%S`,
 * C locale) and then `<sender> body` or `*** event`. Groups: month, day, year, hour, minute, second.
 */
const HEADER = /^\[(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4}) (\d{2}):(\d{2}):(\d{2})\] (?=\*\*\* |<[^\n]*?> )/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `*** <bob> sent file "Signal-1.jpeg"`, or `sent file of type image/jpeg` when the file has no name. */
const FILE_EVENT = /^\*\*\* <(.+?)> sent file(?: "(.*)"| of type (.+))?$/;
const MESSAGE = /^<(.+?)> ([^]*)$/;
const MESSAGE_OR_EVENT = /^(?:\*\*\* |<.+?> )/;
/** Reactions close the message: ` (Bob: 👍; Aya: ❤️)`. */
const REACTIONS_AT_END = / \(([^()\n]+)\)$/;
/** A poll's options follow its `Poll: question` line, indented: `[2] Morgen 09:00`. */
const POLL_OPTION = /^\s+\[(\d+)\] (.*)$/;

function readTimestamp(m: RegExpExecArray): string | null {
  return localTimestamp(+m[3], MONTHS.indexOf(m[1]) + 1, +m[2], +m[4], +m[5], +m[6]);
}

function readPoll(text: string): MessageMeta['poll'] | undefined {
  const [first, ...rest] = text.split('\n');
  if (!first.startsWith('Poll: ')) return undefined;
  const options = [];
  for (const line of rest) {
    const m = POLL_OPTION.exec(line);
    if (!m) return undefined;
    options.push({ text: m[2], votes: Number(m[1]) });
  }
  return { question: first.slice('Poll: '.length), options };
}

/**
 * A message from its header's time and its text (header removed, further lines included): its
 * kind, sender and media.
 */
function backupDraft(timestamp: string, text: string, line: number, lines: number, present: (file: string) => boolean): Draft {
  const draft: Draft = { timestamp, precision: 'second', sender: null, kind: 'message', text: '', attachments: [], line, lines };
  let body = text;
  const reactionList = REACTIONS_AT_END.exec(body);
  const reactions = reactionList && parseReactions(reactionList[1], '; ');
  // A body that is nothing but such parentheses is the body, not reactions to it.
  if (reactionList && reactions && MESSAGE_OR_EVENT.test(body.slice(0, reactionList.index))) {
    draft.meta = { reactions };
    body = body.slice(0, reactionList.index);
  }
  const file = FILE_EVENT.exec(body);
  if (file) {
    const [, sender, name, type] = file;
    draft.sender = sender;
    draft.kind = 'media';
    if (name !== undefined) draft.attachments = [{ name, present: present(name) }];
    else draft.meta = { ...draft.meta, placeholder: type === undefined ? 'sent file' : `sent file of type ${type}` };
    return draft;
  }
  if (body.startsWith('*** ')) {
    draft.kind = 'system';
    draft.text = body.slice(4);
    return draft;
  }
  const message = MESSAGE.exec(body)!;
  draft.sender = message[1];
  draft.text = message[2];
  const poll = readPoll(draft.text);
  if (poll) draft.meta = { ...draft.meta, poll };
  return draft;
}

/**
 * Reads a signalbackup-tools text export. A header starts a message; any other line (blank ones
 * too) continues the current one, as bodies keep their line breaks.
 */
export class BackupTextReader implements LineReader {
  private lineNo = 0;
  private timestamp: string | null = null;
  private startLine = 0;
  private text = '';
  private more: string[] = [];

  constructor(
    private readonly what: string,
    private readonly present: (file: string) => boolean,
    private readonly emit: (draft: Draft) => void,
  ) {}

  line(line: string): void {
    this.lineNo++;
    const m = line.charCodeAt(0) === 91 ? HEADER.exec(line) : null;
    const timestamp = m && readTimestamp(m);
    if (m && timestamp) {
      this.flush();
      this.timestamp = timestamp;
      this.startLine = this.lineNo;
      this.text = line.slice(m[0].length);
      this.more = [];
    } else if (this.timestamp) {
      this.more.push(line);
    } else if (line.trim() !== '') {
      throw new InputError(`${this.what}: line ${this.lineNo} comes before the first message header; the file looks cut off at the start`);
    }
  }

  end(): void {
    this.flush();
    this.timestamp = null;
  }

  private flush(): void {
    if (!this.timestamp) return;
    const text = this.more.length ? this.text + '\n' + this.more.join('\n') : this.text;
    this.emit(backupDraft(this.timestamp, text, this.startLine, 1 + this.more.length, this.present));
  }
}

/** `Crisisteam Hoogwater (_id12).txt`: signalbackup-tools names each file after its chat. */
const FILE_NAME = /^(.+) \(_id\d+\)\.txt$/i;

export function titleFromBackupFileName(fileName: string): string | undefined {
  return FILE_NAME.exec(fileName)?.[1];
}

/** How sure a sample's lines are a signalbackup-tools text export. */
export function rateBackupText(lines: string[], fileName: string): number {
  const isHeader = (l: string) => HEADER.test(l);
  if (!lines.some(isHeader)) return 0;
  const first = lines.find((l) => l.trim() !== '')!;
  return (isHeader(first) ? 0.85 : 0.4) + (FILE_NAME.test(fileName) ? 0.1 : 0);
}
