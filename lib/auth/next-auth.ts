import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { isAppError } from '@/lib/errors';
import { authenticateWithPassword } from './accounts';
import { resolveUserActor } from './resolve';

export const sessionCookieNames = ['next-auth.session-token', '__Secure-next-auth.session-token'] as const;

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  const real = headers?.['x-real-ip'];
  return first || (typeof real === 'string' ? real : '') || 'local';
}

/**
 * next-auth 4 (stable) with email + password and JWT sessions. The token holds the
 * user id; organisation and role are read from the database per request (lib/auth/resolve).
 */
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 7 * 24 * 3600 },
  pages: { signIn: '/signin', error: '/signin' },
  logger: {
    // A cookie that fails verification is routine (expiry, tampering, rotated secret): one line, no stack.
    error(code, metadata) {
      if (code === 'JWT_SESSION_ERROR') console.warn('[auth] rejected a session cookie that could not be verified');
      else console.error(`[auth] ${code}`, metadata instanceof Error ? metadata.message : metadata);
    },
    warn(code) {
      if (code !== 'NEXTAUTH_URL') console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        try {
          const user = await authenticateWithPassword({ email: credentials?.email, password: credentials?.password, ip: clientIp(req?.headers) });
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          // next-auth passes the message to the sign-in page as `error`.
          if (isAppError(error) && error.code === 'rate_limited') throw new Error('RateLimited', { cause: error });
          if (isAppError(error)) return null;
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.userId = user.id;
      return token;
    },
    async session({ session, token }) {
      const actor = typeof token.userId === 'string' ? await resolveUserActor(token.userId) : null;
      if (!actor) return { ...session, user: undefined };
      return {
        ...session,
        user: { id: actor.userId, name: actor.name, email: actor.email, orgId: actor.org?.id ?? null, orgName: actor.org?.name ?? null, role: actor.role },
      };
    },
  },
};
