import { type Flag, type FlagCategory, type Message } from '../model';
import { parseExport, type ParseExportOptions } from '../parsers';
import { scanMessage } from '../server/detectors';
import { JsonWriter } from './jsonWriter';
import { policyInForce } from './policy';

export interface ScanStats {
  messages: number;
  flaggedMessages: number;
  flags: number;
  byCategory: Record<FlagCategory, number>;
  byRule: Record<string, number>;
}

/**
 * `chatreview scan`: the same detectors as the language server, streamed. Each message is
 * judged once its successor has arrived (rules look at neighbours), so memory stays flat.
 */
export async function runScan(file: string, options: ParseExportOptions & { policy?: string }): Promise<number> {
  const inForce = await policyInForce(options.policy);
  const policy = inForce.policy;
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
  out.raw(`\n],"policy":${JSON.stringify({ sha256: inForce.sha256, source: inForce.source, name: policy.name, version: policy.version })},"stats":${JSON.stringify(stats)}}\n`);
  await out.end();
  return 0;
}
