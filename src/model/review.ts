import { z } from 'zod';

/** The three removal categories of the policy (POLICY.md). */
export const Tag = z.enum(['privé', 'AVG', 'scope']);
export type Tag = z.infer<typeof Tag>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const IsoInstant = z.string().datetime({ offset: true });
const MessageRef = z.string().regex(/^m\d{6,}$/);

export const TagEntry = z.object({
  id: MessageRef,
  tag: Tag,
  rule: z.string().optional(),
  note: z.string().optional(),
  by: z.string(),
  at: IsoInstant,
});
export type TagEntry = z.infer<typeof TagEntry>;

/** A blacked-out span; offsets index the message's `text`. */
export const Redaction = z.object({
  id: MessageRef,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  tag: Tag,
  rule: z.string().optional(),
  by: z.string(),
  at: IsoInstant,
}).refine((r) => r.end > r.start, { message: 'redaction end must be after start' });
export type Redaction = z.infer<typeof Redaction>;

export const Dismissal = z.object({ id: MessageRef, rule: z.string(), by: z.string(), at: IsoInstant });
export type Dismissal = z.infer<typeof Dismissal>;

export const SpotCheck = z.object({
  id: MessageRef,
  verdict: z.enum(['approve', 'dispute']),
  comment: z.string().optional(),
  by: z.string(),
  at: IsoInstant,
});
export type SpotCheck = z.infer<typeof SpotCheck>;

/** The sidecar `<export>.chatreview.json`; also the CLI's `--tags` input, so its shape is a contract. */
export const ReviewState = z.object({
  version: z.literal(1),
  /** The export reviewed; `conversation` picks one of a file that holds several. */
  export: z.object({ file: z.string(), sha256: Sha256, conversation: z.string().optional() }),
  /** The policy the state was last saved under; `previous`: earlier ones, oldest first. */
  policy: z.object({ sha256: Sha256, previous: z.array(Sha256).optional() }).optional(),
  tags: z.array(TagEntry),
  redactions: z.array(Redaction).optional(),
  dismissed: z.array(Dismissal).optional(),
  spotChecks: z.array(SpotCheck).optional(),
  /** The seed of the spot-check sample, so the sample can be drawn again. */
  spotCheckSeed: z.number().int().nonnegative().optional(),
});
export type ReviewState = z.infer<typeof ReviewState>;
