import 'server-only';
import { isAppError, type ErrorCode, type FieldErrors } from '@/lib/errors';

/** What every server action returns to `useActionState`. */
export type ActionState<T = undefined> = {
  status: 'idle' | 'success' | 'error';
  /** The AppError code of a failure, so a form can offer the right way out (e.g. reload on `conflict`). */
  code?: ErrorCode;
  message?: string;
  fieldErrors?: FieldErrors;
  /** Submitted values, so a form keeps what the person typed after an error. */
  values?: Record<string, string>;
  data?: T;
};

/** Submitted strings by field; a field sent several times (ticked checkboxes) keeps every value, comma-joined. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value !== 'string' || /password/i.test(key)) continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

/** Runs a server action body and maps AppErrors to form state; unexpected errors go to the error page. */
export async function runAction<T = undefined>(formData: FormData, body: (values: Record<string, string>) => Promise<{ message?: string; data?: T }>): Promise<ActionState<T>> {
  const values = formValues(formData);
  try {
    const result = await body(values);
    return { status: 'success', message: result.message, data: result.data };
  } catch (error) {
    if (isAppError(error)) return { status: 'error', code: error.code, message: error.message, fieldErrors: error.fieldErrors, values };
    throw error;
  }
}
