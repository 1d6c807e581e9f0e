import { apiRoute, readJson } from '@/lib/http/api';
import { extractSkills } from '@/lib/skills/skill-extraction';

// POST /api/v1/skills/extract — suggest taxonomy skills found in a text, best first (public)
export const POST = apiRoute(null, async ({ request }) => {
  const found = await extractSkills(await readJson(request));
  return { skills: found.map(({ id, label, sourceUri, confidence, matched }) => ({ id, label, sourceUri, confidence, matched })) };
});
