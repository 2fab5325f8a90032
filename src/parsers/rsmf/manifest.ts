import { z } from 'zod';
import type { Precision } from '../../model/conversation';

/**
 * The RSMF 2.0 manifest (`rsmf_manifest.json`) as Relativity's published schema
 * (`rsmf_schema_2_0_0.json`, JSON Schema draft-07) describes it: the importer reads through it
 * and the exporter's validator checks against it. Unknown keys are allowed, as in the schema.
 */

/** The manifest's name in rsmf.zip. */
export const MANIFEST = 'rsmf_manifest.json';

/** ISO 8601 date and time; seconds, fraction and zone optional (the schema's examples have no zone). */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export interface Instant {
  epochMs: number;
  precision: Precision;
  /** Whether the text named its zone (`Z` or an offset). */
  zoned: boolean;
}

/**
 * An ISO 8601 timestamp as an instant; undefined when it is not one or names a day or time
 * that does not exist. A timestamp without a zone is read as UTC: the only reading that does
 * not depend on the machine, and what RFC 3339's `Z` would have said.
 */
export function readInstant(text: string): Instant | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [+m[1], +m[2], +m[3], +m[4], +m[5]];
  const second = m[6] === undefined ? 0 : +m[6];
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0${m[7]}`) * 1000);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const back = new Date(local);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day
    || hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = m[8];
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || 0);
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return { epochMs: local - offsetMinutes * 60_000, precision: m[6] === undefined ? 'minute' : 'second', zoned: zone !== undefined };
}

const Timestamp = z.string().refine((s) => readInstant(s) !== undefined, 'not an ISO 8601 date and time');
const Id = z.string().min(1);

const CustomProperty = z.object({ name: z.string().min(1), value: z.string().min(1) });

export const RsmfParticipant = z.object({
  id: Id,
  display: z.string().optional(),
  email: z.string().optional(),
  avatar: z.string().optional(),
  account_id: z.string().optional(),
  custom: z.array(CustomProperty).optional(),
});
export type RsmfParticipant = z.infer<typeof RsmfParticipant>;

export const RsmfConversation = z.object({
  id: Id,
  display: z.string().optional(),
  platform: z.string().min(1),
  type: z.enum(['direct', 'channel']).optional(),
  participants: z.array(Id),
  custodian: z.string().optional(),
  icon: z.string().optional(),
  custom: z.array(CustomProperty).optional(),
});
export type RsmfConversation = z.infer<typeof RsmfConversation>;

export const EVENT_TYPES = ['message', 'disclaimer', 'join', 'leave', 'history', 'unknown'] as const;

export const RsmfEvent = z.object({
  id: z.string().optional(),
  type: z.enum(EVENT_TYPES),
  parent: z.string().optional(),
  body: z.string().optional(),
  participant: z.string().optional(),
  conversation: z.string().optional(),
  timestamp: Timestamp.optional(),
  deleted: z.boolean().optional(),
  importance: z.enum(['normal', 'high']).optional(),
  reactions: z.array(z.object({ value: z.string().min(1), count: z.number().int().optional(), participants: z.array(Id).optional() })).optional(),
  attachments: z.array(z.object({ id: Id, display: z.string().optional(), size: z.number().int().optional() })).optional(),
  edits: z.array(z.object({ participant: Id, timestamp: Timestamp.optional(), previous: z.string().optional(), new: z.string().optional() })).optional(),
  custom: z.array(CustomProperty).optional(),
  direction: z.enum(['incoming', 'outgoing']).optional(),
  read_receipts: z.array(z.object({ participant: Id, timestamp: Timestamp.optional(), action: z.enum(['read', 'delivered']).optional() })).optional(),
});
export type RsmfEvent = z.infer<typeof RsmfEvent>;

/** Everything but the events, which are read one at a time. */
export const RsmfManifestHead = z.object({
  version: z.string().min(5),
  participants: z.array(RsmfParticipant),
  conversations: z.array(RsmfConversation),
  eventcollectionid: z.string().optional(),
});
export type RsmfManifestHead = z.infer<typeof RsmfManifestHead>;

export const RsmfManifest = RsmfManifestHead.extend({ events: z.array(RsmfEvent) });
export type RsmfManifest = z.infer<typeof RsmfManifest>;

/** A JSON path as people read it: `events[3].timestamp`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Every problem zod found, one line each, each starting with its path. */
export function schemaProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): string[] {
  return error.issues.map((issue) => `${jsonPath([...prefix, ...issue.path]) || '(manifest)'}: ${issue.message.split('\n')[0]}`);
}
