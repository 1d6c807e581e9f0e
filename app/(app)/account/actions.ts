'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentActor, activeOrgCookie } from '@/lib/auth/session';
import { resolveUserActor } from '@/lib/auth/resolve';

/** Switches the organisation this person acts in (they must be a member of it). */
export async function switchOrganisationAction(formData: FormData): Promise<void> {
  const actor = await getCurrentActor();
  if (!actor?.userId) redirect('/signin');
  const orgId = String(formData.get('orgId') ?? '');
  const next = await resolveUserActor(actor.userId, orgId);
  if (next?.org?.id === orgId) (await cookies()).set(activeOrgCookie, orgId, { httpOnly: true, sameSite: 'lax', path: '/' });
  redirect('/account');
}
