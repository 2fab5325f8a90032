import { InputError } from '../model/errors';
import type { ExportInput } from './input';
import { allFormats, getFormat, type ExportFormat } from './registry';
import { sniffEncoding } from './text';

/**
 * Picks the format by content: every registered format rates the input and the most certain
 * wins. `--format` skips the guess.
 */
export async function detectFormat(input: ExportInput, forced?: string): Promise<ExportFormat> {
  const formats = allFormats();
  if (forced && forced !== 'auto') {
    const format = getFormat(forced);
    if (!format) throw new InputError(`unknown format "${forced}" (known: ${formats.map((f) => f.name).join(', ')})`);
    return format;
  }
  let best: ExportFormat | undefined;
  let bestScore = 0;
  for (const format of formats) {
    const score = await format.sniff(input);
    if (score > bestScore) [best, bestScore] = [format, score];
  }
  if (best) return best;
  if (!input.zip) sniffEncoding(await input.head(), input.fileName); // names binary files as such
  const kinds = formats.map((f) => f.label).join(', ');
  throw new InputError(input.zip
    ? `${input.fileName} is a ${input.folder ? 'folder' : 'zip'} without a recognisable chat export inside (looked for: ${kinds})`
    : `${input.fileName} has no recognisable chat messages (not a ${kinds} export)`);
}
