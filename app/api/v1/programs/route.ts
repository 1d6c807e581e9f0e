import { NextResponse } from 'next/server';
import { createProgram, programWithSkills } from '@/lib/catalog/programs';
import { parseInput } from '@/lib/errors';
import { apiRoute, readJson } from '@/lib/http/api';
import { inDemandSkillsOfPrograms } from '@/lib/demand/demand-scores';
import { demandRegionOf, programSearchSchema, searchParamsToObject } from '@/lib/search/program-search-params';
import { searchPrograms } from '@/lib/search/program-search';

// GET /api/v1/programs — search published programs (public)
export const GET = apiRoute(null, async ({ request }) => {
  const params = parseInput(programSearchSchema, searchParamsToObject(new URL(request.url).searchParams));
  const result = await searchPrograms(params);
  // With a region in the query, each hit says which of its skills are in demand there.
  const demand = await inDemandSkillsOfPrograms(demandRegionOf(params), result.hits);
  const hits = demand ? result.hits.map((hit) => ({ ...hit, inDemandSkills: demand.skillsByProgram.get(hit.id) ?? [] })) : result.hits;
  return NextResponse.json({ ...result, hits, demandRegion: demand?.region.code ?? null }, { headers: { 'Cache-Control': 'no-store' } });
});

// POST /api/v1/programs — create a program in the caller's provider organisation
export const POST = apiRoute('programs:manage', async ({ actor, request }) => {
  const program = await createProgram(actor, await readJson(request), { source: 'manual' });
  return NextResponse.json({ program: await programWithSkills(program) }, { status: 201 });
});

