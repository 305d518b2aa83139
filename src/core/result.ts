// Errors are values: every fallible kit call returns a Result, never throws for expected failures.

/** A failure the user can act on: a stable SCREAMING_SNAKE code, a message, and what to do next. */
export interface KitError {
  code: string;
  message: string;
  hint?: string;
  cause?: unknown;
}

export type Result<T, E = KitError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = <E = KitError>(error: E): Result<never, E> => ({ ok: false, error });

/** Build a KitError without repeating the object shape at every call site. */
export function kitError(code: string, message: string, extra: Pick<KitError, 'hint' | 'cause'> = {}): KitError {
  return { code, message, ...extra };
}
