import { beforeAll, describe, expect, it } from 'vitest';
import * as exclusionsRoute from '@/app/api/v1/goals/[id]/exclusions/route';
import * as recommendationsRoute from '@/app/api/v1/goals/[id]/recommendations/route';
import { createProgram } from '@/lib/catalog/programs';
import { createClient, updateClient } from '@/lib/clients/clients';
import { createGoal } from '@/lib/clients/goals';
import { recommendProgramsForGoal } from '@/lib/recommendations/recommendations';
import { loadTaxonomy } from '@/lib/skills/taxonomy-loader';
import type { Actor } from '@/lib/auth/actor';
import { createTestOrg, createTestProvider } from '../support/factories';
import { programFixture } from '../support/programs';
import { callRoute } from '../support/routes';
import { unusedSkills } from '../support/skills';

type Handler = Parameters<typeof callRoute>[0];
const today = new Date('2026-12-01T12:00:00Z');

let providerActor: Actor;
beforeAll(async () => {
  await loadTaxonomy();
  providerActor = await createTestProvider();
}, 300_000);

const vermont = { country: 'US', region: 'US-VT', city: 'Burlington', latitude: 44.48, longitude: -73.21, currency: 'USD', deliveryMode: 'in_person' as const, startDates: ['2027-01-11'] };
const online = { deliveryMode: 'online_self_paced' as const, country: undefined, region: undefined, city: undefined, latitude: undefined, longitude: undefined, openCountries: ['US'] };
const make = (title: string, skillIds: string[], over: Record<string, unknown> = {}) => createProgram(providerActor, programFixture({ title, skills: skillIds, ...vermont, ...over }));

async function scenario() {
  const team = await createTestOrg('career_service');
  const practitioner = await team.addMember('practitioner');
  const [a, b, c] = await unusedSkills(3);
  const ab = await make('Rec AB local', [a!.id, b!.id], { cost: 300, hours: 20, weeks: 4 });
  const cOnline = await make('Rec C online', [c!.id], { ...online, cost: 100, hours: 10, weeks: 2 });
  await make('Rec ABC far away', [a!.id, b!.id, c!.id], { cost: 50, region: 'US-CA', city: 'Sacramento', latitude: 38.58, longitude: -121.49 });
  await make('Rec ABC in French', [a!.id, b!.id, c!.id], { cost: 50, languages: ['fr'] });
  await make('Rec C full time', [c!.id], { cost: 10, hours: 200, weeks: 2 });
  await make('Rec B dear', [b!.id], { cost: 2000 });
  await make('Rec ABC draft', [a!.id, b!.id, c!.id], { cost: 1, status: 'draft' });
  const client = await createClient(practitioner.actor, { fullName: 'Rita Recommend', region: 'US-VT', languages: 'en', maxBudget: 600, budgetCurrency: 'USD', hoursPerWeek: 10, travelRadiusKm: 100 });
  const goal = await createGoal(practitioner.actor, client.id, { kind: 'custom', title: 'Analyst', skills: [a!.id, b!.id, c!.id], targetDate: '2027-12-31' });
  return { team, practitioner, client, goal, skills: { a: a!, b: b!, c: c! }, programs: { ab, cOnline } };
}

describe('recommendations for a goal', () => {
  it('covers the gap under the client’s constraints, says why, and lists what it ruled out', async () => {
    const { practitioner, goal, skills, programs } = await scenario();
    const r = await recommendProgramsForGoal(practitioner.actor, goal.id, { today });
    expect(r.steps.map((s) => s.program.title)).toEqual(['Rec AB local', 'Rec C online']);
    expect(r.steps[0]!.covers.map((s) => s.skillId).sort()).toEqual([skills.a.id, skills.b.id].sort());
    expect(r.steps[0]!.program).toMatchObject({ place: 'in_region', cost: 300, currency: 'USD', costEur: 276, weeks: 4, nextStart: '2027-01-11' });
    // Self-paced: 10 hours at the client's 10 hours a week.
    expect(r.steps[1]!.program).toMatchObject({ id: programs.cOnline.id, place: 'online', weeks: 1 });
    expect(r.totals).toMatchObject({ costEur: 368, hours: 30, weeks: 5, gapCoverage: 1, goalCoverageAfter: 1, finishBy: '2027-01-05' });
    expect(r.uncovered).toEqual([]);
    expect(Object.fromEntries(r.considered.ruledOut.map((x) => [x.reason, x.count]))).toEqual({ location: 1, language: 1, too_intensive: 1, over_budget: 1 });
    expect(r.messages).toEqual([]);
    // Deterministic: the same inputs give the same answer.
    expect(await recommendProgramsForGoal(practitioner.actor, goal.id, { today })).toEqual(r);
  });

  it('with a budget too low, recommends the best partial cover and says what the rest would cost', async () => {
    const { practitioner, client, goal, skills } = await scenario();
    await updateClient(practitioner.actor, client.id, { maxBudget: 300 });
    const r = await recommendProgramsForGoal(practitioner.actor, goal.id, { today });
    // Greedy would take the cheap C first and then run out; the single AB program covers more weight.
    expect(r.steps.map((s) => s.program.title)).toEqual(['Rec AB local']);
    expect(r.uncovered).toEqual([{ skill: expect.objectContaining({ skillId: skills.c.id }), reason: 'over_budget', explanation: 'Programs teach it, but not within the budget.' }]);
    expect(r.fullCover).toEqual({ costEur: 368, weeks: 5, gapCoverage: 1 });
    expect(r.messages[0]).toBe('The budget (€276) covers 67% of the gap; covering all that programs here teach costs about €368.');
  });

  it('excludes a program on request, re-runs, and explains skills nothing else teaches', async () => {
    const { team, goal, programs, skills } = await scenario();
    const key = await team.apiKey('practitioner');
    const bad = await callRoute(exclusionsRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: goal.id }, body: { programId: 'nope' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.fields.programId).toEqual(['Choose a program.']);

    const rerun = await callRoute(exclusionsRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: goal.id }, body: { programId: programs.ab.id } });
    expect(rerun.status).toBe(200);
    expect(rerun.body.excluded.map((e: { title: string }) => e.title)).toEqual(['Rec AB local']);
    expect(rerun.body.steps.map((s: { program: { title: string } }) => s.program.title)).toEqual(['Rec C online']);
    const reasons = Object.fromEntries(rerun.body.uncovered.map((u: { skill: { skillId: string }; reason: string }) => [u.skill.skillId, u.reason]));
    // Both the far and the French program teach A and B: the fixed order names location first.
    expect(reasons).toEqual({ [skills.a.id]: 'location', [skills.b.id]: 'location' });

    await callRoute(exclusionsRoute.POST as Handler, { method: 'POST', apiKey: key, params: { id: goal.id }, body: { programId: programs.ab.id, isExcluded: false } });
    const back = await callRoute(recommendationsRoute.GET as Handler, { apiKey: key, params: { id: goal.id } });
    expect(back.body.steps.map((s: { program: { title: string } }) => s.program.title)).toEqual(['Rec AB local', 'Rec C online']);
    expect(back.body.excluded).toEqual([]);
  });

  it('puts a prerequisite program first and draws what a program stacks into', async () => {
    const { practitioner, goal, skills } = await scenario();
    await make('Rec Intro', [], { cost: 0, hours: 5, weeks: 1, externalId: 'rec-intro' });
    await make('Rec Certificate', [], { cost: 0, credentialType: 'professional_certificate', externalId: 'rec-cert' });
    // Cheaper than AB + C together, but needs the intro first; it stacks into the certificate.
    await make('Rec ABC advanced', [skills.a.id, skills.b.id, skills.c.id], { cost: 200, hours: 20, weeks: 4, prerequisites: ['rec-intro'], stacksInto: ['rec-cert'] });
    const r = await recommendProgramsForGoal(practitioner.actor, goal.id, { today });
    expect(r.steps.map((s) => [s.program.title, s.isPrerequisite])).toEqual([['Rec Intro', true], ['Rec ABC advanced', false]]);
    expect(r.steps[1]!.program.stacksInto.map((s) => s.title)).toEqual(['Rec Certificate']);
    expect(r.steps[1]!.program.requires.map((s) => s.title)).toEqual(['Rec Intro']);
    expect(r.steps[1]!.alternatives.map((a) => a.program.title)).toEqual(['Rec AB local', 'Rec C online']);
  });

  it('is not found for another organisation’s practitioner', async () => {
    const { goal } = await scenario();
    const other = await createTestOrg('career_service');
    const res = await callRoute(recommendationsRoute.GET as Handler, { apiKey: await other.apiKey('practitioner'), params: { id: goal.id } });
    expect(res.status).toBe(404);
  });
});
