import { getDb } from '@/db';
import { addClientSkill, listClientSkills, removeClientSkill } from '@/lib/clients/client-skills';
import { findOrgClient } from '@/lib/clients/clients';
import { AppError } from '@/lib/errors';
import { apiRoute, readJson } from '@/lib/http/api';

// GET /api/v1/clients/{id}/skills — the client's skills profile
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => {
  const client = await findOrgClient(getDb(), actor, params.id);
  return { skills: await listClientSkills(getDb(), client.id) };
});

// POST /api/v1/clients/{id}/skills — { "skill": id | URI | label, "level", "evidence", "note" }: add or re-level a skill
export const POST = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => ({ skills: await addClientSkill(actor, params.id, await readJson(request)) }));

// DELETE /api/v1/clients/{id}/skills?skill={skillId}
export const DELETE = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) => {
  const skill = new URL(request.url).searchParams.get('skill');
  if (!skill) throw new AppError('validation_failed', 'Name the skill to remove with ?skill=<id>.', { fieldErrors: { skill: ['Required.'] } });
  return { skills: await removeClientSkill(actor, params.id, skill) };
});
