// What the "Live Share pairing" journey expects, and how it plays the partner: a second reviewer
// working on the same export elsewhere (a Live Share guest, another window, the CLI) whose save
// replaces the sidecar beside the export the way the extension itself writes it — a whole new,
// valid review state, written to a temporary file and renamed over the sidecar.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

export { SAMPLE_ZIP, SCHEME } from './openExport.expect';

/** This window's reviewer (setting chatReview.reviewer). */
export const REVIEWER = 'jdv';
/** The partner's name, as their save stamps it. */
export const PARTNER = 'fea';

/** Tagged here first (Alt+P) and saved. */
export const LOCAL_FIRST = { id: 'm000008', tag: 'privé', key: 'Alt+KeyP' } as const;
/** The partner tags the report of a burglary at the neighbours AVG (criminal record). */
export const PARTNER_TAG = { id: 'm000022', tag: 'AVG', rule: 'criminal', note: 'strafrechtelijk gegeven over derden' } as const;
/** Tagged here after the partner's save (Alt+A): saving must keep the partner's tag. */
export const LOCAL_AFTER = { id: 'm000006', tag: 'AVG', key: 'Alt+KeyA' } as const;

/** How soon the open review must show the partner's change ("within a few seconds"). */
export const FOLLOW_MS = 10_000;

export interface SidecarTag {
  id: string;
  tag: string;
  rule?: string;
  note?: string;
  by: string;
  at: string;
}
export interface Sidecar {
  version: number;
  export: { file: string; sha256: string };
  tags: SidecarTag[];
  [field: string]: unknown;
}

export function readSidecar(file: string): Sidecar {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Sidecar;
}

/**
 * The partner's save: the sidecar as it is on disk, changed by `change`, written whole to a
 * temporary file beside it and renamed over it (atomic, as the extension writes it). Returns what
 * was written.
 */
export function partnerSave(sidecarPath: string, change: (state: Sidecar) => Sidecar): string {
  const next = change(readSidecar(sidecarPath));
  const json = JSON.stringify(next, null, 2) + '\n';
  const tmp = path.join(path.dirname(sidecarPath), `.${path.basename(sidecarPath)}.${process.pid}.partner.tmp`);
  fs.writeFileSync(tmp, json);
  fs.renameSync(tmp, sidecarPath);
  return json;
}

/** The partner's state: every field kept, one more tag. */
export function withPartnerTag(state: Sidecar): Sidecar {
  assert.ok(!state.tags.some((t) => t.id === PARTNER_TAG.id), `${PARTNER_TAG.id} is not tagged yet`);
  return { ...state, tags: [...state.tags, { ...PARTNER_TAG, by: PARTNER, at: new Date().toISOString() }] };
}

/** The sidecar after this window saved again: the partner's tag kept as the partner wrote it, and ours. */
export function assertMerged(state: Sidecar, partnerWrote: Sidecar): void {
  const byId = new Map(state.tags.map((t) => [t.id, t]));
  const partners = partnerWrote.tags.find((t) => t.id === PARTNER_TAG.id);
  assert.deepEqual(byId.get(PARTNER_TAG.id), partners, `the partner's tag of ${PARTNER_TAG.id} is kept as the partner wrote it:\n${JSON.stringify(state, null, 2)}`);
  assert.equal(byId.get(LOCAL_FIRST.id)?.tag, LOCAL_FIRST.tag, `${LOCAL_FIRST.id} is still tagged ${LOCAL_FIRST.tag}`);
  assert.equal(byId.get(LOCAL_AFTER.id)?.tag, LOCAL_AFTER.tag, `${LOCAL_AFTER.id} is tagged ${LOCAL_AFTER.tag}`);
  assert.equal(byId.get(LOCAL_AFTER.id)?.by, REVIEWER, `${LOCAL_AFTER.id} is tagged by ${REVIEWER}`);
  assert.equal(state.tags.length, 3, `exactly three tags:\n${JSON.stringify(state.tags, null, 2)}`);
  assert.deepEqual(state.export, partnerWrote.export, 'the export reference is unchanged');
}
