'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { findRegion } from '@/lib/demand/demand-scores';
import { viewerRegionCookie } from '@/lib/demand/viewer-region';

/** Remembers the visitor's region for in-demand badges and ranking (a cookie: no account needed). */
export async function rememberRegionAction(formData: FormData): Promise<void> {
  const region = findRegion(String(formData.get('region') ?? ''));
  if (!region) redirect('/skills/in-demand?error=region');
  (await cookies()).set(viewerRegionCookie, region.code, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true });
  redirect(`/skills/in-demand?region=${region.code}&remembered=1`);
}
