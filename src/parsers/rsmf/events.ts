import type { Message, MessageMeta, SourceRef } from '../../model/conversation';
import { wallClock } from '../time';
import { readCustom } from './custom';
import { readInstant, type RsmfEvent, type RsmfParticipant } from './manifest';

/** What turning an event into a message needs to know beyond the event. */
export interface EventContext {
  timeZone: string | undefined;
  /** A participant's name by id; an id the manifest does not list stands for itself. */
  name(participant: string): string;
  /** The message id of an event of the same conversation, by event id. */
  messageOf(eventId: string): string | undefined;
  /** Whether the export holds an attachment's file. */
  present(attachmentId: string): boolean;
}

/** How a participant is shown: the display name, else the e-mail address, else the id. */
export function participantName(p: RsmfParticipant): string {
  return p.display?.trim() || p.email?.trim() || p.id;
}

/** The kind an event's shape says; Chat Review's own custom property may say more (see custom.ts). */
export function kindOf(event: RsmfEvent): Message['kind'] {
  if (event.type !== 'message') return 'system';
  if (event.deleted) return 'deleted';
  return event.attachments?.length ? 'media' : 'message';
}

/**
 * One RSMF event as a message. Joins, leaves, disclaimers and the like are system messages
 * (their participant becomes `meta.actor`); a deleted message keeps whatever body the export
 * still holds, since that is what a reviewer has to judge.
 */
export function eventMessage(event: RsmfEvent, id: string, source: SourceRef, ctx: EventContext): Message {
  // The first pass refused events without a valid timestamp.
  const instant = readInstant(event.timestamp!)!;
  const own = readCustom(event.custom);
  const kind = own.kind ?? kindOf(event);
  const person = event.participant === undefined ? undefined : ctx.name(event.participant);
  const direction = event.direction ?? null;
  const meta: MessageMeta = { ...own.meta };
  if (kind === 'system' && person !== undefined) meta.actor = person;
  if (event.edits?.length) meta.edited = true;
  const reactions = (event.reactions ?? []).flatMap((r) => {
    const named = (r.participants ?? []).map((p) => ({ by: ctx.name(p), emoji: r.value }));
    // `count` says how often it was given; those the export does not name are anonymous.
    const anonymous = Math.max(0, (r.count ?? Math.max(1, named.length)) - named.length);
    return [...named, ...Array.from({ length: anonymous }, () => ({ by: '', emoji: r.value }))];
  });
  if (reactions.length) meta.reactions = reactions;
  const message: Message = {
    id,
    timestamp: wallClock(instant.epochMs, ctx.timeZone),
    precision: own.precision ?? instant.precision,
    // An outgoing message names its owner; RSMF says nothing of the language, hence `Me`.
    sender: kind === 'system' ? null : person ?? (direction === 'outgoing' ? 'Me' : null),
    direction,
    kind,
    text: event.body ?? '',
    // The id is the file's name in the zip (the display name may repeat): what presence and cleaning go by.
    attachments: (event.attachments ?? []).map((a) => ({ name: a.id, present: ctx.present(a.id) })),
    replyTo: event.parent === undefined ? null : ctx.messageOf(event.parent) ?? null,
    source,
  };
  if (Object.keys(meta).length) message.meta = meta;
  return message;
}
