'use server';

import { revalidatePath } from 'next/cache';
import { getCurrentActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { type ActionState, runAction } from '@/lib/http/actions';
import { createApiKey, revokeApiKey } from '@/lib/orgs/api-keys';

async function actorOrThrow() {
  const actor = await getCurrentActor();
  if (!actor) throw new AppError('unauthenticated', 'Your session ended. Sign in again.');
  return actor;
}

export async function createApiKeyAction(_prev: ActionState<{ key: string }>, formData: FormData): Promise<ActionState<{ key: string }>> {
  return runAction(formData, async (values) => {
    const { key } = await createApiKey(await actorOrThrow(), { name: values.name, role: values.role });
    revalidatePath('/settings/api-keys');
    return { message: 'API key created. Copy it now: it will not be shown again.', data: { key } };
  });
}

export async function revokeApiKeyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await revokeApiKey(await actorOrThrow(), values.keyId ?? '');
    revalidatePath('/settings/api-keys');
    return { message: 'API key revoked.' };
  });
}
