import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { type Actor, authorize } from './actor';
import { sessionCookieNames } from './next-auth';
import { resolveApiKeyActor, resolveUserActor } from './resolve';
import type { Permission } from './roles';

export const activeOrgCookie = 'credpath_org';

export type SessionState = { actor: Actor | null; isSessionInvalid: boolean };

/**
 * The signed-in person of this request, from the next-auth cookie. The token is decoded
 * here (signature and expiry checked) rather than through getServerSession, whose session
 * callback would load the actor a second time on every request.
 */
export async function getSessionState(): Promise<SessionState> {
  const jar = await cookies();
  const raw = sessionCookieNames.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return { actor: null, isSessionInvalid: false };
  const token = await decode({ token: raw, secret: process.env.NEXTAUTH_SECRET ?? '' }).catch(() => null);
  const actor = typeof token?.userId === 'string' ? await resolveUserActor(token.userId, jar.get(activeOrgCookie)?.value) : null;
  // A cookie that could not be verified was expired, tampered with or signed with an old secret.
  return { actor, isSessionInvalid: !actor };
}

export async function getCurrentActor(): Promise<Actor | null> {
  return (await getSessionState()).actor;
}

/** For server actions: the signed-in actor, or an error the form shows (the session may have ended). */
export async function requireActionActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) throw new AppError('unauthenticated', 'Your session ended. Sign in again.');
  return actor;
}

/**
 * For pages: sends anonymous visitors to sign in (then back to `path`), and renders
 * the 403 page for a wrong role. Uses the same `authorize` as API and actions.
 */
export async function requirePageActor(permission: Permission, path: string): Promise<Actor> {
  const { actor, isSessionInvalid } = await getSessionState();
  if (!actor) {
    const params = new URLSearchParams({ callbackUrl: path, ...(isSessionInvalid ? { error: 'SessionInvalid' } : {}) });
    redirect(`/signin?${params}`);
  }
  try {
    return authorize(actor, permission);
  } catch {
    forbidden();
  }
}

/** For route handlers: an organisation API key (`Authorization: Bearer cp_…`) or the session. */
export async function getRequestActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await resolveApiKeyActor(match[1]!) : null;
    if (!actor) throw new AppError('unauthenticated', 'The API key is missing, malformed, unknown or revoked.');
    return actor;
  }
  // Anonymous API calls (most public searches) skip the session lookup entirely.
  const cookieHeader = request.headers.get('cookie') ?? '';
  if (!sessionCookieNames.some((name) => cookieHeader.includes(`${name}=`))) return null;
  return getCurrentActor();
}
