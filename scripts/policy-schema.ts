/**
 * Writes schemas/policy.schema.json from the policy's zod schema (src/model/policy.ts), for
 * completion and hovers in `.chatreview/policy.json`. A unit test fails when it is stale:
 * run `npm run schema` after changing the policy.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { policyJsonSchema } from '../src/model/policySchema';

const out = path.join(__dirname, '..', 'schemas', 'policy.schema.json');
fs.writeFileSync(out, policyJsonSchema());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
