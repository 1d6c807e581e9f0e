import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { authenticateWithPassword, loginRateLimit } from '@/lib/auth/accounts';
import { signUp } from '@/lib/auth/sign-up';
import { AppError } from '@/lib/errors';
import { createTestUser, testPassword, uniqueEmail } from '../support/factories';

async function expectAppError(promise: Promise<unknown>, code: string, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (field) expect((error as AppError).fieldErrors?.[field]?.length).toBeGreaterThan(0);
  return error as AppError;
}

const countUsers = async (email: string) => (await getDb().select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`)).length;

describe('sign-up', () => {
  it('creates an account with a scrypt hash, never the plain password', async () => {
    const email = uniqueEmail('new');
    const user = await signUp({ name: 'New Person', email: email.toUpperCase(), password: testPassword });
    expect(user.email).toBe(email);
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain(testPassword);
  });

  it('refuses an existing email (any case) with a field error', async () => {
    const existing = await createTestUser({ label: 'dup' });
    const error = await expectAppError(signUp({ name: 'Again', email: existing.email.toUpperCase(), password: testPassword }), 'conflict', 'email');
    expect(error.fieldErrors!.email![0]).toMatch(/already exists/);
    expect(await countUsers(existing.email)).toBe(1);
  });

  it.each([
    ['short', 'Use at least 10 characters'],
    ['password123', 'too common'],
    ['aaaaaaaaaaaa', 'repeats too few'],
  ])('refuses the weak password %j', async (password, message) => {
    const email = uniqueEmail('weak');
    const error = await expectAppError(signUp({ name: 'Weak', email, password }), 'validation_failed', 'password');
    expect(error.fieldErrors!.password!.join(' ')).toContain(message);
    expect(await countUsers(email)).toBe(0);
  });

  it('refuses a malformed email', async () => {
    const error = await expectAppError(signUp({ name: 'Bad', email: 'not-an-email', password: testPassword }), 'validation_failed', 'email');
    expect(error.fieldErrors!.email![0]).toMatch(/valid email/);
  });

  it('refuses a password that contains the email name', async () => {
    await expectAppError(signUp({ name: 'X', email: 'jonathan@example.org', password: 'jonathan-rocks-2026' }), 'validation_failed', 'password');
  });
});

describe('sign-in', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const user = await createTestUser({ label: 'signin' });
    expect((await authenticateWithPassword({ email: user.email, password: testPassword, ip: '10.1.1.1' })).id).toBe(user.id);
    await expectAppError(authenticateWithPassword({ email: user.email, password: 'wrong password!', ip: '10.1.1.1' }), 'unauthenticated');
    await expectAppError(authenticateWithPassword({ email: uniqueEmail('nobody'), password: testPassword, ip: '10.1.1.1' }), 'unauthenticated');
  });

  it(`locks an account after ${loginRateLimit.perAccount} failures, even for the right password`, async () => {
    const user = await createTestUser({ label: 'locked' });
    for (let i = 0; i < loginRateLimit.perAccount; i++) {
      await expectAppError(authenticateWithPassword({ email: user.email, password: `wrong-${i}-password`, ip: `10.2.0.${i}` }), 'unauthenticated');
    }
    await expectAppError(authenticateWithPassword({ email: user.email, password: testPassword, ip: '10.2.1.1' }), 'rate_limited');
  });

  it(`limits one IP address to ${loginRateLimit.perIp} failures across accounts`, async () => {
    const ip = `10.3.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < loginRateLimit.perIp; i++) {
      await expectAppError(authenticateWithPassword({ email: uniqueEmail('spray'), password: 'wrong password', ip }), 'unauthenticated');
    }
    const user = await createTestUser({ label: 'victim' });
    await expectAppError(authenticateWithPassword({ email: user.email, password: testPassword, ip }), 'rate_limited');
    expect((await authenticateWithPassword({ email: user.email, password: testPassword, ip: '10.4.0.1' })).id).toBe(user.id);
  });

  it('stores no attempt for a request that is not even well-formed', async () => {
    await expectAppError(authenticateWithPassword({ email: 'x', password: '', ip: '10.5.0.1' }), 'unauthenticated');
    const [row] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from login_attempts where ip = '10.5.0.1'`);
    expect(row!.n).toBe(0);
  });
});

