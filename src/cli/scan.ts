import * as fs from 'node:fs';
import { InputError } from '../model/errors';
import { Policy, type Flag, type FlagCategory, type Message } from '../model';
import { parseExport, type ParseExportOptions } from '../parsers';
import { scanMessage } from '../server/detectors';
import { JsonWriter } from './jsonWriter';

export interface ScanStats {
  messages: number;
  flaggedMessages: number;
  flags: number;
  byCategory: Record<FlagCategory, number>;
  byRule: Record<string, number>;
}

export async function readPolicy(file: string | undefined): Promise<Policy> {
  if (!file) return Policy.parse({});
  let data: unknown;
  try {
    data = JSON.parse(await fs.promises.readFile(file, 'utf8'));
  } catch (e) {
    throw new InputError(`policy ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const parsed = Policy.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`policy ${file}: ${issue.path.join('.') || 'document'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * `chatreview scan`: the same detectors as the language server, streamed. Each message is
 * judged once its successor has arrived (rules look at neighbours), so memory stays flat.
 */
export async function runScan(file: string, options: ParseExportOptions & { policy?: string }): Promise<number> {
  const policy = await readPolicy(options.policy);
  const out = new JsonWriter(process.stdout);
  const stats: ScanStats = { messages: 0, flaggedMessages: 0, flags: 0, byCategory: { 'privé': 0, AVG: 0, scope: 0, info: 0 }, byRule: {} };
  let first = true;
  out.raw('{"flags":[\n');
  const emit = (flags: Flag[]) => {
    if (flags.length) stats.flaggedMessages++;
    for (const f of flags) {
      out.raw((first ? '' : ',\n') + JSON.stringify(f));
      first = false;
      stats.flags++;
      stats.byCategory[f.category]++;
      stats.byRule[f.rule] = (stats.byRule[f.rule] ?? 0) + 1;
    }
  };
  let previous: Message | undefined;
  let current: Message | undefined;
  await parseExport(file, options, {
    message(next) {
      stats.messages++;
      if (current) emit(scanMessage(current, { policy, previous, next }));
      previous = current;
      current = next;
    },
    drain: () => out.drain(),
  });
  if (current) emit(scanMessage(current, { policy, previous, next: undefined }));
  out.raw(`\n],"stats":${JSON.stringify(stats)}}\n`);
  await out.end();
  return 0;
}
