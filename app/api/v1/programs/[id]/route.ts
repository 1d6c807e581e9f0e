import { deleteProgram, getProgramPage, programWithSkills, updateProgram } from '@/lib/catalog/programs';
import { programResource } from '@/lib/catalog/program-resource';
import { AppError } from '@/lib/errors';
import { apiRoute, readJson } from '@/lib/http/api';

// GET /api/v1/programs/{id} — a published program (drafts only for their organisation), by id or slug
export const GET = apiRoute<{ id: string }>(null, async ({ actor, params }) => {
  const page = await getProgramPage(params.id, actor);
  return { program: programResource(page.program, page.skills), stacksInto: page.stacksInto, stackedFrom: page.stackedFrom, requires: page.requires };
});

// PATCH /api/v1/programs/{id} — change some fields (the result is validated as a whole)
export const PATCH = apiRoute<{ id: string }>('programs:manage', async ({ actor, params, request }) => {
  const body = await readJson(request);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('validation_failed', 'Send a JSON object with the fields to change.');
  return { program: await programWithSkills(await updateProgram(actor, params.id, body as Record<string, unknown>)) };
});

// DELETE /api/v1/programs/{id} — delete a program (and remove it from search)
export const DELETE = apiRoute<{ id: string }>('programs:manage', async ({ actor, params }) => {
  await deleteProgram(actor, params.id);
  return new Response(null, { status: 204 });
});
