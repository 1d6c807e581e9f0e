import { apiRoute, readJson } from '@/lib/http/api';
import { listShortlist, saveProgram } from '@/lib/seekers/shortlist';

// GET /api/v1/me/shortlist — the signed-in person's saved programs, most recent first
export const GET = apiRoute('shortlist:manage', async ({ actor }) => ({ programs: await listShortlist(actor) }));

// POST /api/v1/me/shortlist — { programId, note? } saves a published program, or updates its note
export const POST = apiRoute('shortlist:manage', async ({ actor, request }) => ({ savedProgram: await saveProgram(actor, await readJson(request)) }));
