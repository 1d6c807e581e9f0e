import 'server-only';
import { cookies } from 'next/headers';
import { findRegion } from './demand-scores';

/** The region a visitor chose on the in-demand page; badges and ranking use it when a search names none. */
export const viewerRegionCookie = 'credpath_region';

export async function getViewerRegion(): Promise<string | null> {
  return findRegion((await cookies()).get(viewerRegionCookie)?.value)?.code ?? null;
}
