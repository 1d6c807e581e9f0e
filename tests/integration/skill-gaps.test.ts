import { beforeAll, describe, expect, it } from 'vitest';
import * as coverageRoute from '@/app/api/v1/skill-gaps/[id]/coverage/route';
import * as gapRoute from '@/app/api/v1/skill-gaps/[id]/route';
import * as gapsRoute from '@/app/api/v1/skill-gaps/route';
import * as reportRoute from '@/app/api/v1/reports/supply-demand/route';
import { getDb } from '@/db';
import { createProgram } from '@/lib/catalog/programs';
import { findRegion, scoreSkillDemand } from '@/lib/demand/demand-scores';
import { supplyDemandReport } from '@/lib/demand/supply-demand';
import { gapCoverage } from '@/lib/employers/coverage';
import { importGaps } from '@/lib/employers/gap-import';
import { createGap, setGapStatus } from '@/lib/employers/gaps';
import { loadTaxonomy } from '@/lib/skills/taxonomy-loader';
import { createTestOrg } from '../support/factories';
import { programFixture } from '../support/programs';
import { callRoute } from '../support/routes';
import { unusedSkills } from '../support/skills';

type Handler = Parameters<typeof callRoute>[0];

beforeAll(async () => {
  await loadTaxonomy();
}, 300_000);

/** Skills no other test uses, so coverage and demand here are exactly what this file sets up. */
async function employer() {
  const team = await createTestOrg('employer');
  return { team, actor: (await team.addMember('employer')).actor, key: await team.apiKey('employer') };
}

const future = '2030-06-30';

describe('skill gap lifecycle', () => {
  it('posts, edits, closes, reopens and deletes a gap through the API, with field-level errors', async () => {
    const { key } = await employer();
    const [a, b] = await unusedSkills(2);
    const bad = await callRoute(gapsRoute.POST as Handler, {
      method: 'POST',
      apiKey: key,
      body: { roleTitle: 'Analyst', region: 'US-XX', headcount: 0, targetDate: '2020-01-01', skills: [{ skill: 'Underwater basket weaving' }] },
    });
    expect(bad.status).toBe(422);
    const fields = bad.body.error.details.fields;
    expect(fields.region[0]).toContain('Region “US-XX” does not exist');
    expect(fields.headcount[0]).toBe('Headcount must be at least 1.');
    expect(fields.targetDate[0]).toBe('The target date is in the past.');

    const unknownSkill = await callRoute(gapsRoute.POST as Handler, {
      method: 'POST',
      apiKey: key,
      body: { roleTitle: 'Analyst', region: 'US-VT', headcount: 2, skills: [{ skill: a!.id }, { skill: 'Underwater basket weaving' }] },
    });
    expect(unknownSkill.status).toBe(422);
    expect(unknownSkill.body.error.details.fields['skills.1.skill'][0]).toContain('is not in the skills taxonomy');

    const created = await callRoute(gapsRoute.POST as Handler, {
      method: 'POST',
      apiKey: key,
      body: { roleTitle: 'Analyst', region: 'us-vt', city: 'Burlington', headcount: 2, urgency: 'high', targetDate: future, occupation: '15-2051.00', skills: [{ skill: a!.id, level: 'advanced' }, { skill: b!.label, isMustHave: false }] },
    });
    expect(created.status).toBe(201);
    const id = created.body.gap.id as string;
    expect(created.body.gap).toMatchObject({ region: 'US-VT', country: 'US', status: 'open', headcount: 2 });
    expect(created.body.occupationTitle).toBe('Data Scientists');
    expect(created.body.skills).toEqual([
      expect.objectContaining({ skillId: a!.id, level: 'advanced', isMustHave: true }),
      expect.objectContaining({ skillId: b!.id, level: 'intermediate', isMustHave: false }),
    ]);

    const patched = await callRoute(gapRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id }, body: { headcount: 5 } });
    expect(patched.status).toBe(200);
    expect(patched.body.gap.headcount).toBe(5);
    expect(patched.body.skills).toHaveLength(2);
    const badPatch = await callRoute(gapRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id }, body: { headcount: -1 } });
    expect(badPatch.status).toBe(422);

    const closed = await callRoute(gapRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id }, body: { status: 'closed' } });
    expect(closed.body.gap.status).toBe('closed');
    expect(closed.body.gap.closedAt).not.toBeNull();
    const reopened = await callRoute(gapRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id }, body: { status: 'open' } });
    expect(reopened.body.gap).toMatchObject({ status: 'open', closedAt: null });

    const listed = await callRoute(gapsRoute.GET as Handler, { apiKey: key, path: '/api/v1/skill-gaps?status=open' });
    expect(listed.body.gaps.map((g: { id: string }) => g.id)).toContain(id);

    expect((await callRoute(gapRoute.DELETE as Handler, { method: 'DELETE', apiKey: key, params: { id } })).status).toBe(204);
    expect((await callRoute(gapRoute.GET as Handler, { apiKey: key, params: { id } })).status).toBe(404);
  });

  it('keeps gaps inside their organisation', async () => {
    const owner = await employer();
    const [a] = await unusedSkills(1);
    const { gap } = await createGap(owner.actor, { roleTitle: 'Welder', region: 'US-VT', headcount: 1, skills: [{ skill: a!.id }] });
    const other = await employer();
    expect((await callRoute(gapRoute.GET as Handler, { apiKey: other.key, params: { id: gap.id } })).status).toBe(404);
    expect((await callRoute(gapRoute.PATCH as Handler, { method: 'PATCH', apiKey: other.key, params: { id: gap.id }, body: { status: 'closed' } })).status).toBe(404);
    expect((await callRoute(coverageRoute.GET as Handler, { apiKey: other.key, params: { id: gap.id } })).status).toBe(404);
    const otherList = await callRoute(gapsRoute.GET as Handler, { apiKey: other.key });
    expect(otherList.body.gaps.map((g: { id: string }) => g.id)).not.toContain(gap.id);
    // Career services and providers do not manage gaps at all.
    const practitioner = await createTestOrg('career_service');
    expect((await callRoute(gapRoute.GET as Handler, { apiKey: await practitioner.apiKey('practitioner'), params: { id: gap.id } })).status).toBe(403);
    const provider = await createTestOrg('training_provider');
    expect((await callRoute(gapsRoute.GET as Handler, { apiKey: await provider.apiKey('admin') })).status).toBe(403);
  });

  it('moves regional demand when a gap opens and closes', async () => {
    const { actor } = await employer();
    const [a] = await unusedSkills(1);
    const demand = async () => (await scoreSkillDemand(getDb(), findRegion('US-VT')!, { skillIds: [a!.id] }))[0]?.score ?? 0;
    expect(await demand()).toBe(0);
    const { gap } = await createGap(actor, { roleTitle: 'Electrician', region: 'US-VT', headcount: 4, urgency: 'high', skills: [{ skill: a!.id }] });
    expect(await demand()).toBe(90);
    await setGapStatus(actor, gap.id, 'closed');
    expect(await demand()).toBe(0);
    await setGapStatus(actor, gap.id, 'open');
    expect(await demand()).toBe(90);
  });
});

describe('coverage and least-cost pathway', () => {
  it('lists the programs in, near or online for the region and picks the cheapest cover of the must-haves', async () => {
    const provider = await createTestOrg('training_provider');
    const providerActor = (await provider.addMember('provider')).actor;
    const [a, b, c, d, z] = await unusedSkills(5);
    const vermont = { country: 'US', region: 'US-VT', city: 'Burlington', latitude: 44.48, longitude: -73.21, currency: 'USD', deliveryMode: 'in_person' as const };
    const make = (title: string, skillIds: string[], over: Record<string, unknown>) => createProgram(providerActor, programFixture({ title, skills: skillIds, ...vermont, ...over }));
    const p1 = await make('Pathway AB', [a!.id, b!.id], { cost: 400, hours: 20 });
    const p2 = await make('Pathway BCD online', [b!.id, c!.id, d!.id], { cost: 300, hours: 10, deliveryMode: 'online_self_paced', country: undefined, region: undefined, city: undefined, latitude: undefined, longitude: undefined, openCountries: ['US'] });
    const p3 = await make('Pathway C nearby', [c!.id], { cost: 100, hours: 8, region: 'US-NH', city: 'Lebanon', latitude: 43.64, longitude: -72.25 });
    const p4 = await make('Pathway ABC bundle', [a!.id, b!.id, c!.id], { cost: 1000, hours: 60 });
    await make('Pathway ABC far away', [a!.id, b!.id, c!.id], { cost: 10, region: 'US-CA', city: 'Sacramento', latitude: 38.58, longitude: -121.49 });
    await make('Pathway ABC other country', [a!.id, b!.id, c!.id], { cost: 10, country: 'CA', region: 'CA-QC', city: 'Montreal', latitude: 45.5, longitude: -73.57, currency: 'CAD' });
    await make('Pathway online elsewhere', [a!.id, b!.id, c!.id], { cost: 5, deliveryMode: 'online_self_paced', country: undefined, region: undefined, city: undefined, latitude: undefined, longitude: undefined, openCountries: ['GB'] });
    await make('Pathway draft', [a!.id, b!.id, c!.id], { cost: 1, status: 'draft' });

    const { actor } = await employer();
    const { gap } = await createGap(actor, {
      roleTitle: 'Technician',
      region: 'US-VT',
      headcount: 3,
      skills: [{ skill: a!.id }, { skill: b!.id }, { skill: c!.id }, { skill: z!.id }, { skill: d!.id, isMustHave: false }],
    });
    const coverage = await gapCoverage(actor, gap.id);
    expect(coverage.programs.map((p) => p.title).sort()).toEqual(['Pathway AB', 'Pathway ABC bundle', 'Pathway BCD online', 'Pathway C nearby']);
    const byTitle = new Map(coverage.programs.map((p) => [p.title, p]));
    expect(byTitle.get('Pathway ABC bundle')).toMatchObject({ place: 'in_region', mustHaveCoverage: 0.75 });
    expect(byTitle.get('Pathway BCD online')).toMatchObject({ place: 'online', distanceKm: null, niceToHaveIds: [d!.id] });
    expect(byTitle.get('Pathway C nearby')!.place).toBe('nearby');
    expect(byTitle.get('Pathway C nearby')!.distanceKm).toBeLessThan(150);

    // Cheapest cover of A, B, C: AB (400) + C nearby (100) = 500, not the bundle (1,000) nor AB + BCD (700).
    expect(coverage.pathway!.programIds.sort()).toEqual([p1.id, p3.id].sort());
    expect(coverage.pathway!.hours).toBe(28);
    expect(coverage.pathway!.uncoveredSkillIds).toEqual([z!.id]);
    expect(coverage.pathway!.programs.map((p) => p.title).sort()).toEqual(['Pathway AB', 'Pathway C nearby']);
    expect([p2.id, p4.id].some((id) => coverage.pathway!.programIds.includes(id))).toBe(false);
  });
});

describe('bulk gaps', () => {
  it('reports every bad CSV cell by row and column and posts the valid rows', async () => {
    const { actor } = await employer();
    const [a, b] = await unusedSkills(2);
    const csv = [
      'role_title,region,headcount,must_have_skills,nice_to_have_skills,urgency,target_date',
      `Data clerk,US-VT,2,${a!.label},${b!.label},high,${future}`,
      `Bad region,US-ZZ,2,${a!.label},,medium,`,
      `No people,US-VT,0,${a!.label},,medium,`,
      `Unknown skill,US-VT,1,Quantum knitting,,medium,`,
      `Old date,US-VT,1,${a!.label},,soon,2001-01-01`,
    ].join('\n');
    const check = await importGaps(actor, { content: Buffer.from(csv), format: 'csv' }, { isDryRun: true });
    expect(check).toMatchObject({ totalRows: 5, validRows: 1, created: 0, isDryRun: true });
    expect(check.errors).toEqual([
      { row: 3, field: 'region', message: expect.stringContaining('Region “US-ZZ” does not exist') },
      { row: 4, field: 'headcount', message: 'Headcount must be at least 1.' },
      { row: 5, field: 'must_have_skills', message: '“Quantum knitting” is not in the skills taxonomy.' },
      { row: 6, field: 'urgency', message: 'Use one of: low, medium, high.' },
      { row: 6, field: 'target_date', message: 'The target date is in the past.' },
    ]);
    const posted = await importGaps(actor, { content: Buffer.from(csv), format: 'csv' });
    expect(posted.created).toBe(1);
    const missingColumn = await importGaps(actor, { content: Buffer.from('role_title,region\nX,US-VT'), format: 'csv' });
    expect(missingColumn.errors.map((e) => e.field)).toEqual(['headcount', 'must_have_skills']);
  });
});

describe('supply vs demand report', () => {
  it('puts unserved skills first, counts local and online programs, and exports CSV', async () => {
    const [a, b] = await unusedSkills(2);
    const { actor } = await employer();
    await createGap(actor, { roleTitle: 'Coordinator', region: 'US-RI', headcount: 6, urgency: 'high', skills: [{ skill: a!.id }, { skill: b!.id }] });
    const provider = await createTestOrg('training_provider');
    const providerActor = (await provider.addMember('provider')).actor;
    await createProgram(providerActor, programFixture({ title: 'Local B', skills: [b!.id], country: 'US', region: 'US-RI', city: 'Providence', latitude: 41.82, longitude: -71.41, currency: 'USD' }));
    await createProgram(providerActor, programFixture({ title: 'Online B', skills: [b!.id], deliveryMode: 'online_self_paced', country: undefined, region: undefined, city: undefined, latitude: undefined, longitude: undefined, openCountries: ['US'], currency: 'USD' }));

    const report = await supplyDemandReport({ region: 'US-RI', limit: 200 });
    const rowA = report.rows.find((r) => r.skillId === a!.id)!;
    const rowB = report.rows.find((r) => r.skillId === b!.id)!;
    expect(rowA).toMatchObject({ isUnserved: true, programs: 0, openGaps: 1, gapHeadcount: 6 });
    expect(rowB).toMatchObject({ isUnserved: false, localPrograms: 1, onlinePrograms: 1, programs: 2 });
    const firstServed = report.rows.findIndex((r) => !r.isUnserved);
    expect(report.rows.slice(0, firstServed === -1 ? undefined : firstServed).every((r) => r.isUnserved)).toBe(true);
    expect(report.rows.indexOf(rowA)).toBeLessThan(report.rows.indexOf(rowB));

    const csv = await callRoute(reportRoute.GET as Handler, { path: '/api/v1/reports/supply-demand?region=US-RI&format=csv&limit=200' });
    expect(csv.status).toBe(200);
    const text = typeof csv.body === 'string' ? csv.body : '';
    expect(text.split('\n')[0]).toBe('skill_id,skill,demand_score,in_demand,open_gaps,gap_headcount,local_programs,online_programs,programs,unserved,signals');
    expect(text).toContain(`${a!.id},`);
    // Anonymised: the role title never leaves the employer's organisation.
    expect(text).not.toContain('Coordinator');
    expect((await callRoute(reportRoute.GET as Handler, { path: '/api/v1/reports/supply-demand?region=XX-00' })).status).toBe(422);
  });
});
