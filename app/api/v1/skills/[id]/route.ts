import { apiRoute, readJson } from '@/lib/http/api';
import { customSkillResource, deleteCustomSkill, updateCustomSkill } from '@/lib/skills/custom-skills';
import { getSkillDetail, skillResource } from '@/lib/skills/taxonomy';

// GET /api/v1/skills/{id} — one skill (id or source URI) with the occupations that need it
export const GET = apiRoute<{ id: string }>(null, async ({ params }) => {
  const { skill, occupations } = await getSkillDetail(decodeURIComponent(params.id));
  return {
    skill: skillResource(skill),
    occupations,
  };
});

// PATCH /api/v1/skills/{id} — change some fields of a custom skill your organisation added
export const PATCH = apiRoute<{ id: string }>('skills:manage', async ({ actor, params, request }) => {
  return { skill: customSkillResource(await updateCustomSkill(actor, params.id, await readJson(request))) };
});

// DELETE /api/v1/skills/{id} — remove a custom skill your organisation added
export const DELETE = apiRoute<{ id: string }>('skills:manage', async ({ actor, params }) => {
  await deleteCustomSkill(actor, params.id);
  return new Response(null, { status: 204 });
});
