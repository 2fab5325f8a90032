import { z } from 'zod';
import { DEFAULT_POLICY, parsePolicy, type Policy } from './policy';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The `chatReview.*` settings, parsed once per change by client and server alike. Adding a
 * setting = package.json `contributes.configuration` + this schema + the code that uses it.
 */
export const Settings = z.object({
  period: z.object({
    start: IsoDate.catch('2019-12-15').default('2019-12-15'),
    end: z.union([IsoDate, z.literal(''), z.null()]).catch(null).default(null),
  }).default({ start: '2019-12-15', end: null }),
  /** Who tags: stamped into the review state and report. Empty: the OS user name. */
  reviewer: z.string().catch('').default(''),
  /** IANA zone for epoch times and RSMF timestamps; empty: this machine's. */
  timeZone: z.string().catch('').default(''),
  /** Diagnostics published per page at most (VS Code shows 1000 per file). */
  maxDiagnostics: z.number().int().min(10).max(1000).catch(1000).default(1000),
  /** Text that replaces a redacted span in the cleaned export, per tag; empty: the default. */
  redactionMarkers: z.object({
    AVG: z.string().catch('').default(''),
    'privé': z.string().catch('').default(''),
    scope: z.string().catch('').default(''),
  }).catch({ AVG: '', 'privé': '', scope: '' }).default({ AVG: '', 'privé': '', scope: '' }),
  /** Spot-check sample sizes: removed and kept messages. */
  spotCheck: z.object({
    removed: z.number().int().min(0).max(1000).catch(20).default(20),
    kept: z.number().int().min(0).max(1000).catch(20).default(20),
  }).catch({ removed: 20, kept: 20 }).default({ removed: 20, kept: 20 }),
  /** Messages per page for long conversations. */
  pageSize: z.number().int().min(100).max(10_000).catch(10_000).default(10_000),
});
export type Settings = z.infer<typeof Settings>;

export function parseSettings(raw: unknown): Settings {
  return Settings.parse(raw ?? {});
}

/**
 * What the settings say of the policy: the period, redaction markers and spot-check sizes. A
 * policy file's fields win over these (see `parsePolicy`).
 */
export function policyBaseFromSettings(s: Settings): Record<string, unknown> {
  const markers = Object.fromEntries(Object.entries(s.redactionMarkers).filter(([, v]) => v.trim() !== ''));
  return { period: { start: s.period.start, end: s.period.end || null }, markers, spotCheck: s.spotCheck };
}

/** The policy when no policy file is in force: the settings over POLICY.md's defaults. */
export function policyFromSettings(s: Settings): Policy {
  const r = parsePolicy({}, policyBaseFromSettings(s));
  // Settings are parsed leniently (`catch`), so their part of a policy is always valid.
  return r.ok ? r.policy : DEFAULT_POLICY;
}
