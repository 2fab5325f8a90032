import { z } from 'zod';
import { Box } from './conversation';
import { SpotCheck, Tag } from './review';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const FileRef = z.object({ file: z.string(), sha256: Sha256 });

/** Woo grounds (POLICY.md) as labels beside the tag; the tag drives behaviour. */
export function wooGround(tag: Tag, rule: string | undefined): string | null {
  if (tag === 'AVG') return rule === 'bsn' ? '5.1.1e' : '5.1.1d';
  if (tag === 'privé') return '5.1.2e';
  return null;
}

const Decision = z.object({
  id: z.string(),
  timestamp: z.string(),
  sender: z.string().nullable(),
  tag: Tag,
  rule: z.string().nullable(),
  note: z.string().nullable(),
  by: z.string(),
  at: z.string(),
  wooGround: z.string().nullable(),
  /** sha256 of the removed text (UTF-8); the text itself never goes into the report. */
  sha256: Sha256,
});

/** `<name>.removal.json`: what was removed, why, by whom, and hashes that tie the files together. */
export const RemovalReport = z.object({
  version: z.literal(1),
  export: FileRef,
  /**
   * For a file that holds several conversations: the one reviewed, and how many messages of the
   * others the cleaned file leaves out (they were not reviewed).
   */
  conversation: z.object({ id: z.string(), otherMessagesRemoved: z.number().int() }).optional(),
  cleaned: FileRef,
  /** The cleaned conversation as RSMF, when it was asked for. */
  rsmf: FileRef.optional(),
  diff: FileRef,
  /**
   * The policy the review was done under: its fingerprint, name, version and file ('built-in'
   * without one), and the fingerprints of earlier policies tags were saved under (a change of
   * policy mid-review shows here).
   */
  policy: z.object({
    sha256: Sha256,
    name: z.string().optional(),
    version: z.string().optional(),
    source: z.string().optional(),
    previous: z.array(Sha256).optional(),
  }).nullable(),
  reviewer: z.string(),
  createdAt: z.string(),
  /** Set when saving went ahead with unresolved identifier flags. */
  override: z.object({ reason: z.string(), unresolved: z.array(z.object({ id: z.string(), rule: z.string() })) }).nullable(),
  removed: z.array(Decision),
  redactions: z.array(Decision.extend({ start: z.number().int(), end: z.number().int() })),
  attachmentsRemoved: z.array(z.object({ id: z.string(), name: z.string(), sha256: Sha256 })),
  /**
   * For a conversation read from screenshots: the cleaned copies (a folder, or a zip for a zip
   * export; `sha256` as for the export), and per screenshot its sha256 before and after and the
   * pixel boxes filled black (removed bubbles, redacted words, in every screenshot showing them).
   */
  screenshots: z.object({
    file: z.string(),
    sha256: Sha256,
    images: z.array(z.object({ name: z.string(), sha256: Sha256, cleaned: Sha256, blackedOut: z.array(Box) })),
  }).optional(),
  /** Zip entries that were not part of the reviewed conversation (other chats, other views of it). */
  entriesLeftOut: z.array(z.object({ name: z.string(), sha256: Sha256 })).optional(),
  counts: z.object({ 'privé': z.number().int(), AVG: z.number().int(), scope: z.number().int(), redactions: z.number().int() }),
  spotChecks: z.object({ seed: z.number().int().nullable(), items: z.array(SpotCheck) }),
});
export type RemovalReport = z.infer<typeof RemovalReport>;
