import { messageId, type Conversation, type Message } from '../../model/conversation';
import { wallClock } from '../time';
import type { BackupMessage } from './backupReader';
import type { ThreadBook } from './threads';

const RECEIVED = 1;
/** Outgoing boxes that were never sent as such. */
const STATUS = { 3: 'draft', 4: 'outbox', 5: 'failed', 6: 'queued' } as const;

/** `readable_date` follows the phone's language: Dutch writes `13 jan. 2024 18:47:25`. */
const DUTCH_READABLE_DATE = /readable_date="\d{1,2} (?:jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.? \d{4}/;

/**
 * The owner as sender of outgoing messages. The backup never names the phone's owner, so it
 * is `Ik` when the backup's dates read Dutch and `Me` otherwise.
 */
export function ownerLabel(head: string): string {
  return DUTCH_READABLE_DATE.test(head) ? 'Ik' : 'Me';
}

/**
 * Makes the messages of one thread. Only type/msg_box 1 is received; 2 (sent) and also 3
 * (draft), 4 (outbox), 5 (failed) and 6 (queued) were written on this phone by its owner, so
 * they are outgoing messages of the owner: a draft or a failed message still holds text the
 * review must see; `meta.status` says which of these it was.
 */
export class ThreadMessages {
  private count = 0;
  private readonly senders = new Set<string>();

  constructor(
    private readonly book: ThreadBook,
    private readonly key: string,
    private readonly owner: string,
    private readonly timeZone: string | undefined,
  ) {}

  get messageCount(): number {
    return this.count;
  }

  message(m: BackupMessage): Message {
    const incoming = m.box === RECEIVED;
    const sender = incoming ? this.senderOf(m) : this.owner;
    if (sender !== null) this.senders.add(sender);
    const message: Message = {
      id: messageId(++this.count),
      timestamp: wallClock(m.date, this.timeZone),
      precision: 'second',
      sender,
      direction: incoming ? 'incoming' : 'outgoing',
      kind: m.attachments.length > 0 ? 'media' : 'message',
      text: m.text,
      attachments: m.attachments.map(({ name, present }) => ({ name, present })),
      replyTo: null,
      source: { line: m.line, lines: m.lines },
    };
    const status = STATUS[m.box as keyof typeof STATUS];
    if (m.subject !== undefined || status) message.meta = { ...(m.subject !== undefined ? { subject: m.subject } : {}), ...(status ? { status } : {}) };
    return message;
  }

  /** Participants: the senders in order of appearance, then members who never wrote. */
  conversation(): Conversation {
    const names = new Set(this.senders);
    for (const member of this.book.members(this.key)) names.add(this.book.nameOf(member));
    return { title: this.book.title(this.key), participants: [...names].map((name) => ({ name })) };
  }

  /** An SMS comes from its address; an MMS from its `from` addr, or from the only member. */
  private senderOf(m: BackupMessage): string | null {
    if (m.from) return this.book.nameOf(m.from);
    const members = this.book.members(this.key);
    return members.length === 1 ? this.book.nameOf(members[0]) : null;
  }
}
