import { apiRoute } from '@/lib/http/api';
import { removeSavedProgram } from '@/lib/seekers/shortlist';

// DELETE /api/v1/me/shortlist/{programId} — take a program off the shortlist
export const DELETE = apiRoute<{ programId: string }>('shortlist:manage', async ({ actor, params }) => {
  await removeSavedProgram(actor, params.programId);
  return new Response(null, { status: 204 });
});
