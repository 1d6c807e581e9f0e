import 'server-only';
import { NextResponse } from 'next/server';
import { type Actor, authorize } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/roles';
import { getRequestActor } from '@/lib/auth/session';
import { AppError, isAppError } from '@/lib/errors';

export type ApiErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

/** The one mapping from errors to HTTP: `{ error: { code, message, details } }`. */
export function errorResponse(error: unknown): NextResponse<ApiErrorBody> {
  if (isAppError(error)) {
    const details = error.fieldErrors ? { fields: error.fieldErrors, ...error.details } : error.details;
    return NextResponse.json({ error: { code: error.code, message: error.message, ...(details ? { details } : {}) } }, { status: error.httpStatus });
  }
  console.error(error);
  return NextResponse.json({ error: { code: 'internal_error', message: 'Something went wrong on our side. Try again shortly.' } }, { status: 500 });
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError('validation_failed', 'The request body must be valid JSON.');
  }
}

type RouteContext<P> = { params: Promise<P> };
type Handler<P, A> = (input: { request: Request; actor: A; params: P }) => Promise<Response | unknown>;

/**
 * Wraps a route handler: resolves the actor (API key or session), checks the permission
 * with the shared `authorize`, and maps errors. Plain return values become JSON 200.
 */
export function apiRoute<P = Record<string, string>>(permission: Permission, handler: Handler<P, Actor>): (request: Request, context: RouteContext<P>) => Promise<Response>;
export function apiRoute<P = Record<string, string>>(permission: null, handler: Handler<P, Actor | null>): (request: Request, context: RouteContext<P>) => Promise<Response>;
export function apiRoute<P>(permission: Permission | null, handler: Handler<P, Actor> | Handler<P, Actor | null>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await getRequestActor(request);
      if (permission) authorize(actor, permission);
      const result = await (handler as Handler<P, Actor | null>)({ request, actor, params: (await context?.params) ?? ({} as P) });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
