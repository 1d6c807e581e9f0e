import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as programRoute from '@/app/api/v1/programs/[id]/route';
import * as programsRoute from '@/app/api/v1/programs/route';
import * as reviewRoute from '@/app/api/v1/programs/[id]/skills/review/route';
import * as programSkillsRoute from '@/app/api/v1/programs/[id]/skills/route';
import { getDb } from '@/db';
import { programSkills, skills } from '@/db/schema';
import { createProgram, updateProgram } from '@/lib/catalog/programs';
import { createGap } from '@/lib/employers/gaps';
import { isAppError } from '@/lib/errors';
import { importProgramsFile } from '@/lib/imports/program-import';
import { createApiKey } from '@/lib/orgs/api-keys';
import { drainUntilEmpty } from '@/lib/search/sync';
import { listProgramSkills, resolveSkillRefs, reviewSkillSuggestions } from '@/lib/skills/program-skills';
import { loadTaxonomy } from '@/lib/skills/taxonomy-loader';
import { createTestOrg } from '../support/factories';
import { ensureProgramIndex, programFixture, searchAfterSync } from '../support/programs';
import { callRoute } from '../support/routes';

type Handler = Parameters<typeof callRoute>[0];

const skillId = async (label: string) => (await getDb().select({ id: skills.id }).from(skills).where(eq(skills.preferredLabel, label)))[0]!.id;

beforeAll(async () => {
  await ensureProgramIndex();
  await loadTaxonomy();
  await drainUntilEmpty();
}, 300_000);

async function provider() {
  const team = await createTestOrg('training_provider');
  return { team, actor: (await team.addMember('provider')).actor };
}

describe('resolving skill references', () => {
  it('resolves ids, ESCO URIs, O*NET ids, preferred and alternative labels, and reports the rest', async () => {
    const python = await skillId('Python (computer programming)');
    const [pythonRow] = await getDb().select().from(skills).where(eq(skills.id, python));
    const refs = [python, pythonRow!.sourceUri, '2.A.1.a', 'active listening', 'Python3', 'underwater basket weaving'];
    const { byRef, unresolved } = await resolveSkillRefs(getDb(), refs);
    expect(byRef.get(python)).toBe(python);
    expect(byRef.get(pythonRow!.sourceUri)).toBe(python);
    expect(byRef.get('Python3')).toBe(python);
    expect(byRef.get('2.A.1.a')).toBe(await skillId('Reading Comprehension'));
    expect(byRef.get('active listening')).toBeDefined();
    expect(unresolved).toEqual(['underwater basket weaving']);
  });
});

describe('program skills', () => {
  it('rejects a form or API write naming a skill the taxonomy does not know, on the skills field', async () => {
    const { actor } = await provider();
    const error = await createProgram(actor, programFixture({ skills: ['SQL', 'Quantum basket weaving'] })).catch((e: unknown) => e);
    expect(isAppError(error) && error.fieldErrors?.skills?.[0]).toMatch(/Not in the skills taxonomy: “Quantum basket weaving”/);
  });

  it('stores picked skills, suggests others from the text, and a reviewed suggestion makes the program findable by skill', async () => {
    const { actor } = await provider();
    const sql = await skillId('SQL');
    const program = await createProgram(
      actor,
      programFixture({
        title: 'Data Analysis with Python',
        description: 'Clean and explore data with Python and pandas, and write SQL queries against relational databases.',
        learningOutcomes: ['Build dashboards in Tableau'],
        skills: [sql],
      }),
    );
    const listed = await listProgramSkills(getDb(), program.id);
    expect(listed.accepted.map((s) => s.label)).toEqual(['SQL']);
    const python = listed.suggested.find((s) => s.label === 'Python (computer programming)');
    expect(python).toBeDefined();
    expect(python!.confidence).toBeGreaterThan(0.5);
    expect(python!.matched!.toLowerCase()).toContain('python');
    // An accepted skill is never suggested again.
    expect(listed.suggested.map((s) => s.id)).not.toContain(sql);

    const before = await searchAfterSync({ skill: [python!.id] });
    expect(before.hits.map((h) => h.id)).not.toContain(program.id);

    await reviewSkillSuggestions(actor, program.id, { decision: 'accept', skillIds: [python!.id] });
    const bySkillId = await searchAfterSync({ skill: [python!.id] });
    expect(bySkillId.hits.map((h) => h.id)).toContain(program.id);
    const byLabel = await searchAfterSync({ skill: ['Python (computer programming)'] });
    expect(byLabel.hits.map((h) => h.id)).toContain(program.id);
    expect(byLabel.facets.skill['Python (computer programming)']).toBeGreaterThan(0);

    // Reviewing the same suggestion twice is a conflict, not a silent no-op.
    await expect(reviewSkillSuggestions(actor, program.id, { decision: 'reject', skillIds: [python!.id] })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps skills on a patch without skills; a dropped accepted suggestion is rejected and not suggested again', async () => {
    const { actor } = await provider();
    const program = await createProgram(actor, programFixture({ title: 'Python for Analysts', description: 'Automate reports with Python.', skills: [] }));
    const python = (await listProgramSkills(getDb(), program.id)).suggested.find((s) => s.label === 'Python (computer programming)')!;
    await reviewSkillSuggestions(actor, program.id, { decision: 'accept', skillIds: [python.id] });

    await updateProgram(actor, program.id, { hours: 30 });
    expect((await listProgramSkills(getDb(), program.id)).accepted.map((s) => s.id)).toEqual([python.id]);

    await updateProgram(actor, program.id, { skills: [], description: 'Automate weekly reports with Python scripts.' });
    const after = await listProgramSkills(getDb(), program.id);
    expect(after.accepted).toEqual([]);
    expect(after.suggested.map((s) => s.id)).not.toContain(python.id);
    const [row] = await getDb().select().from(programSkills).where(and(eq(programSkills.programId, program.id), eq(programSkills.skillId, python.id)));
    expect(row!.status).toBe('rejected');
  });

  it('serves skills through the API and refuses other organisations', async () => {
    const { team } = await provider();
    const { key: token } = await createApiKey((await team.addMember('admin')).actor, { name: 'catalogue', role: 'provider' });
    const auth = { apiKey: token };
    const created = await callRoute(programsRoute.POST as Handler, { method: 'POST', ...auth, body: programFixture({ title: 'Welding Fundamentals', skills: ['SQL', 'nonsense skill xyz'] }) });
    expect(created.status).toBe(422);
    expect(created.body.error.details.fields.skills[0]).toContain('nonsense skill xyz');

    const ok = await callRoute(programsRoute.POST as Handler, { method: 'POST', ...auth, body: programFixture({ title: 'Spreadsheet Skills', description: 'Model budgets in Microsoft Excel.', skills: ['SQL'] }) });
    expect(ok.status).toBe(201);
    expect(ok.body.program.skills.map((s: { label: string }) => s.label)).toEqual(['SQL']);
    const id = ok.body.program.id as string;

    const listed = await callRoute(programSkillsRoute.GET as Handler, { ...auth, params: { id } });
    expect(listed.status).toBe(200);
    const suggestion = listed.body.suggested[0];
    expect(suggestion).toMatchObject({ status: 'suggested', origin: 'extracted' });

    const bad = await callRoute(reviewRoute.POST as Handler, { method: 'POST', ...auth, params: { id }, body: { decision: 'maybe', skillIds: [] } });
    expect(bad.status).toBe(422);
    const reviewed = await callRoute(reviewRoute.POST as Handler, { method: 'POST', ...auth, params: { id }, body: { decision: 'accept', skillIds: [suggestion.id] } });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.accepted.map((s: { id: string }) => s.id)).toContain(suggestion.id);

    const [sqlSkill] = await getDb().select().from(skills).where(eq(skills.preferredLabel, 'SQL'));
    const patched = await callRoute(programRoute.PATCH as Handler, { method: 'PATCH', ...auth, params: { id }, body: { skills: [sqlSkill!.sourceUri] } });
    expect(patched.status).toBe(200);
    expect(patched.body.program.skills).toEqual([{ id: sqlSkill!.id, label: 'SQL', sourceUri: sqlSkill!.sourceUri }]);

    const other = await provider();
    const { key: otherToken } = await createApiKey((await other.team.addMember('admin')).actor, { name: 'other', role: 'provider' });
    const foreign = await callRoute(programSkillsRoute.GET as Handler, { apiKey: otherToken, params: { id } });
    expect(foreign.status).toBe(404);
  });
});

describe('import skill resolution', () => {
  const header = 'external_id,title,provider,credential_type,delivery_mode,country,status,skills';
  const file = (...rows: string[]) => Buffer.from([header, ...rows].join('\n'), 'utf8');

  it('maps known skills, reports unknown ones with their rows, and keeps hand-picked skills on re-import', async () => {
    const { actor } = await provider();
    const college = `Skill College ${Date.now()}`;
    const report = await importProgramsFile(actor, {
      filename: 'skills.csv',
      content: file(
        `S1,Intro to SQL,${college},short_course,online_self_paced,CA,published,SQL|Basket juggling`,
        `S2,Spreadsheets,${college},short_course,online_self_paced,CA,published,2.A.1.a|basket juggling|Flux capacitance`,
      ),
    });
    expect(report.errors).toEqual([]);
    expect(report.created).toBe(2);
    expect(report.unresolvedSkillCount).toBe(2);
    expect(report.unresolvedSkills).toEqual(
      expect.arrayContaining([
        { ref: 'Basket juggling', rows: [2, 3] },
        { ref: 'Flux capacitance', rows: [3] },
      ]),
    );
    const [s1] = (await searchAfterSync({ q: 'Intro to SQL', provider: [college] })).hits.filter((h) => h.title === 'Intro to SQL');
    expect(s1!.skills).toEqual(['SQL']);

    // The provider adds a skill by hand; a re-import replaces only what imports set.
    const excel = await skillId('use spreadsheets software');
    await updateProgram(actor, s1!.id, { skills: [await skillId('SQL'), excel] });
    await importProgramsFile(actor, { filename: 'skills.csv', content: file(`S1,Intro to SQL,${college},short_course,online_self_paced,CA,published,`) });
    const after = await listProgramSkills(getDb(), s1!.id);
    expect(after.accepted.map((s) => s.id)).toEqual([excel]);
  });
});

describe('in-demand ranking', () => {
  it('ranks programs teaching the region’s in-demand skills first, across pages, and marks those skills on each hit', async () => {
    const { actor } = await provider();
    const marker = `Zq${Date.now().toString(36)}`;
    const [wanted] = await getDb().execute<{ id: string; label: string }>(sql`
      select id, preferred_label as label from skills s where source = 'esco' and kind = 'skill'
        and not exists (select 1 from skill_demand_signals d where d.skill_id = s.id)
        and not exists (select 1 from program_skills p where p.skill_id = s.id) order by random() limit 1`);
    const place = { country: 'CA', region: 'CA-NS', city: 'Halifax', latitude: 44.65, longitude: -63.57 };
    // The plain one is the better text match, so relevance alone would put it first.
    const plain = await createProgram(actor, programFixture({ title: `${marker} ${marker} Bookkeeping`, ...place }));
    const teaching = await createProgram(actor, programFixture({ title: `${marker} Bookkeeping basics for small firms`, ...place, skills: [wanted!.id] }));
    const employerOrg = await createTestOrg('employer');
    await createGap((await employerOrg.addMember('employer')).actor, { roleTitle: 'Bookkeeper', region: 'CA-NS', headcount: 5, urgency: 'high', skills: [{ skill: wanted!.id }] });

    const byRelevance = await searchAfterSync({ q: marker, region: ['CA-NS'] });
    expect(byRelevance.hits.map((h) => h.id)).toEqual([plain.id, teaching.id]);
    const ranked = await searchAfterSync({ q: marker, region: ['CA-NS'], sort: 'in_demand' });
    expect(ranked.hits.map((h) => h.id)).toEqual([teaching.id, plain.id]);
    expect(ranked.total).toBe(2);
    // The seam between the two queries holds across pages.
    expect((await searchAfterSync({ q: marker, region: ['CA-NS'], sort: 'in_demand', per_page: 1, page: 1 })).hits.map((h) => h.id)).toEqual([teaching.id]);
    expect((await searchAfterSync({ q: marker, region: ['CA-NS'], sort: 'in_demand', per_page: 1, page: 2 })).hits.map((h) => h.id)).toEqual([plain.id]);

    const api = await callRoute(programsRoute.GET as Handler, { path: `/api/v1/programs?q=${marker}&region=CA-NS&sort=in_demand` });
    expect(api.status).toBe(200);
    expect(api.body.demandRegion).toBe('CA-NS');
    expect(api.body.hits[0].inDemandSkills).toEqual([wanted!.label]);
    expect(api.body.hits[1].inDemandSkills).toEqual([]);
    const noRegion = await callRoute(programsRoute.GET as Handler, { path: `/api/v1/programs?q=${marker}&sort=in_demand` });
    expect(noRegion.status).toBe(422);
    expect(noRegion.body.error.details.fields.sort[0]).toContain('region');
  });
});
