import type { z } from 'zod';

export const errorCodes = {
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;
/** Field path (dot-joined, e.g. `skills.2.level`) → messages. */
export type FieldErrors = Record<string, string[]>;

/** The one error type of the domain: lib functions throw it, callers map it once to HTTP or UI. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, extra: { fieldErrors?: FieldErrors; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.details = extra.details;
  }

  get httpStatus(): number {
    return errorCodes[this.code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function validationError(fieldErrors: FieldErrors, message = 'Some fields need attention.'): AppError {
  return new AppError('validation_failed', message, { fieldErrors });
}

/** Parse input with a zod schema, turning failures into a field-level AppError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(fieldErrorsFromZod(result.error));
  return result.data;
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found.`);
