import { apiRoute } from '@/lib/http/api';
import { getSkillDetail, skillSourceLink } from '@/lib/skills/taxonomy';

// GET /api/v1/skills/{id} — one skill (id or source URI) with the occupations that need it
export const GET = apiRoute<{ id: string }>(null, async ({ params }) => {
  const { skill, occupations } = await getSkillDetail(decodeURIComponent(params.id));
  return {
    skill: {
      id: skill.id,
      label: skill.preferredLabel,
      altLabels: skill.altLabels,
      description: skill.description,
      kind: skill.kind,
      source: skill.source,
      sourceUri: skill.sourceUri,
      sourceLink: skillSourceLink(skill),
      reuseLevel: skill.reuseLevel,
      onetTechnologies: skill.onetTechnologies,
      isHotTechnology: skill.isHotTechnology,
      inDemandOccupations: skill.inDemandOccupations,
    },
    occupations,
  };
});
