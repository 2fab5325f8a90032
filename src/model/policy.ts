import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * The policy in force: what detection looks for. The default is POLICY.md's; a workspace policy
 * file and the `chatReview.*` settings adjust it.
 */
export const Policy = z.object({
  period: z.object({
    start: IsoDate.default('2019-12-15'),
    end: IsoDate.nullable().default(null),
  }).default({ start: '2019-12-15', end: null }),
  /** Rule ids switched off. */
  disabledRules: z.array(z.string()).default([]),
  /** Names of public officials acting in their role: never flagged as persons. */
  neverFlag: z.array(z.string()).default([]),
  /** Terms always flagged, with the category they belong to. */
  alwaysFlag: z.array(z.object({ term: z.string().min(2), category: z.enum(['privé', 'AVG', 'scope']) })).default([]),
});
export type Policy = z.infer<typeof Policy>;

export const DEFAULT_POLICY: Policy = Policy.parse({});
