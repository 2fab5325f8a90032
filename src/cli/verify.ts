import { InputError } from '../model/errors';
import { verifyExport } from '../clean/verify';
import type { ParseOptions } from '../parsers';

/** `chatreview verify`: exit 0 only if every check holds; each failed check is named on stderr. */
export async function runVerify(file: string, report: string | undefined, ocr?: ParseOptions['ocr']): Promise<number> {
  if (!report) throw new InputError('verify needs --report <x.removal.json>');
  const { problems, checks } = await verifyExport(file, report, { ocr });
  for (const p of problems) process.stderr.write(`chatreview: ${p}\n`);
  process.stdout.write(problems.length ? `verify: ${problems.length} of ${checks} checks failed\n` : `verify: all ${checks} checks hold\n`);
  return problems.length ? 1 : 0;
}
