import { z } from 'zod';
import { messageId, type Attachment, type Message, type MessageMeta, type Participant, type SourceRef } from '../../model/conversation';
import { InputError } from '../../model/errors';
import { wallClock } from '../time';
import { FILE_FIELDS, SERVICE_PHRASES, SKIPPED_FILE, type ServiceDetails } from './strings';

/** `date` is the exporting computer's local time, `2024-01-13T18:47:25`, without a zone. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/**
 * Exports before 2021 write `edited` on every message, the epoch in local time for one never
 * edited (`1970-01-01T01:00:00`, or `1969-12-31T19:00:00` west of Greenwich).
 */
const NEVER_EDITED = /^19(?:70-01-01|69-12-31)T/;

/** A name Telegram could not resolve (a deleted account) is written as null. */
const Name = z.string().nullable().optional();

/** `user123` since 2021; older exports wrote the bare number of the user. */
const PeerId = z.union([z.string(), z.number().transform((n) => `user${n}`)]).optional();

/** `text` is a string, or an array of strings and entities (`{type: "bold", text: "…"}`). */
const Text = z.union([z.string(), z.array(z.union([z.string(), z.object({ text: z.string() })]))]);

const Reaction = z.object({
  type: z.string(),
  emoji: z.string().optional(),
  recent: z.array(z.object({ from: Name, from_id: PeerId })).optional(),
});

/** The fields of a message object this parser reads; Telegram writes many more. */
const TelegramMessage = z.object({
  id: z.number(),
  type: z.string(),
  date: z.string().regex(LOCAL_DATE_TIME, 'is not a local date-time like 2024-01-13T18:47:25'),
  date_unixtime: z.string().regex(/^\d+$/, 'is not a number of seconds').optional(),
  edited: z.string().optional(),
  from: Name,
  from_id: PeerId,
  actor: Name,
  action: z.string().optional(),
  title: z.string().optional(),
  members: z.array(z.string().nullable()).optional(),
  inviter: Name,
  duration_seconds: z.number().optional(),
  duration: z.number().optional(),
  discard_reason: z.string().optional(),
  period: z.number().optional(),
  information_text: z.string().optional(),
  reply_to_message_id: z.number().optional(),
  reply_to_peer_id: z.unknown().optional(),
  photo: z.string().optional(),
  file: z.string().optional(),
  thumbnail: z.string().optional(),
  contact_vcard: z.string().optional(),
  file_name: z.string().optional(),
  media_type: z.string().optional(),
  sticker_emoji: z.string().optional(),
  // Decoration only: a shape from another Telegram version is dropped, not an error.
  location_information: z.object({ latitude: z.number(), longitude: z.number() }).nullable().optional().catch(undefined),
  poll: z.object({
    question: z.string(),
    answers: z.array(z.object({ text: z.string(), voters: z.number() })),
  }).optional().catch(undefined),
  text: Text.optional(),
  reactions: z.array(Reaction).optional(),
});
type TelegramMessage = z.infer<typeof TelegramMessage>;

/**
 * Telegram Desktop writes `{"id": 7, "type": "unsupported"}` for content its version cannot
 * export: no date, no sender, nothing to review. Such objects are no messages here.
 */
export function isExportedMessage(value: unknown): boolean {
  return !(typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'unsupported');
}

/** The readable text of `text`: strings and the visible text of entities, joined. */
function plainText(text: TelegramMessage['text']): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}

/**
 * A service message as an English line: "Annelies added Bram, Carlijn". Actions without a
 * phrase read `Annelies: some_action Bram "Title"`, so nothing the export says is lost.
 */
function renderService(m: TelegramMessage): string {
  const members = m.members?.map((name) => name ?? 'Deleted Account').join(', ') || undefined;
  if (m.action === undefined) return m.information_text ?? plainText(m.text);
  const details: ServiceDetails = {
    title: m.title, members, inviter: m.inviter ?? undefined,
    duration: m.duration_seconds ?? m.duration, discardReason: m.discard_reason, period: m.period,
  };
  const phrase = SERVICE_PHRASES[m.action];
  if (phrase) return m.actor ? `${m.actor} ${phrase(details)}` : phrase(details);
  const tail = [m.action, members, m.title === undefined ? undefined : `"${m.title}"`].filter((s) => s !== undefined).join(' ');
  return m.actor ? `${m.actor}: ${tail}` : tail;
}

function reactionsOf(m: TelegramMessage): MessageMeta['reactions'] {
  // Only reactions with a name can be listed: channels export bare counts, which are dropped.
  const named = (m.reactions ?? []).flatMap((r) => (r.recent ?? []).map((who) => ({
    by: who.from ?? who.from_id ?? 'Deleted Account',
    emoji: r.emoji ?? `(${r.type})`,
  })));
  return named.length ? named : undefined;
}

export interface ConversationContext {
  /** File name (and zip entry) for error messages. */
  what: string;
  /** `from_id` of the exporting account (`user123`) when a full export names it. */
  ownerId: string | undefined;
  /** Whether a path relative to the export folder names a file the export holds. */
  present(relativePath: string): boolean;
  /** `--tz`: read `date_unixtime` in this zone instead of `date`. */
  timeZone: string | undefined;
}

/**
 * Turns the message objects of one chat into messages, numbering them and resolving replies
 * to earlier messages of the same chat.
 */
export class TelegramConversation {
  private count = 0;
  /** Telegram's message id → position in this conversation, for replies. */
  private readonly positions = new Map<number, number>();
  private readonly participants = new Map<string, Participant>();

  constructor(private readonly context: ConversationContext) {}

  get messageCount(): number {
    return this.count;
  }

  get senders(): Participant[] {
    return [...this.participants.values()];
  }

  read(value: unknown, source: SourceRef): Message {
    const parsed = TelegramMessage.safeParse(value);
    if (!parsed.success) throw this.invalid(value, source, parsed.error);
    const m = parsed.data;
    const { ownerId, present, timeZone } = this.context;
    const service = m.type === 'service';
    const sender = service ? null : m.from ?? m.from_id ?? null;
    if (sender !== null && !this.participants.has(sender)) this.participants.set(sender, { name: sender });

    const meta: MessageMeta = {};
    const attachments: Attachment[] = [];
    for (const field of FILE_FIELDS) {
      const path = m[field];
      if (path === undefined) continue;
      if (!SKIPPED_FILE.test(path)) attachments.push({ name: path, present: present(path) });
      else if (field !== 'thumbnail') {
        attachments.push({ name: m.file_name ?? m.media_type ?? field, present: false });
        meta.placeholder = path;
      }
    }
    if (m.edited !== undefined && !NEVER_EDITED.test(m.edited)) meta.edited = true;
    if (service && m.actor) meta.actor = m.actor;
    if (m.media_type === 'sticker') meta.sticker = m.sticker_emoji ?? 'sticker';
    if (m.location_information) meta.location = `${m.location_information.latitude},${m.location_information.longitude}`;
    if (m.poll) meta.poll = { question: m.poll.question, options: m.poll.answers.map((a) => ({ text: a.text, votes: a.voters })) };
    const reactions = reactionsOf(m);
    if (reactions) meta.reactions = reactions;

    // A reply to a message of another chat (reply_to_peer_id) or one outside the export has no target here.
    const target = m.reply_to_message_id === undefined || m.reply_to_peer_id !== undefined ? undefined : this.positions.get(m.reply_to_message_id);
    const position = ++this.count;
    this.positions.set(m.id, position);
    const message: Message = {
      id: messageId(position),
      // `date` already is the wall-clock time; `--tz` asks for the epoch time in another zone.
      timestamp: timeZone !== undefined && m.date_unixtime !== undefined ? wallClock(Number(m.date_unixtime) * 1000, timeZone) : m.date.slice(0, 19),
      precision: 'second',
      sender,
      direction: service || ownerId === undefined ? null : m.from_id === ownerId ? 'outgoing' : 'incoming',
      kind: service ? 'system' : m.photo !== undefined || m.file !== undefined ? 'media' : 'message',
      text: service ? renderService(m) : plainText(m.text),
      attachments,
      replyTo: target === undefined ? null : messageId(target),
      source,
    };
    if (Object.keys(meta).length) message.meta = meta;
    return message;
  }

  private invalid(value: unknown, source: SourceRef, error: z.ZodError): InputError {
    const issue = error.issues[0];
    const id = (value as { id?: unknown }).id;
    const which = typeof id === 'number' ? `message ${id}` : 'a message';
    const field = issue.path.length ? `"${issue.path.join('.')}"` : 'its content';
    return new InputError(`${this.context.what}: ${which} at line ${source.line} has an invalid ${field} (${issue.message}); is this a Telegram Desktop export?`);
  }
}
