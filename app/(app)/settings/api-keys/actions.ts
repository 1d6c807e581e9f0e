'use server';

import { revalidatePath } from 'next/cache';
import { requireActionActor } from '@/lib/auth/session';
import { type ActionState, runAction } from '@/lib/http/actions';
import { createApiKey, revokeApiKey } from '@/lib/orgs/api-keys';


export async function createApiKeyAction(_prev: ActionState<{ key: string }>, formData: FormData): Promise<ActionState<{ key: string }>> {
  return runAction(formData, async (values) => {
    const { key } = await createApiKey(await requireActionActor(), { name: values.name, role: values.role });
    revalidatePath('/settings/api-keys');
    return { message: 'API key created. Copy it now: it will not be shown again.', data: { key } };
  });
}

export async function revokeApiKeyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await revokeApiKey(await requireActionActor(), values.keyId ?? '');
    revalidatePath('/settings/api-keys');
    return { message: 'API key revoked.' };
  });
}
