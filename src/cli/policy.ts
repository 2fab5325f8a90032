import * as fs from 'node:fs';
import { builtInPolicy, lineColumn, POLICY_FILE, readPolicyText, type PolicyInForce } from '../model';
import { InputError } from '../model/errors';

/**
 * The policy for `scan` and `clean`: `--policy <file>`, else `.chatreview/policy.json` in the
 * current folder when there is one, else the built-in policy. A policy file with problems is an
 * error naming the first (file:line:column), never silently the built-in policy.
 */
export async function policyInForce(file: string | undefined): Promise<PolicyInForce> {
  const chosen = file ?? (fs.existsSync(POLICY_FILE) ? POLICY_FILE : undefined);
  if (!chosen) return builtInPolicy();
  let text: string;
  try {
    text = await fs.promises.readFile(chosen, 'utf8');
  } catch (e) {
    throw new InputError(`policy ${chosen}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const p = readPolicyText(text, chosen);
  if (p.problems.length) {
    const first = p.problems[0];
    const { line, column } = lineColumn(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, first.offset);
    const more = p.problems.length > 1 ? ` (and ${p.problems.length - 1} more)` : '';
    throw new InputError(`policy ${chosen}:${line}:${column}: ${first.message}${more}`);
  }
  return p;
}
