import { NextResponse } from 'next/server';
import { parseInput } from '@/lib/errors';
import { apiRoute, readJson } from '@/lib/http/api';
import { createCustomSkill, customSkillResource } from '@/lib/skills/custom-skills';
import { searchSkills, taxonomySearchSchema } from '@/lib/skills/taxonomy-search';

// GET /api/v1/skills?q= — search the skills taxonomy as you type (public)
export const GET = apiRoute(null, async ({ request }) => {
  const params = parseInput(taxonomySearchSchema, Object.fromEntries(new URL(request.url).searchParams));
  return searchSkills(params);
});

// POST /api/v1/skills — add a custom skill to the taxonomy (organisation admins)
export const POST = apiRoute('skills:manage', async ({ actor, request }) => {
  const skill = await createCustomSkill(actor, await readJson(request));
  return NextResponse.json({ skill: customSkillResource(skill) }, { status: 201 });
});
