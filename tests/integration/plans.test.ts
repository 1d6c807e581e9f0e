import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as clientPlansRoute from '@/app/api/v1/clients/[id]/plans/route';
import * as planRoute from '@/app/api/v1/plans/[id]/route';
import * as planStepRoute from '@/app/api/v1/plans/[id]/steps/[stepId]/route';
import * as planStepsRoute from '@/app/api/v1/plans/[id]/steps/route';
import { getDb, sqlClient } from '@/db';
import { clients, clientSkills, programLinks, programs, programSkills, skillGaps, skillGapSkills, skills } from '@/db/schema';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { createProgram, deleteProgram, setProgramStatus } from '@/lib/catalog/programs';
import { addClientSkill } from '@/lib/clients/client-skills';
import { createClient, getClient } from '@/lib/clients/clients';
import { createGoal } from '@/lib/clients/goals';
import { invalidateDemandCache } from '@/lib/demand/demand-scores';
import { AppError } from '@/lib/errors';
import { getPlan } from '@/lib/plans/plan-details';
import { addPlanStep, createPlan, listClientPlans, removePlanStep, reorderPlanSteps, updatePlan, updatePlanStep } from '@/lib/plans/plans';
import { createTestOrg } from '../support/factories';
import { programFixture } from '../support/programs';
import { callRoute } from '../support/routes';

type Handler = Parameters<typeof callRoute>[0];
const tag = () => randomUUID().slice(0, 8);

async function customSkill(label: string): Promise<string> {
  const [row] = await getDb().insert(skills).values({ source: 'custom', sourceUri: `custom:${randomUUID()}`, preferredLabel: `${label} ${tag()}`, kind: 'skill' }).returning();
  return row!.id;
}

let providerOrgId: string;
const publish = async (overrides: Parameters<typeof programFixture>[0]) => createProgram(systemActor, programFixture(overrides), { orgId: providerOrgId });

beforeAll(async () => {
  providerOrgId = (await createTestOrg('training_provider')).org.id;
});

async function expectAppError(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/**
 * A client in Nova Scotia holding s1 (self-reported) and s3 (assessed), with a goal needing
 * s1–s4 at equal importance; program A teaches s1, s2 and stacks into B, which stacks into C;
 * program B2 teaches s3. s2 is in demand in Nova Scotia (an open employer gap).
 */
async function planFixture() {
  const team = await createTestOrg('career_service');
  const { actor } = await team.addMember('practitioner');
  const [s1, s2, s3, s4] = await Promise.all(['Welding', 'Blueprint reading', 'Forklift', 'Rigging'].map(customSkill));
  const diploma = await publish({ title: `Welding diploma ${tag()}`, credentialType: 'professional_certificate', skills: [] });
  const certificate = await publish({ title: `Welding certificate ${tag()}`, credentialType: 'certification', stacksInto: [diploma.title], skills: [] });
  const badge = await publish({ title: `Welding badge ${tag()}`, stacksInto: [certificate.title, 'Red Seal endorsement'], cost: 900, currency: 'CAD', hours: 40, weeks: 6, skills: [s1!, s2!] });
  const forklift = await publish({ title: `Forklift ticket ${tag()}`, cost: 500, currency: 'EUR', hours: 20, weeks: 2, skills: [s3!] });
  const client = await createClient(actor, { fullName: 'Rita Doucet', region: 'CA-NS', earliestStart: '2031-01-06' });
  await addClientSkill(actor, client.id, { skill: s1, evidence: 'self_reported' });
  await addClientSkill(actor, client.id, { skill: s3, evidence: 'practitioner_assessed' });
  const goal = await createGoal(actor, client.id, { kind: 'custom', title: 'Structural welder', skills: [s1, s2, s3, s4] });
  const employer = await createTestOrg('employer');
  const [gap] = await getDb().insert(skillGaps).values({ orgId: employer.org.id, roleTitle: 'Welder', country: 'CA', region: 'CA-NS', headcount: 4, urgency: 'high' }).returning();
  await getDb().insert(skillGapSkills).values({ gapId: gap!.id, skillId: s2!, isMustHave: true });
  invalidateDemandCache();
  return { team, actor, client, goal, skills: { s1: s1!, s2: s2!, s3: s3!, s4: s4! }, programs: { diploma, certificate, badge, forklift } };
}

describe('plans', () => {
  it('creates a plan from published programs only, naming each bad step, and moves the client to plan_active', async () => {
    const { actor, client, goal, programs: p, skills: s } = await planFixture();
    const draft = await publish({ title: `Draft course ${tag()}`, status: 'draft' });
    const archived = await publish({ title: `Old course ${tag()}` });
    await setProgramStatus(systemActor, archived.id, 'archived');

    const error = await expectAppError(createPlan(actor, client.id, { steps: [{ programId: randomUUID() }, { programId: draft.id }, { programId: archived.id }, { programId: p.badge.id }, { programId: p.badge.id }] }), 'validation_failed');
    expect(error.fieldErrors).toEqual({
      'steps.0.programId': ['No program has this id: it may have been deleted.'],
      'steps.1.programId': [`“${draft.title}” is a draft: only published programs can go into a plan.`],
      'steps.2.programId': [`“${archived.title}” is archived: only published programs can go into a plan.`],
      'steps.4.programId': [`“${p.badge.title}” is already in the plan.`],
    });
    expect((await expectAppError(createPlan(actor, client.id, { steps: [{ programId: 'nope' }] }), 'validation_failed')).fieldErrors).toHaveProperty(['steps.0.programId']);

    // A goal of another client is refused.
    const other = await createClient(actor, { fullName: 'Someone Else' });
    const otherGoal = await createGoal(actor, other.id, { kind: 'custom', title: 'Other', skills: [s.s4] });
    expect((await expectAppError(createPlan(actor, client.id, { goalId: otherGoal.id, steps: [] }), 'validation_failed')).fieldErrors).toEqual({ goalId: ['Choose one of this client’s goals.'] });
    expect(await listClientPlans(actor, client.id)).toEqual([]);

    const plan = await createPlan(actor, client.id, { goalId: goal.id, steps: [{ programId: p.badge.id }, { programId: p.forklift.id, gapSkillIds: [s.s3] }] });
    expect(plan).toMatchObject({ title: 'Towards Structural welder', version: 1, status: 'active' });
    const details = await getPlan(actor, plan.id);
    // Snapshots, and the goal skills each step was chosen for (computed when not given).
    expect(details.steps.map((st) => [st.position, st.programTitle, st.providerName, st.cost, st.currency, st.hours, st.weeks])).toEqual([
      [0, p.badge.title, p.badge.providerName, 900, 'CAD', 40, 6],
      [1, p.forklift.title, p.forklift.providerName, 500, 'EUR', 20, 2],
    ]);
    expect(details.steps[0]!.gapSkillIds.sort()).toEqual([s.s1, s.s2].sort());
    expect(details.steps[1]!.gapSkillIds).toEqual([s.s3]);
    expect((await getClient(actor, client.id)).client.stage).toBe('plan_active');
    expect((await getClient(actor, client.id)).events.map((e) => e.message)).toContain('Plan created: Towards Structural welder (2 programs).');

    // Built by hand: no steps, a default title.
    const empty = await createPlan(actor, client.id, { title: 'Back-up route', steps: [] });
    expect((await getPlan(actor, empty.id)).steps).toEqual([]);
    expect((await listClientPlans(actor, client.id)).map((l) => [l.title, l.steps])).toEqual(
      expect.arrayContaining([
        ['Towards Structural welder', 2],
        ['Back-up route', 0],
      ]),
    );
  });

  it('computes totals, the timeline and the stackability path exactly', async () => {
    const { actor, client, goal, programs: p, skills: s } = await planFixture();
    const plan = await createPlan(actor, client.id, { goalId: goal.id, steps: [{ programId: p.badge.id }, { programId: p.forklift.id }] });
    const { totals, timeline, steps, goal: gap } = await getPlan(actor, plan.id);

    // 900 CAD × 0.66 = 594 EUR, plus 500 EUR.
    expect(totals.cost).toEqual({ eur: 1094, byCurrency: [{ currency: 'CAD', amount: 900 }, { currency: 'EUR', amount: 500 }], isMixedCurrency: true, unpricedSteps: 0 });
    expect([totals.hours, totals.weeks, totals.steps, totals.completedSteps]).toEqual([60, 8, 2, 0]);
    // Holds s1, s3 of s1–s4 (50 %); the plan adds s2 (75 %); s4 stays uncovered.
    expect(totals.coverage).toEqual({ before: 0.5, after: 0.75, requiredSkills: 4, coveredSkills: 3, gapSkillsClosed: 1, gapSkills: 2 });
    expect(totals.inDemandSkillsGained.map((k) => k.skillId)).toEqual([s.s2]);
    expect(gap!.missing.map((m) => m.skillId).sort()).toEqual([s.s2, s.s4].sort());
    expect(steps[0]!.goalSkills.map((g) => [g.skillId, g.isHeld]).sort()).toEqual([[s.s1, true], [s.s2, false]].sort());

    // From the client's earliest start: 6 weeks, then 2 weeks.
    expect(timeline).toEqual({
      start: '2031-01-06',
      end: '2031-03-03',
      entries: [
        { stepId: steps[0]!.id, start: '2031-01-06', end: '2031-02-17', isStartEstimated: true, isEndEstimated: true },
        { stepId: steps[1]!.id, start: '2031-02-17', end: '2031-03-03', isStartEstimated: true, isEndEstimated: true },
      ],
    });
    // Badge → certificate → diploma; the name no program answers is listed as text.
    expect(steps[0]!.stackPaths.map((path) => path.map((n) => n.title))).toEqual([[p.certificate.title, p.diploma.title]]);
    expect(steps[0]!.unresolvedStacksInto).toEqual(['Red Seal endorsement']);

    // A given start date wins; dropping a step takes it out of the totals and the timeline.
    const v2 = await updatePlanStep(actor, steps[1]!.id, { startDate: '2031-03-10', expectedVersion: 1 });
    expect((await getPlan(actor, plan.id)).timeline.entries[1]).toEqual({ stepId: steps[1]!.id, start: '2031-03-10', end: '2031-03-24', isStartEstimated: false, isEndEstimated: true });
    await updatePlanStep(actor, steps[0]!.id, { status: 'dropped', expectedVersion: v2.version });
    const dropped = await getPlan(actor, plan.id);
    expect([dropped.totals.cost.eur, dropped.totals.hours, dropped.totals.steps, dropped.totals.coverage!.after]).toEqual([500, 20, 1, 0.5]);
    expect(dropped.timeline.entries.map((e) => e.stepId)).toEqual([steps[1]!.id]);
  });

  it('reorders, adds and removes steps; a stale version is refused with 409 and no step is lost', async () => {
    const { actor, client, goal, programs: p } = await planFixture();
    const extra = await publish({ title: `Rigging basics ${tag()}` });
    const plan = await createPlan(actor, client.id, { goalId: goal.id, steps: [{ programId: p.badge.id }, { programId: p.forklift.id }] });
    const [a, b] = (await getPlan(actor, plan.id)).steps;

    const reordered = await reorderPlanSteps(actor, plan.id, { stepIds: [b!.id, a!.id], expectedVersion: 1 });
    expect(reordered.version).toBe(2);
    expect((await getPlan(actor, plan.id)).steps.map((st) => [st.id, st.position])).toEqual([[b!.id, 0], [a!.id, 1]]);
    // The order must name exactly the current steps.
    const partial = await expectAppError(reorderPlanSteps(actor, plan.id, { stepIds: [a!.id], expectedVersion: 2 }), 'conflict');
    expect(partial.details).toEqual({ currentVersion: 2 });
    await expectAppError(reorderPlanSteps(actor, plan.id, { stepIds: [a!.id, a!.id], expectedVersion: 2 }), 'conflict');

    // Two people add a program to version 2 at once: one wins, the other is told to reload.
    const [first, second] = await Promise.allSettled([addPlanStep(actor, plan.id, { programId: extra.id, expectedVersion: 2 }), addPlanStep(actor, plan.id, { programId: p.diploma.id, expectedVersion: 2 })]);
    const outcomes = [first, second].map((o) => o.status);
    expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = [first, second].find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect(rejected.reason.code).toBe('conflict');
    expect(rejected.reason.message).toBe('This plan changed since you opened it (you had version 2, it is now at version 3). Reload to see the latest version; your change was not saved.');
    expect(rejected.reason.details).toEqual({ currentVersion: 3 });
    const afterRace = await getPlan(actor, plan.id);
    expect(afterRace.steps).toHaveLength(3);
    expect(afterRace.plan.version).toBe(3);

    // A reorder from the stale version 2 would drop the new step: refused.
    await expectAppError(reorderPlanSteps(actor, plan.id, { stepIds: [a!.id, b!.id], expectedVersion: 2 }), 'conflict');
    expect((await getPlan(actor, plan.id)).steps).toHaveLength(3);

    const removed = await removePlanStep(actor, b!.id, { expectedVersion: 3 });
    const remaining = await getPlan(actor, plan.id);
    expect(remaining.steps.map((st) => st.position)).toEqual([0, 1]);
    expect(remaining.steps.map((st) => st.id)).not.toContain(b!.id);
    expect(removed.version).toBe(4);
    expect((await expectAppError(addPlanStep(actor, plan.id, { programId: p.badge.id, expectedVersion: 4 }), 'validation_failed')).fieldErrors).toEqual({ programId: [`“${p.badge.title}” is already in this plan.`] });

    // An archived plan keeps its steps as they are.
    const archived = await updatePlan(actor, plan.id, { status: 'archived', expectedVersion: 4 });
    expect((await expectAppError(removePlanStep(actor, a!.id, { expectedVersion: archived.version }), 'conflict')).message).toContain('archived');
  });

  it('validates step changes: real ISO dates, end after start, notes up to 2,000 characters', async () => {
    const { actor, client, programs: p } = await planFixture();
    const plan = await createPlan(actor, client.id, { steps: [{ programId: p.badge.id }] });
    const [step] = (await getPlan(actor, plan.id)).steps;
    expect((await expectAppError(updatePlanStep(actor, step!.id, { startDate: '2031-02-30', expectedVersion: 1 }), 'validation_failed')).fieldErrors).toEqual({ startDate: ['This is not a real date.'] });
    expect((await expectAppError(updatePlanStep(actor, step!.id, { endDate: '1 May', expectedVersion: 1 }), 'validation_failed')).fieldErrors).toEqual({ endDate: ['Write the date as YYYY-MM-DD.'] });
    expect((await expectAppError(updatePlanStep(actor, step!.id, { notes: 'x'.repeat(2001), expectedVersion: 1 }), 'validation_failed')).fieldErrors).toEqual({ notes: ['Keep notes under 2,000 characters.'] });
    expect((await expectAppError(updatePlanStep(actor, step!.id, { status: 'finished', expectedVersion: 1 }), 'validation_failed')).fieldErrors).toHaveProperty('status');
    expect((await expectAppError(updatePlanStep(actor, step!.id, { status: 'enrolled' }), 'validation_failed')).fieldErrors).toHaveProperty('expectedVersion');
    const dated = await updatePlanStep(actor, step!.id, { startDate: '2031-05-01', notes: 'Funded by the province.', expectedVersion: 1 });
    // The stored start date counts when only the end changes.
    expect((await expectAppError(updatePlanStep(actor, step!.id, { endDate: '2031-04-01', expectedVersion: dated.version }), 'validation_failed')).fieldErrors).toEqual({ endDate: ['The end date is before the start date (2031-05-01).'] });
    await updatePlanStep(actor, step!.id, { endDate: '2031-06-12', notes: '', expectedVersion: dated.version });
    expect((await getPlan(actor, plan.id)).steps[0]).toMatchObject({ startDate: '2031-05-01', endDate: '2031-06-12', notes: null });
  });

  it('completing a step adds the program’s skills as completed_program evidence, keeping stronger evidence, and moves the stage forward only', async () => {
    const { actor, client, goal, programs: p, skills: s } = await planFixture();
    const plan = await createPlan(actor, client.id, { goalId: goal.id, steps: [{ programId: p.badge.id }, { programId: p.forklift.id }] });
    const [badge, forklift] = (await getPlan(actor, plan.id)).steps;

    const enrolled = await updatePlanStep(actor, badge!.id, { status: 'enrolled', expectedVersion: 1 });
    expect((await getClient(actor, client.id)).client.stage).toBe('in_training');
    const done = await updatePlanStep(actor, badge!.id, { status: 'completed', expectedVersion: enrolled.version });
    const completed = await updatePlanStep(actor, forklift!.id, { status: 'completed', expectedVersion: done.version });

    const held = await getDb().select().from(clientSkills).where(eq(clientSkills.clientId, client.id));
    const evidence = Object.fromEntries(held.map((h) => [h.skillId, h.evidence]));
    expect(evidence).toEqual({ [s.s1]: 'completed_program', [s.s2]: 'completed_program', [s.s3]: 'practitioner_assessed' });
    const details = await getPlan(actor, plan.id);
    expect(details.steps[0]!.completedAt).toBeInstanceOf(Date);
    expect(details.totals.completedSteps).toBe(2);
    expect(details.totals.coverage!.before).toBe(0.75);
    const messages = (await getClient(actor, client.id)).events.map((e) => e.message);
    expect(messages).toContain(`“${p.badge.title}”: enrolled → completed.`);
    expect(messages).toContain(`2 skills recorded from the completed program “${p.badge.title}”.`);

    // A new plan never moves the client back to plan_active; reopening a step clears its completion.
    await createPlan(actor, client.id, { steps: [] });
    expect((await getClient(actor, client.id)).client.stage).toBe('in_training');
    await getDb().update(clients).set({ stage: 'employed' }).where(eq(clients.id, client.id));
    await updatePlanStep(actor, forklift!.id, { status: 'in_progress', expectedVersion: completed.version });
    expect((await getClient(actor, client.id)).client.stage).toBe('employed');
    expect((await getPlan(actor, plan.id)).steps[1]!.completedAt).toBeNull();
  });

  it('shows an archived or deleted program as such, from the snapshot', async () => {
    const { actor, client, programs: p } = await planFixture();
    const gone = await publish({ title: `Soon gone ${tag()}`, cost: 100, currency: 'USD' });
    const plan = await createPlan(actor, client.id, { steps: [{ programId: p.badge.id }, { programId: p.forklift.id }, { programId: gone.id }] });
    await setProgramStatus(systemActor, p.forklift.id, 'archived');
    await deleteProgram(systemActor, gone.id);
    const { steps, totals } = await getPlan(actor, plan.id);
    expect(steps.map((st) => [st.programState, st.programSlug !== null])).toEqual([
      ['published', true],
      ['archived', false],
      ['unavailable', false],
    ]);
    expect(steps[2]).toMatchObject({ programId: null, programTitle: gone.title, cost: 100, currency: 'USD' });
    expect(totals.cost.eur).toBe(594 + 500 + 92);
  });

  it('round-trips through the API, with 409 and the current version on a stale change', async () => {
    const { team, client, goal, programs: p } = await planFixture();
    const key = await team.apiKey('practitioner');
    const bad = await callRoute(clientPlansRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { steps: [{ programId: 'x' }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.fields).toHaveProperty(['steps.0.programId']);

    const created = await callRoute(clientPlansRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { title: 'Welding route', goalId: goal.id, steps: [{ programId: p.badge.id }] } });
    expect(created.status).toBe(201);
    const planId = created.body.plan.id;
    expect(created.body.totals.cost.eur).toBe(594);
    const listed = await callRoute(clientPlansRoute.GET as Handler, { apiKey: key, params: { id: client.id } });
    expect(listed.body.plans.map((l: { id: string }) => l.id)).toEqual([planId]);

    const added = await callRoute(planStepsRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: planId }, body: { programId: p.forklift.id, expectedVersion: 1 } });
    expect(added.status).toBe(201);
    expect(added.body.plan.version).toBe(2);
    const stale = await callRoute(planStepsRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: planId }, body: { programId: p.diploma.id, expectedVersion: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    expect(stale.body.error.message).toContain('Reload to see the latest version; your change was not saved.');

    const [first, second] = added.body.steps.map((st: { id: string }) => st.id);
    const reordered = await callRoute(planStepsRoute.PUT as Handler, { method: 'PUT', apiKey: key, params: { id: planId }, body: { stepIds: [second, first], expectedVersion: 2 } });
    expect(reordered.body.steps.map((st: { id: string }) => st.id)).toEqual([second, first]);
    const patched = await callRoute(planStepRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id: planId, stepId: first }, body: { status: 'in_progress', startDate: '2031-02-01', expectedVersion: 3 } });
    expect(patched.status).toBe(200);
    expect(patched.body.steps[1]).toMatchObject({ status: 'in_progress', startDate: '2031-02-01' });
    const endBeforeStart = await callRoute(planStepRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id: planId, stepId: first }, body: { endDate: '2031-01-01', expectedVersion: 4 } });
    expect(endBeforeStart.body.error.details.fields.endDate[0]).toContain('before the start date');
    // A step id under another plan's path is not found.
    const elsewhere = await callRoute(clientPlansRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: client.id }, body: { steps: [] } });
    expect((await callRoute(planStepRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id: elsewhere.body.plan.id, stepId: first }, body: { notes: 'x', expectedVersion: 1 } })).status).toBe(404);

    const removed = await callRoute(planStepRoute.DELETE as Handler, { method: 'DELETE', apiKey: key, path: `/api/v1/plans/${planId}/steps/${second}?expectedVersion=4`, params: { id: planId, stepId: second } });
    expect(removed.body.steps.map((st: { id: string }) => st.id)).toEqual([first]);
    const renamed = await callRoute(planRoute.PATCH as Handler, { method: 'PATCH', apiKey: key, params: { id: planId }, body: { title: 'Welding, fast track', expectedVersion: 5 } });
    expect(renamed.body.plan).toMatchObject({ title: 'Welding, fast track', version: 6 });
    expect((await callRoute(planRoute.DELETE as Handler, { method: 'DELETE', apiKey: key, path: `/api/v1/plans/${planId}?expectedVersion=5`, params: { id: planId } })).status).toBe(409);
    expect((await callRoute(planRoute.DELETE as Handler, { method: 'DELETE', apiKey: key, path: `/api/v1/plans/${planId}?expectedVersion=6`, params: { id: planId } })).status).toBe(204);
    expect((await callRoute(planRoute.GET as Handler, { apiKey: key, params: { id: planId } })).status).toBe(404);
  });

  it('loads a plan in the same number of queries whatever its number of steps', async () => {
    const { actor, client, goal } = await planFixture();
    const skillId = await customSkill('Counted');
    const rows = await getDb()
      .insert(programs)
      .values(Array.from({ length: 10 }, (_, i) => ({ orgId: providerOrgId, slug: `counted-${tag()}-${i}`, title: `Counted program ${i} ${tag()}`, providerName: 'Counting College', credentialType: 'short_course' as const, deliveryMode: 'online_self_paced' as const, status: 'published' as const, weeks: 2, cost: 100, currency: 'EUR' })))
      .returning();
    await getDb().insert(programSkills).values(rows.map((r) => ({ programId: r.id, skillId, status: 'accepted' as const, origin: 'provider' as const })));
    await getDb().insert(programLinks).values(rows.slice(0, 9).map((r, i) => ({ programId: r.id, kind: 'stacks_into' as const, targetProgramId: rows[i + 1]!.id })));
    const small = await createPlan(actor, client.id, { goalId: goal.id, steps: rows.slice(0, 2).map((r) => ({ programId: r.id })) });
    const large = await createPlan(actor, client.id, { goalId: goal.id, steps: rows.map((r) => ({ programId: r.id })) });

    const queriesFor = async (planId: string, as: Actor) => {
      const spy = vi.spyOn(sqlClient(), 'unsafe');
      try {
        const details = await getPlan(as, planId);
        return { count: spy.mock.calls.length, details };
      } finally {
        spy.mockRestore();
      }
    };
    await getPlan(actor, small.id); // warms the region's demand cache
    const two = await queriesFor(small.id, actor);
    const ten = await queriesFor(large.id, actor);
    expect(ten.details.steps).toHaveLength(10);
    expect(ten.details.steps[0]!.stackPaths[0]!.map((n) => n.title)).toEqual([rows[1]!.title, rows[2]!.title, rows[3]!.title]);
    expect(two.count).toBeGreaterThan(0);
    expect(two.count).toBeLessThanOrEqual(12);
    expect(ten.count).toBe(two.count);
  });
});
