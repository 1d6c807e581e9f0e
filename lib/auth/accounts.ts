import 'server-only';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { loginAttempts, users, type User } from '@/db/schema';
import { AppError, parseInput } from '@/lib/errors';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { signInSchema, signUpSchema, type SignUpInput } from './schemas';

/** Documented in README: 5 failures per account and 30 per IP address within 15 minutes. */
export const loginRateLimit = { windowMinutes: 15, perAccount: 5, perIp: 30 } as const;

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.query.users.findFirst({ where: sql`lower(${users.email}) = ${email.toLowerCase()}` });
}

/** Creates a person's account. Callers that also join an organisation pass their transaction. */
export async function createUserAccount(
  db: Db,
  input: Omit<SignUpInput, 'inviteToken'> & { isPlatformAdmin?: boolean },
): Promise<User> {
  const { name, email, password } = parseInput(signUpSchema, input);
  if (await findUserByEmail(db, email)) {
    throw new AppError('conflict', 'An account with this email already exists.', {
      fieldErrors: { email: ['An account with this email already exists. Sign in instead, or use another address.'] },
    });
  }
  const [user] = await db
    .insert(users)
    .values({ name, email, passwordHash: await hashPassword(password), isPlatformAdmin: input.isPlatformAdmin ?? false })
    .returning();
  return user!;
}

async function recentFailures(db: Db, column: typeof loginAttempts.email | typeof loginAttempts.ip, value: string) {
  const since = new Date(Date.now() - loginRateLimit.windowMinutes * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(column, value), eq(loginAttempts.isSuccess, false), gt(loginAttempts.createdAt, since)));
  return row?.n ?? 0;
}

/**
 * Checks an email and password, rate-limited per account and per IP.
 * Returns the user, or throws `rate_limited` / `unauthenticated`.
 */
export async function authenticateWithPassword(input: { email: unknown; password: unknown; ip: string }): Promise<User> {
  const db = getDb();
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError('unauthenticated', 'Enter your email address and password.');
  const { email, password } = parsed.data;

  if ((await recentFailures(db, loginAttempts.email, email)) >= loginRateLimit.perAccount || (await recentFailures(db, loginAttempts.ip, input.ip)) >= loginRateLimit.perIp) {
    throw new AppError('rate_limited', `Too many failed sign-in attempts. Wait ${loginRateLimit.windowMinutes} minutes and try again.`);
  }

  const user = await findUserByEmail(db, email);
  const isValid = user ? await verifyPassword(password, user.passwordHash) : (await verifyPassword(password, await dummyPasswordHash()), false);
  await db.insert(loginAttempts).values({ email, ip: input.ip, isSuccess: isValid });
  if (!user || !isValid) throw new AppError('unauthenticated', 'That email and password do not match an account.');
  return user;
}
