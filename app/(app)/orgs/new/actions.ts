'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { createOrganisation } from '@/lib/orgs/organisations';
import { activeOrgCookie, getCurrentActor } from '@/lib/auth/session';
import { type ActionState, runAction } from '@/lib/http/actions';
import { AppError } from '@/lib/errors';

export async function createOrganisationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async (values) => {
    const actor = await getCurrentActor();
    if (!actor) throw new AppError('unauthenticated', 'Sign in to create an organisation.');
    const org = await createOrganisation(actor, { name: values.name, kind: values.kind });
    (await cookies()).set(activeOrgCookie, org.id, { httpOnly: true, sameSite: 'lax', path: '/' });
    return {};
  });
  if (result.status === 'success') redirect('/settings/members?created=1');
  return result;
}
