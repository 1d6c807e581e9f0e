import { deleteGap, getGap, setGapStatus, updateGap } from '@/lib/employers/gaps';
import { AppError } from '@/lib/errors';
import { apiRoute, readJson } from '@/lib/http/api';

// GET /api/v1/skill-gaps/{id} — one gap of the organisation
export const GET = apiRoute<{ id: string }>('gaps:manage', async ({ actor, params }) => getGap(actor, params.id));

// PATCH /api/v1/skill-gaps/{id} — change fields (validated as a whole), or { "status": "closed" | "open" }
export const PATCH = apiRoute<{ id: string }>('gaps:manage', async ({ actor, params, request }) => {
  const body = await readJson(request);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('validation_failed', 'Send a JSON object with the fields to change.');
  const { status, ...fields } = body as Record<string, unknown>;
  if (status !== undefined && status !== 'open' && status !== 'closed') throw new AppError('validation_failed', 'status must be open or closed.', { fieldErrors: { status: ['Use open or closed.'] } });
  if (Object.keys(fields).length) await updateGap(actor, params.id, fields);
  return status ? setGapStatus(actor, params.id, status) : getGap(actor, params.id);
});

// DELETE /api/v1/skill-gaps/{id}
export const DELETE = apiRoute<{ id: string }>('gaps:manage', async ({ actor, params }) => {
  await deleteGap(actor, params.id);
  return new Response(null, { status: 204 });
});
