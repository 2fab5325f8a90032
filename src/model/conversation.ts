import { z } from 'zod';

/** A file named by a message. `present` says whether the export actually holds it. */
export const Attachment = z.object({
  name: z.string(),
  present: z.boolean(),
});
export type Attachment = z.infer<typeof Attachment>;

export const MessageKind = z.enum(['message', 'system', 'deleted', 'media']);
export type MessageKind = z.infer<typeof MessageKind>;

/** How exact a timestamp is: Android WhatsApp exports minutes, iOS seconds, screenshots a day. */
export const Precision = z.enum(['second', 'minute', 'day']);
export type Precision = z.infer<typeof Precision>;

export const Direction = z.enum(['incoming', 'outgoing']);
export type Direction = z.infer<typeof Direction>;

/** Local wall-clock time where the message was sent; exports carry no zone. */
export const LocalTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

/** Where a message sits in the source: 1-based first line of the chat text and its line count. */
export const SourceRef = z.object({
  line: z.number().int().positive(),
  lines: z.number().int().positive(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const PollOption = z.object({ text: z.string(), votes: z.number().int().nonnegative() });

/**
 * What an export says about a message beyond the contract fields. Every key is optional and
 * only present when the source said it.
 */
/** A rectangle in an image's pixels (origin top left). */
export const Box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
export type Box = z.infer<typeof Box>;
/** A word of a text read from an image: its offsets in the text (end exclusive) and its box. */
export const WordBox = z.object({ start: z.number().int(), end: z.number().int(), box: Box });

export const MessageMeta = z.object({
  /** The generated placeholder the export wrote instead of content ("<Media weggelaten>"). */
  placeholder: z.string().optional(),
  edited: z.boolean().optional(),
  location: z.string().optional(),
  poll: z.object({ question: z.string(), options: z.array(PollOption) }).optional(),
  /** Who a system event is about when the export attributes it to a person (missed calls). */
  actor: z.string().optional(),
  /** Reactions to the message, in the export's order. */
  reactions: z.array(z.object({ by: z.string(), emoji: z.string() })).optional(),
  /** A sticker sent as the message (its emoji or name). */
  sticker: z.string().optional(),
  /** The service that carried it, when an export mixes them (iMessage / SMS). */
  service: z.string().optional(),
  /** The quoted text of a reply whose original is not in the export (so replyTo is null). */
  quote: z.string().optional(),
  /** The subject line of an MMS or iMessage. */
  subject: z.string().optional(),
  /** An outgoing message that was never sent as such (SMS Backup & Restore types 3–6). */
  status: z.enum(['draft', 'outbox', 'failed', 'queued']).optional(),
  /**
   * A message read from a screenshot: the image, the bubble's box in its pixels, and the OCR's
   * mean word confidence (0–1), so the reviewer can check the reading against the pixels.
   */
  image: z.object({
    file: z.string(),
    box: Box,
    confidence: z.number().min(0).max(1),
    /** Each word's offsets in the text and box in the image: a redacted span is blacked out by them. */
    words: z.array(WordBox),
    /** The same bubble on other screenshots (where they overlap): cleaning blacks it out there too. */
    copies: z.array(z.object({ file: z.string(), box: Box, words: z.array(WordBox).optional() })).optional(),
  }).optional(),
  /** The screenshots before this message did not overlap with its own: messages may be missing here. */
  gapBefore: z.boolean().optional(),
  /**
   * No date could be read for the message (screenshots showing only "Vandaag" or weekdays, with
   * no capture time): its timestamp's date is a stand-in, 1970-01-01, at day precision.
   */
  dateUnknown: z.boolean().optional(),
}).strict();
export type MessageMeta = z.infer<typeof MessageMeta>;

export const Message = z.object({
  /** Stable for a given export: position in the source, `m000042`. */
  id: z.string().regex(/^m\d{6,}$/),
  timestamp: LocalTimestamp,
  precision: Precision,
  /** null for system events. */
  sender: z.string().nullable(),
  /** null when the export does not say. */
  direction: Direction.nullable(),
  kind: MessageKind,
  text: z.string(),
  attachments: z.array(Attachment),
  replyTo: z.string().nullable(),
  source: SourceRef,
  meta: MessageMeta.optional(),
});
export type Message = z.infer<typeof Message>;

export const Participant = z.object({
  name: z.string(),
});
export type Participant = z.infer<typeof Participant>;

export const Conversation = z.object({
  title: z.string(),
  participants: z.array(Participant),
  /**
   * A conversation read from screenshots: the order they were put in, each with how it joins the
   * one before: the items they share, how sure the join is (0–1; null for the first), and
   * whether it is a gap (no overlap: placed by dates and capture times only).
   */
  screenshots: z.array(z.object({
    file: z.string(),
    overlap: z.number().int().nonnegative(),
    joinConfidence: z.number().min(0).max(1).nullable(),
    gap: z.boolean(),
  })).optional(),
});
export type Conversation = z.infer<typeof Conversation>;

/** `IMG_1.PNG → IMG_3.PNG (92%) → IMG_2.PNG (gap, 40%)`: the screenshots' order and how sure each join is. */
export function screenshotOrder(screens: NonNullable<Conversation['screenshots']>): string {
  return screens.map((s) => {
    if (s.joinConfidence === null) return s.file;
    const sure = `${Math.round(s.joinConfidence * 100)}%`;
    return `${s.file} (${s.gap ? `gap, ${sure}` : sure})`;
  }).join(' → ');
}

/** `chatreview parse` output for a single conversation. */
export const ParsedExport = z.object({
  format: z.string(),
  conversation: Conversation,
  messages: z.array(Message),
});
export type ParsedExport = z.infer<typeof ParsedExport>;

/** Message ids are the 1-based position in the source, zero-padded to six digits. */
export function messageId(position: number): string {
  return 'm' + String(position).padStart(6, '0');
}
