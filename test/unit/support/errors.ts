import * as assert from 'node:assert/strict';
import { InputError } from '../../../src/model/errors';

/** The message of the InputError a promise rejects with; fails unless it is one line (what the CLI prints). */
export async function inputError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof InputError, `an InputError, not ${String(e)}`);
    assert.ok(!e.message.includes('\n'), 'one line');
    return e.message;
  }
  assert.fail('no error');
}
