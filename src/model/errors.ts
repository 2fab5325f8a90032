/**
 * The one error parsers and readers throw for bad input. Its message is a single line meant for
 * the user; the CLI prints it and exits 2, the extension shows it. Nothing else is caught broadly.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string) {
    super(message);
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
