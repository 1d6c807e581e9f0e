import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as clientRoute from '@/app/api/v1/clients/[id]/route';
import * as clientGoalsRoute from '@/app/api/v1/clients/[id]/goals/route';
import * as clientSkillsRoute from '@/app/api/v1/clients/[id]/skills/route';
import * as clientsRoute from '@/app/api/v1/clients/route';
import * as goalGapRoute from '@/app/api/v1/goals/[id]/gap/route';
import { getDb } from '@/db';
import { skills } from '@/db/schema';
import { addClientSkill, addOccupationSkills, listClientSkills } from '@/lib/clients/client-skills';
import { createClient, getClient } from '@/lib/clients/clients';
import { createGoal, listClientGoals } from '@/lib/clients/goals';
import { openGapsInRegion } from '@/lib/clients/region-gaps';
import { createGap, getGap } from '@/lib/employers/gaps';
import { seekerSupplyForGap } from '@/lib/employers/seeker-supply';
import { loadTaxonomy } from '@/lib/skills/taxonomy-loader';
import { createTestOrg } from '../support/factories';
import { callRoute } from '../support/routes';

type Handler = Parameters<typeof callRoute>[0];

beforeAll(async () => {
  await loadTaxonomy();
}, 300_000);


async function careerService() {
  const team = await createTestOrg('career_service');
  const practitioner = await team.addMember('practitioner');
  return { team, practitioner, key: await team.apiKey('practitioner') };
}

describe('caseload', () => {
  it('creates clients with field-level errors, assigns them to their practitioner, and records consent on the timeline', async () => {
    const { practitioner, key } = await careerService();
    const bad = await callRoute(clientsRoute.POST as Handler, {
      method: 'POST',
      apiKey: key,
      body: { fullName: 'A', country: 'US', region: 'CA-ON', maxBudget: 500, consentEmployerVisible: true, hoursPerWeek: 200 },
    });
    expect(bad.status).toBe(422);
    const fields = bad.body.error.details.fields;
    expect(fields.fullName[0]).toContain('at least 2 characters');
    expect(fields.hoursPerWeek[0]).toBe('Hours per week must be at most 80.');

    const logical = await callRoute(clientsRoute.POST as Handler, { method: 'POST', apiKey: key, body: { fullName: 'Ana Li', country: 'US', region: 'CA-ON', maxBudget: 500, consentEmployerVisible: true } });
    expect(logical.body.error.details.fields).toMatchObject({
      region: ['Region CA-ON is not in US.'],
      budgetCurrency: ['Give the currency of the budget.'],
      consentEmployerVisible: ['Being visible to employers needs consent to data processing first.'],
    });

    const client = await createClient(practitioner.actor, { fullName: 'Ana Li', region: 'US-NY', city: 'Albany', consentDataProcessing: true, deliveryModes: 'online_self_paced', languages: 'en, es' });
    expect(client).toMatchObject({ country: 'US', assignedTo: practitioner.user.id, consentDataProcessing: true, stage: 'intake', languages: ['en', 'es'] });
    expect(client.consentRecordedAt).not.toBeNull();

    const patched = await callRoute(clientRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id: client.id }, body: { consentEmployerVisible: true } });
    expect(patched.status).toBe(200);
    expect(patched.body.client.consentEmployerVisible).toBe(true);
    expect(patched.body.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['created', 'consent']));

    // A practitioner of another organisation cannot be assigned.
    const other = await careerService();
    const foreignAssign = await callRoute(clientRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id: client.id }, body: { assignedTo: other.practitioner.user.id } });
    expect(foreignAssign.body.error.details.fields.assignedTo[0]).toBe('Choose a member of your organisation.');

    const mine = await callRoute(clientsRoute.GET as Handler, { apiKey: key, path: '/api/v1/clients?q=ana' });
    expect(mine.body.clients.map((c: { id: string }) => c.id)).toEqual([client.id]);
    const archived = await callRoute(clientRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id: client.id }, body: { status: 'archived' } });
    expect(archived.body.client.status).toBe('archived');
    expect((await callRoute(clientsRoute.GET as Handler, { apiKey: key, path: '/api/v1/clients?q=ana' })).body.clients).toEqual([]);
    expect((await callRoute(clientsRoute.GET as Handler, { apiKey: key, path: '/api/v1/clients?q=ana&status=archived' })).body.clients).toHaveLength(1);

    // Other organisations, employers and providers never see it.
    expect((await callRoute(clientRoute.GET as Handler, { apiKey: other.key, params: { id: client.id } })).status).toBe(404);
    const employer = await createTestOrg('employer');
    expect((await callRoute(clientsRoute.GET as Handler, { apiKey: await employer.apiKey('employer') })).status).toBe(403);
  });
});

describe('skills profile and goals', () => {
  it('records skills with evidence, quick-adds an occupation, and shows each goal’s gap and coverage', async () => {
    const { practitioner, key } = await careerService();
    const client = await createClient(practitioner.actor, { fullName: 'Ben Osei', region: 'US-NY' });

    const unknown = await callRoute(clientSkillsRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { skill: 'Quantum knitting' } });
    expect(unknown.status).toBe(422);
    const added = await callRoute(clientSkillsRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { skill: 'SQL', level: 'advanced', evidence: 'practitioner_assessed' } });
    expect(added.body.skills).toEqual([expect.objectContaining({ label: 'SQL', level: 'advanced', evidence: 'practitioner_assessed' })]);

    const goalResponse = await callRoute(clientGoalsRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { kind: 'occupation', occupation: '15-2051.00', priority: 1 } });
    expect(goalResponse.status).toBe(201);
    const goal = goalResponse.body;
    expect(goal.goal.title).toBe('Data Scientists');
    expect(goal.skills.length).toBeGreaterThan(5);
    const importances = goal.skills.map((s: { importance: number }) => s.importance);
    expect(importances).toEqual([...importances].sort((a: number, b: number) => b - a));
    expect(goal.missing.length).toBeLessThanOrEqual(goal.skills.length);
    // Data Scientists list Python as an In Demand technology; SQL-only clients lack it.
    const python = goal.missing.find((s: { label: string }) => s.label === 'Python (computer programming)');
    expect(python).toBeDefined();
    expect(python.isInDemand).toBe(true);

    // Gaining a required skill raises coverage.
    const before = goal.coverage as number;
    await addClientSkill(practitioner.actor, client.id, { skill: python.skillId });
    const after = (await callRoute(goalGapRoute.GET as Handler, { apiKey: key, params: { id: goal.goal.id } })).body;
    expect(after.coverage).toBeGreaterThan(before);
    expect(after.missing.map((s: { skillId: string }) => s.skillId)).not.toContain(python.skillId);
    expect((await getClient(practitioner.actor, client.id)).client.stage).toBe('goal_set');

    // Quick add: the core skills of a past occupation, self-reported, for pruning; twice adds nothing new.
    const quick = await addOccupationSkills(practitioner.actor, client.id, '43-3031.00');
    expect(quick.added).toBeGreaterThan(3);
    expect((await addOccupationSkills(practitioner.actor, client.id, '43-3031.00')).added).toBe(0);
    const profile = await listClientSkills(getDb(), client.id);
    expect(profile.filter((s) => s.note === 'From past occupation: Bookkeeping, Accounting, and Auditing Clerks')).toHaveLength(quick.added);

    const custom = await callRoute(clientGoalsRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { kind: 'custom', skills: [] } });
    expect(custom.body.error.details.fields).toMatchObject({ skills: ['Add at least one skill.'], title: ['Name the goal.'] });
    const noOccupation = await callRoute(clientGoalsRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { kind: 'occupation', occupation: 'Dragon tamer' } });
    expect(noOccupation.body.error.details.fields.occupation[0]).toContain('is not an occupation');

    const other = await careerService();
    expect((await callRoute(goalGapRoute.GET as Handler, { apiKey: other.key, params: { id: goal.goal.id } })).status).toBe(404);
    expect((await callRoute(clientSkillsRoute.GET as Handler, { apiKey: other.key, params: { id: client.id } })).status).toBe(404);
  });

  it('lets a practitioner see open gaps in the client’s region and link a goal to one; employers see consenting seekers only', async () => {
    const employer = await createTestOrg('employer');
    const employerActor = (await employer.addMember('employer')).actor;
    // Fresh skills, so seekers counted by earlier runs of this file do not count here.
    const fresh = async (label: string) =>
      (await getDb().insert(skills).values({ source: 'custom', sourceUri: `custom:${randomUUID()}`, preferredLabel: `${label} ${randomUUID().slice(0, 8)}`, kind: 'skill' }).returning())[0]!;
    const sqlSkill = await fresh('Ledger queries');
    const excelSkill = await fresh('Spreadsheet modelling');
    const [sql, excel] = [sqlSkill.id, excelSkill.id];
    const { gap } = await createGap(employerActor, { roleTitle: 'Reporting clerk', region: 'US-VT', headcount: 2, skills: [{ skill: sql }, { skill: excel, isMustHave: false }] });

    const { practitioner } = await careerService();
    const consenting = await createClient(practitioner.actor, { fullName: 'Cora Visible', region: 'US-VT', consentDataProcessing: true, consentEmployerVisible: true });
    const countedOnly = await createClient(practitioner.actor, { fullName: 'Dev Counted', region: 'US-VT', consentDataProcessing: true });
    const private_ = await createClient(practitioner.actor, { fullName: 'Eli Private', region: 'US-VT' });
    for (const c of [consenting, countedOnly, private_]) await addClientSkill(practitioner.actor, c.id, { skill: sql });

    const inRegion = await openGapsInRegion(practitioner.actor, 'US-VT', 'US');
    const listed = inRegion.find((g) => g.id === gap.id)!;
    expect(listed).toMatchObject({ roleTitle: 'Reporting clerk', mustHave: [sqlSkill.preferredLabel], niceToHave: [excelSkill.preferredLabel] });
    expect(JSON.stringify(listed)).not.toContain(employer.org.name);

    // Dev works towards Excel through a goal linked to the gap.
    await createGoal(practitioner.actor, countedOnly.id, { kind: 'gap', gapId: gap.id });
    const [goal] = await listClientGoals(practitioner.actor, countedOnly.id);
    expect(goal!.goal).toMatchObject({ kind: 'gap', gapId: gap.id, title: 'Reporting clerk (employer gap)' });
    expect(goal!.missing.map((s) => s.label)).toEqual([excelSkill.preferredLabel]);

    const supply = await seekerSupplyForGap(await getGap(employerActor, gap.id));
    expect(supply.bySkill).toEqual([
      expect.objectContaining({ label: sqlSkill.preferredLabel, have: 2, workingTowards: 0 }),
      expect.objectContaining({ label: excelSkill.preferredLabel, have: 0, workingTowards: 1 }),
    ]);
    expect(supply.withMustHave).toBe(2);
    expect(supply.visible.map((v) => v.name)).toEqual(['Cora Visible']);
    expect(JSON.stringify(supply)).not.toContain('Eli Private');
    expect(JSON.stringify(supply)).not.toContain('Dev Counted');
  });
});
