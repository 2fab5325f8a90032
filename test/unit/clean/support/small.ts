/** Hand-written cases: a small export, a review state for it, and the cleaning of it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanExport, type CleanOptions, type CleanResult } from '../../../../src/clean/cleaner';
import type { ParsedExport } from '../../../../src/model/conversation';
import { ReviewState, type Redaction, type TagEntry } from '../../../../src/model/review';
import { readExport } from '../../../../src/parsers';
import { tempDir } from '../../support/fixtures';
import { sha256 } from './harness';

export const AT = '2026-11-22T10:14:00.000Z';
export const tag = (id: string, t: TagEntry['tag'] = 'AVG', extra: Partial<TagEntry> = {}): TagEntry => ({ id, tag: t, by: 'jdv', at: AT, ...extra });
export const redaction = (id: string, start: number, end: number, t: Redaction['tag'] = 'AVG'): Redaction => ({ id, start, end, tag: t, by: 'jdv', at: AT });

export interface Small {
  dir: string;
  exportPath: string;
  original: Buffer;
  parsed: ParsedExport;
  state: ReviewState;
}

/** Writes `data` as `file` into a fresh folder and a review state with these tags and redactions. */
export async function small(file: string, data: string | Buffer, tags: TagEntry[] = [], redactions: Redaction[] = []): Promise<Small> {
  const dir = tempDir();
  const exportPath = path.join(dir, file);
  fs.writeFileSync(exportPath, data);
  const original = fs.readFileSync(exportPath);
  const parsed = await readExport(exportPath);
  const state = ReviewState.parse({ version: 1, export: { file, sha256: sha256(original) }, tags, redactions });
  return { dir, exportPath, original, parsed, state };
}

export function clean(s: Small, options: Partial<CleanOptions> = {}): Promise<CleanResult> {
  return cleanExport(s.exportPath, s.state, { reviewer: 'jdv', ...options });
}

/** Position of `needle` in message `i`'s text (0-based message index), as a redaction span. */
export function spanOf(s: Small, i: number, needle: string): [number, number] {
  const start = s.parsed.messages[i].text.indexOf(needle);
  if (start < 0) throw new Error(`${JSON.stringify(needle)} not in ${JSON.stringify(s.parsed.messages[i].text)}`);
  return [start, start + needle.length];
}
