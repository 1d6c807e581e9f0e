import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { skills } from '@/db/schema';
import { createProgram } from '@/lib/catalog/programs';
import { listClientSkills } from '@/lib/clients/client-skills';
import { acceptClientInvite, inviteClientToSignIn } from '@/lib/clients/client-invites';
import { createClient, getClient } from '@/lib/clients/clients';
import { addPlanComment } from '@/lib/plans/plan-comments';
import { getPlan } from '@/lib/plans/plan-details';
import { createPlan, updatePlanStep } from '@/lib/plans/plans';
import { actorFor, createTestOrg, createTestUser } from '../support/factories';
import { programFixture } from '../support/programs';

describe('a client follows their plan', () => {
  it('marks progress and comments; the practitioner sees both; dates and notes stay with the adviser', async () => {
    const provider = await createTestOrg('training_provider');
    const providerActor = (await provider.addMember('provider')).actor;
    const [skill] = await getDb().insert(skills).values({ source: 'custom', sourceUri: `custom:${randomUUID()}`, preferredLabel: `Seeker plan skill ${randomUUID()}`, kind: 'skill' }).returning();
    const program = await createProgram(providerActor, programFixture({ title: 'Seeker plan program', skills: [skill!.id] }));
    const team = await createTestOrg('career_service');
    const { actor: practitioner } = await team.addMember('practitioner');
    const user = await createTestUser({ label: 'client' });
    const client = await createClient(practitioner, { fullName: 'Pat Plan', email: user.email });
    const plan = await createPlan(practitioner, client.id, { title: 'Pat’s plan', steps: [{ programId: program.id }] });
    const seeker = await actorFor(user.id);
    await expect(getPlan(seeker, plan.id)).rejects.toMatchObject({ code: 'not_found' });
    await acceptClientInvite(seeker, (await inviteClientToSignIn(practitioner, client.id, {})).path.split('/').pop()!);

    const seen = await getPlan(seeker, plan.id);
    const stepId = seen.steps[0]!.id;
    await expect(updatePlanStep(seeker, stepId, { notes: 'mine now', expectedVersion: seen.plan.version })).rejects.toMatchObject({ code: 'forbidden' });
    await updatePlanStep(seeker, stepId, { status: 'completed', expectedVersion: seen.plan.version });
    await addPlanComment(seeker, plan.id, { body: 'Finished the course!', stepId });
    await expect(addPlanComment(seeker, plan.id, { body: ' ' })).rejects.toMatchObject({ fieldErrors: { body: ['Write the comment first.'] } });

    const after = await getPlan(practitioner, plan.id);
    expect(after.steps[0]).toMatchObject({ status: 'completed' });
    expect(after.comments).toEqual([expect.objectContaining({ body: 'Finished the course!', isByClient: true, stepId, authorName: user.name })]);
    expect((await listClientSkills(getDb(), client.id)).map((s) => [s.skillId, s.evidence])).toEqual([[skill!.id, 'completed_program']]);
    expect((await getClient(practitioner, client.id)).events.map((e) => e.kind)).toEqual(expect.arrayContaining(['comment', 'linked', 'plan']));

    const stranger = await actorFor((await createTestUser({ label: 'stranger' })).id);
    await expect(getPlan(stranger, plan.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(addPlanComment(stranger, plan.id, { body: 'hi' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
