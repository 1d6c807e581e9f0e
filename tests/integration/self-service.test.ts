import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { skills } from '@/db/schema';
import { addClientSkill } from '@/lib/clients/client-skills';
import { acceptClientInvite, invitePractitioner, previewClientInvite } from '@/lib/clients/client-invites';
import { findOrgClient, listClients } from '@/lib/clients/clients';
import { createGoal } from '@/lib/clients/goals';
import { getOwnRecord } from '@/lib/clients/own-record';
import { saveSelfServiceProfile } from '@/lib/clients/self-service';
import { recommendProgramsForGoal } from '@/lib/recommendations/recommendations';
import { actorFor, createTestOrg, createTestUser } from '../support/factories';

const customSkill = async () =>
  (await getDb().insert(skills).values({ source: 'custom', sourceUri: `custom:${randomUUID()}`, preferredLabel: `Self-service skill ${randomUUID()}`, kind: 'skill' }).returning())[0]!;

describe('self-service job seekers', () => {
  it('keep their own record with consent, one goal and their skills, and get the same gap and recommendations', async () => {
    const user = await createTestUser({ label: 'self' });
    const seeker = await actorFor(user.id);
    expect(await getOwnRecord(seeker)).toBeNull();
    await expect(saveSelfServiceProfile(seeker, { region: 'US-VT' })).rejects.toMatchObject({ fieldErrors: { consentDataProcessing: [expect.stringContaining('Agree')] } });
    await expect(saveSelfServiceProfile(seeker, { region: 'US-ZZ', consentDataProcessing: true })).rejects.toMatchObject({ fieldErrors: { region: [expect.any(String)] } });
    const record = await saveSelfServiceProfile(seeker, { region: 'US-VT', hoursPerWeek: '8', consentDataProcessing: true });
    expect(record).toMatchObject({ orgId: null, seekerUserId: user.id, country: 'US', hoursPerWeek: 8, consentDataProcessing: true });

    const [held, wanted, other] = [await customSkill(), await customSkill(), await customSkill()];
    await addClientSkill(seeker, record.id, { skill: held.id, evidence: 'self_reported' });
    const first = await createGoal(seeker, record.id, { kind: 'custom', title: 'First goal', skills: [held.id, other.id] });
    const second = await createGoal(seeker, record.id, { kind: 'custom', title: 'Second goal', skills: [held.id, wanted.id] });
    const own = await getOwnRecord(seeker);
    // One goal at a time: the second replaced the first.
    expect(own!.goals.map((g) => g.goal.title)).toEqual(['Second goal']);
    expect(own!.goals[0]!.coverage).toBe(0.5);
    expect(own!.isSelfManaged).toBe(true);
    await expect(recommendProgramsForGoal(seeker, first.id)).rejects.toMatchObject({ code: 'not_found' });
    const r = await recommendProgramsForGoal(seeker, second.id);
    expect(r.gap.missing.map((s) => s.skillId)).toEqual([wanted.id]);

    // Nobody else reaches the record: not another seeker, not a career service's practitioner.
    const stranger = await actorFor((await createTestUser({ label: 'stranger' })).id);
    await expect(recommendProgramsForGoal(stranger, second.id)).rejects.toMatchObject({ code: 'not_found' });
    const team = await createTestOrg('career_service');
    const { actor: practitioner } = await team.addMember('practitioner', 'adviser');
    await expect(findOrgClient(getDb(), practitioner, record.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listClients(practitioner)).map((c) => c.id)).not.toContain(record.id);

    // The seeker invites an adviser, who takes the record (with skills and goal) into the caseload.
    await expect(invitePractitioner(seeker, { email: '' })).rejects.toMatchObject({ fieldErrors: { email: [expect.any(String)] } });
    const invite = await invitePractitioner(seeker, { email: practitioner.email });
    const token = invite.path.split('/').pop()!;
    expect(await previewClientInvite(token)).toMatchObject({ kind: 'practitioner', seekerName: user.name });
    await expect(acceptClientInvite(stranger, token)).rejects.toMatchObject({ code: 'forbidden' });
    const taken = await acceptClientInvite(practitioner, token);
    expect(taken).toMatchObject({ id: record.id, orgId: team.org.id, assignedTo: practitioner.userId, seekerUserId: user.id });
    expect((await listClients(practitioner)).map((c) => c.id)).toContain(record.id);
    // Now their adviser manages it: the seeker reads it but no longer edits goals or details.
    expect((await getOwnRecord(seeker))!.isSelfManaged).toBe(false);
    await expect(createGoal(seeker, record.id, { kind: 'custom', title: 'Third goal', skills: [wanted.id] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(saveSelfServiceProfile(seeker, { region: 'US-VT', consentDataProcessing: true })).rejects.toMatchObject({ code: 'conflict' });
  });
});
