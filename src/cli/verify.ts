import { InputError } from '../model/errors';
import { verifyExport } from '../clean/verify';

/** `chatreview verify`: exit 0 only if every check holds; each failed check is named on stderr. */
export async function runVerify(file: string, report: string | undefined): Promise<number> {
  if (!report) throw new InputError('verify needs --report <x.removal.json>');
  const { problems, checks } = await verifyExport(file, report);
  for (const p of problems) process.stderr.write(`chatreview: ${p}\n`);
  process.stdout.write(problems.length ? `verify: ${problems.length} of ${checks} checks failed\n` : `verify: all ${checks} checks hold\n`);
  return problems.length ? 1 : 0;
}
