import { apiRoute } from '@/lib/http/api';
import { getProgramSkillsForManager } from '@/lib/skills/program-skills';

// GET /api/v1/programs/{id}/skills — accepted skills, suggestions waiting for review (with confidence and matched phrase), unmatched imported references
export const GET = apiRoute<{ id: string }>('programs:manage', async ({ actor, params }) => getProgramSkillsForManager(actor, params.id));
