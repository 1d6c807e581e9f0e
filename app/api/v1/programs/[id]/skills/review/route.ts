import { apiRoute, readJson } from '@/lib/http/api';
import { getProgramSkillsForManager, reviewSkillSuggestions } from '@/lib/skills/program-skills';

// POST /api/v1/programs/{id}/skills/review — { "decision": "accept" | "reject", "skillIds": [...] } on suggested skills
export const POST = apiRoute<{ id: string }>('programs:manage', async ({ actor, params, request }) => {
  const result = await reviewSkillSuggestions(actor, params.id, await readJson(request));
  return { ...result, ...(await getProgramSkillsForManager(actor, params.id)) };
});
