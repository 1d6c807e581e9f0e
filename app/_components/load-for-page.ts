import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';

/**
 * Runs a page's lib call and turns its AppErrors into Next's interrupts: a program of
 * another organisation is "not found", a non-provider organisation gets the 403 page.
 */
export async function loadForPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && (error.code === 'forbidden' || error.code === 'unauthenticated')) forbidden();
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}
