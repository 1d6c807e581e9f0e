import { getClient, setClientStatus, updateClient } from '@/lib/clients/clients';
import { deleteClient } from '@/lib/clients/erasure';
import { AppError } from '@/lib/errors';
import { apiRoute, readJson } from '@/lib/http/api';

// GET /api/v1/clients/{id} — a client with their timeline
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => getClient(actor, params.id));

// PATCH /api/v1/clients/{id} — change fields (validated as a whole), or { "status": "archived" | "active" }
export const PATCH = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  const body = await readJson(request);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('validation_failed', 'Send a JSON object with the fields to change.');
  const { status, ...fields } = body as Record<string, unknown>;
  if (status !== undefined && status !== 'active' && status !== 'archived') throw new AppError('validation_failed', 'status must be active or archived.', { fieldErrors: { status: ['Use active or archived.'] } });
  if (Object.keys(fields).length) await updateClient(actor, params.id, fields);
  if (status) await setClientStatus(actor, params.id, status);
  return getClient(actor, params.id);
});

// DELETE /api/v1/clients/{id} — erase the client and everything about them; confirm with { "confirmName": "<full name>" } or ?confirmName=
export const DELETE = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  const confirmName = new URL(request.url).searchParams.get('confirmName');
  return deleteClient(actor, params.id, confirmName !== null ? { confirmName } : await readJson(request));
});
