import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanExport } from '../clean/cleaner';
import { readReviewState, sha256File } from '../model';
import { InputError } from '../model/errors';
import type { ParseOptions } from '../parsers';
import { policyInForce } from './policy';

/** `chatreview clean`: the three files from an export and its review state; prints their paths. */
export async function runClean(
  file: string,
  options: { tags?: string; out?: string; reviewer?: string; rsmf?: boolean; timeZone?: string; policy?: string; ocr?: ParseOptions['ocr'] },
): Promise<number> {
  if (!options.tags) throw new InputError('clean needs --tags <sidecar.json> (the review state)');
  const policy = await policyInForce(options.policy);
  const json = await fs.promises.readFile(options.tags, 'utf8').catch(() => {
    throw new InputError(`${options.tags}: no such file`);
  });
  const state = readReviewState(json, path.basename(options.tags), await sha256File(file).catch(() => {
    throw new InputError(`${file}: no such file`);
  }));
  const result = await cleanExport(file, state, {
    outDir: options.out, reviewer: options.reviewer ?? os.userInfo().username, rsmf: options.rsmf, timeZone: options.timeZone, policy, ocr: options.ocr,
  });
  process.stdout.write(`${result.cleaned}\n${result.screenshots ? `${result.screenshots}\n` : ''}${result.diff}\n${result.report}\n${result.rsmf ? `${result.rsmf}\n` : ''}`);
  return 0;
}
