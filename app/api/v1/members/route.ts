import { apiRoute } from '@/lib/http/api';
import { listMembers } from '@/lib/orgs/organisations';

// GET /api/v1/members — members of the organisation
export const GET = apiRoute('members:read', async ({ actor }) => ({ members: await listMembers(actor) }));
