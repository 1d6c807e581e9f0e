import { apiRoute } from '@/lib/http/api';
import { getOccupationDetail, occupationSourceLink } from '@/lib/skills/taxonomy';

// GET /api/v1/occupations/{id} — an occupation (id, O*NET-SOC/ESCO code or URI) with its skills by importance
export const GET = apiRoute<{ id: string }>(null, async ({ params }) => {
  const { occupation, skills, related } = await getOccupationDetail(decodeURIComponent(params.id));
  return { occupation: { ...occupation, sourceLink: occupationSourceLink(occupation) }, skills, related };
});
