import { apiRoute } from '@/lib/http/api';

// GET /api/v1/me — who the session or API key acts as
export const GET = apiRoute('account:read', async ({ actor }) => ({
  kind: actor.kind,
  name: actor.name,
  email: actor.email,
  role: actor.role,
  isPlatformAdmin: actor.isPlatformAdmin,
  organisation: actor.org,
}));
