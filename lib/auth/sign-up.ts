import 'server-only';
import { getDb } from '@/db';
import type { User } from '@/db/schema';
import { acceptInvite } from '@/lib/orgs/invites';
import { parseInput } from '@/lib/errors';
import { createUserAccount } from './accounts';
import { signUpSchema } from './schemas';

/** Creates the account and, with an invite token, joins that organisation: all or nothing. */
export async function signUp(input: unknown): Promise<User> {
  const data = parseInput(signUpSchema, input);
  return getDb().transaction(async (tx) => {
    const user = await createUserAccount(tx, data);
    if (data.inviteToken) await acceptInvite(tx, data.inviteToken, user);
    return user;
  });
}
