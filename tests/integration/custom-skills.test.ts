import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as skillRoute from '@/app/api/v1/skills/[id]/route';
import * as skillsRoute from '@/app/api/v1/skills/route';
import { getDb } from '@/db';
import { programSkills, searchOutbox, skills } from '@/db/schema';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { createProgram, deleteProgram } from '@/lib/catalog/programs';
import { AppError } from '@/lib/errors';
import { drainUntilEmpty } from '@/lib/search/sync';
import { createCustomSkill, deleteCustomSkill, listCustomSkills, updateCustomSkill } from '@/lib/skills/custom-skills';
import { extractSkills } from '@/lib/skills/skill-extraction';
import { loadTaxonomy } from '@/lib/skills/taxonomy-loader';
import { actorFor, createTestOrg, createTestUser } from '../support/factories';
import { ensureProgramIndex, programFixture } from '../support/programs';
import { callRoute } from '../support/routes';

type Handler = Parameters<typeof callRoute>[0];

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);

/** A made-up word no taxonomy label contains, so a match can only come from our skill. */
const nonsenseWord = () =>
  [...randomBytes(7)]
    .map((b, i) => (i % 2 ? 'aeiou'[b % 5] : 'bdfgklmnprstvz'[b % 14]))
    .join('');

/** Skills created here that a test may leave behind: removed after the file. */
const created = new Set<string>();
async function create(actor: Actor, raw: Record<string, unknown>) {
  const skill = await createCustomSkill(actor, raw);
  created.add(skill.id);
  return skill;
}

async function searchIds(q: string): Promise<string[]> {
  await drainUntilEmpty();
  const res = await callRoute(skillsRoute.GET as Handler, { path: `/api/v1/skills?q=${encodeURIComponent(q)}&limit=10` });
  expect(res.status).toBe(200);
  return res.body.hits.map((h: { id: string }) => h.id);
}

const extractedIds = async (text: string) => (await extractSkills({ text })).map((s) => s.id);

beforeAll(async () => {
  await ensureProgramIndex();
  await loadTaxonomy();
  await drainUntilEmpty();
}, 300_000);

afterAll(async () => {
  for (const id of created) await deleteCustomSkill(systemActor, id).catch(() => undefined);
  await drainUntilEmpty();
});

describe('custom skills: lifecycle', () => {
  it('an org admin adds a skill that is searchable and found in text, then edits and removes it', async () => {
    const team = await createTestOrg('career_service');
    const admin = await team.adminActor();
    const word = nonsenseWord();
    // Sentence case, as admins write it; "survey" is a lower-case word elsewhere in the taxonomy.
    const label = `Survey ${word} calibration`;
    const text = `Technicians learn ${label.toLowerCase()} on real equipment.`;

    // Builds (and caches) the matcher before the skill exists: only invalidation lets it see the new one.
    expect((await extractSkills({ text })).map((s) => s.label)).not.toContain(label);

    const skill = await create(admin, {
      label: `  ${label}  `,
      altLabels: `${word.toUpperCase()} DC\n\n${word} dc\n${label.toUpperCase()}\n`,
      description: 'Calibrating the sensors of survey drones.',
      kind: 'tool',
    });
    expect(skill).toMatchObject({
      source: 'custom',
      sourceUri: `custom:${skill.id}`,
      preferredLabel: label,
      altLabels: [`${word.toUpperCase()} DC`],
      kind: 'tool',
      orgId: team.org.id,
      createdBy: team.admin.id,
    });

    expect(await searchIds(label)).toContain(skill.id);
    expect(await searchIds(`${word} dc`)).toContain(skill.id);
    const found = await extractSkills({ text });
    expect(found.find((s) => s.id === skill.id)).toMatchObject({ label, sourceUri: `custom:${skill.id}`, matched: label.toLowerCase() });

    const detail = await callRoute(skillRoute.GET as Handler, { params: { id: skill.id } });
    expect(detail.status).toBe(200);
    expect(detail.body.skill).toMatchObject({ label, source: 'custom', kind: 'tool' });

    const listed = await listCustomSkills(admin);
    expect(listed.map((s) => s.id)).toEqual([skill.id]);
    expect(listed[0]).toMatchObject({ orgName: team.org.name, createdByName: team.admin.name });

    const newWord = nonsenseWord();
    const newLabel = `Survey ${newWord} calibration`;
    const renamed = await updateCustomSkill(admin, skill.id, { label: newLabel });
    expect(renamed).toMatchObject({ preferredLabel: newLabel, description: 'Calibrating the sensors of survey drones.', kind: 'tool', altLabels: [`${word.toUpperCase()} DC`] });
    expect(await searchIds(newWord)).toContain(skill.id);
    expect(await extractedIds(`We teach ${newLabel}.`)).toContain(skill.id);
    expect(await extractedIds(text)).not.toContain(skill.id);

    await deleteCustomSkill(admin, skill.id);
    expect(await getDb().select().from(skills).where(eq(skills.id, skill.id))).toEqual([]);
    expect(await searchIds(newLabel)).not.toContain(skill.id);
    expect(await extractedIds(`We teach ${newLabel}.`)).not.toContain(skill.id);
    expect((await callRoute(skillRoute.GET as Handler, { params: { id: skill.id } })).status).toBe(404);
    expect(await listCustomSkills(admin)).toEqual([]);
  }, 120_000);

  it('refuses a label another skill already has (ignoring case and spaces), naming that skill', async () => {
    const team = await createTestOrg('employer');
    const admin = await team.adminActor();
    const esco = await errorOf(create(admin, { label: '  python (COMPUTER   programming) ', kind: 'skill' }));
    expect(esco).toBeInstanceOf(AppError);
    expect(esco!.code).toBe('conflict');
    expect(esco!.fieldErrors?.label?.[0]).toContain('“Python (computer programming)” (ESCO)');

    const label = `${nonsenseWord()} logistics`;
    const first = await create(admin, { label, kind: 'knowledge' });
    // Another organisation cannot add it again either: the taxonomy is shared.
    const other = await (await createTestOrg('career_service')).adminActor();
    const again = await errorOf(create(other, { label: label.toUpperCase(), kind: 'skill' }));
    expect(again?.fieldErrors?.label?.[0]).toContain(`“${label}” (custom skill)`);

    // Renaming onto a taken label is refused; changing only the case of its own label is not.
    const second = await create(admin, { label: `${nonsenseWord()} logistics`, kind: 'knowledge' });
    const rename = await errorOf(updateCustomSkill(admin, second.id, { label }));
    expect(rename?.fieldErrors?.label).toHaveLength(1);
    expect((await updateCustomSkill(admin, first.id, { label: label.toUpperCase() })).preferredLabel).toBe(label.toUpperCase());
  });

  it('validates every field with field-level errors and writes nothing', async () => {
    const admin = await (await createTestOrg('career_service')).adminActor();
    const before = (await listCustomSkills(admin)).length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'skill' }, 'label'],
      [{ label: 'x', kind: 'skill' }, 'label'],
      [{ label: 'y'.repeat(201), kind: 'skill' }, 'label'],
      [{ label: 'Valid label' }, 'kind'],
      [{ label: 'Valid label', kind: 'competence' }, 'kind'],
      [{ label: 'Valid label', kind: 'skill', description: 'd'.repeat(2001) }, 'description'],
      [{ label: 'Valid label', kind: 'skill', altLabels: ['ok', 'z'.repeat(201)] }, 'altLabels.1'],
      [{ label: 'Valid label', kind: 'skill', altLabels: Array.from({ length: 51 }, (_, i) => `alt ${i}`) }, 'altLabels'],
      [{ label: 'Valid label', kind: 'skill', altLabels: 42 }, 'altLabels'],
    ];
    for (const [raw, field] of cases) {
      const error = await errorOf(create(admin, raw));
      expect(error?.code, JSON.stringify(raw).slice(0, 80)).toBe('validation_failed');
      expect(Object.keys(error!.fieldErrors ?? {}), JSON.stringify(raw).slice(0, 80)).toContain(field);
    }
    // 50 distinct alternatives once repeats and the label itself are dropped.
    const label = `Fifty alternatives ${nonsenseWord()}`;
    const alts = [...Array.from({ length: 50 }, (_, i) => `alt ${i}`), 'ALT 0', label.toUpperCase()];
    const ok = await create(admin, { label, kind: 'skill', altLabels: alts });
    expect(ok.altLabels).toEqual(alts.slice(0, 50));
    expect((await listCustomSkills(admin)).length).toBe(before + 1);
  });
});

describe('custom skills: programs that list them', () => {
  it('re-indexes the programs that accepted a skill when it is renamed or deleted', async () => {
    const admin = await (await createTestOrg('career_service')).adminActor();
    const provider = await createTestOrg('training_provider');
    const program = await createProgram(systemActor, programFixture(), { orgId: provider.org.id });
    const skill = await create(admin, { label: `${nonsenseWord()} inspection`, kind: 'skill' });
    await getDb().insert(programSkills).values({ programId: program.id, skillId: skill.id, status: 'accepted', origin: 'provider' });
    await drainUntilEmpty();
    const queuedPrograms = async () =>
      (await getDb().select({ id: searchOutbox.entityId }).from(searchOutbox).where(and(eq(searchOutbox.entity, 'program'), eq(searchOutbox.entityId, program.id)))).length;

    await updateCustomSkill(admin, skill.id, { description: 'Only the description changes.' });
    expect(await queuedPrograms()).toBe(0);
    await updateCustomSkill(admin, skill.id, { label: `${nonsenseWord()} inspection` });
    expect(await queuedPrograms()).toBe(1);
    await drainUntilEmpty();
    await deleteCustomSkill(admin, skill.id);
    expect(await queuedPrograms()).toBe(1);
    expect(await getDb().select().from(programSkills).where(eq(programSkills.skillId, skill.id))).toEqual([]);
    await deleteProgram(systemActor, program.id);
    await drainUntilEmpty();
  });
});

describe('custom skills: who may manage them', () => {
  it('refuses practitioners, providers, employers and job seekers', async () => {
    const careers = await createTestOrg('career_service');
    const practitioner = (await careers.addMember('practitioner')).actor;
    const provider = (await (await createTestOrg('training_provider')).addMember('provider')).actor;
    const employer = (await (await createTestOrg('employer')).addMember('employer')).actor;
    const seeker = await actorFor((await createTestUser({ label: 'seeker' })).id);
    const skill = await create(await careers.adminActor(), { label: `${nonsenseWord()} coaching`, kind: 'skill' });
    for (const actor of [practitioner, provider, employer, seeker]) {
      expect((await errorOf(create(actor, { label: `${nonsenseWord()} coaching`, kind: 'skill' })))?.code, actor.role).toBe('forbidden');
      expect((await errorOf(updateCustomSkill(actor, skill.id, { kind: 'tool' })))?.code, actor.role).toBe('forbidden');
      expect((await errorOf(deleteCustomSkill(actor, skill.id)))?.code, actor.role).toBe('forbidden');
      expect((await errorOf(listCustomSkills(actor)))?.code, actor.role).toBe('forbidden');
    }
  });

  it('hides a skill from admins of other organisations (404); platform admins manage all; ESCO skills are never editable', async () => {
    const owner = await createTestOrg('training_provider');
    const ownerAdmin = await owner.adminActor();
    const otherAdmin = await (await createTestOrg('training_provider')).adminActor();
    const skill = await create(ownerAdmin, { label: `${nonsenseWord()} welding`, kind: 'skill' });

    expect((await errorOf(updateCustomSkill(otherAdmin, skill.id, { label: 'Taken over' })))?.code).toBe('not_found');
    expect((await errorOf(deleteCustomSkill(otherAdmin, skill.id)))?.code).toBe('not_found');
    expect((await listCustomSkills(otherAdmin)).map((s) => s.id)).not.toContain(skill.id);
    const [kept] = await getDb().select().from(skills).where(eq(skills.id, skill.id));
    expect(kept!.preferredLabel).toBe(skill.preferredLabel);

    const [python] = await getDb().select().from(skills).where(eq(skills.preferredLabel, 'Python (computer programming)'));
    const platform = await actorFor((await createTestUser({ label: 'platform', isPlatformAdmin: true })).id);
    for (const actor of [ownerAdmin, platform]) {
      expect((await errorOf(updateCustomSkill(actor, python!.id, { label: 'Snakes' })))?.code).toBe('not_found');
      expect((await errorOf(deleteCustomSkill(actor, python!.id)))?.code).toBe('not_found');
    }
    expect((await errorOf(updateCustomSkill(ownerAdmin, 'not-a-uuid', { label: 'x' })))?.code).toBe('not_found');

    expect((await listCustomSkills(platform)).map((s) => s.id)).toContain(skill.id);
    expect((await updateCustomSkill(platform, skill.id, { description: 'Checked by the platform team.' })).description).toBe('Checked by the platform team.');
    await deleteCustomSkill(platform, skill.id);
    expect(await getDb().select().from(skills).where(eq(skills.id, skill.id))).toEqual([]);
  });
});

describe('custom skills API', () => {
  it('POST, PATCH and DELETE with field errors, 403 for non-admins and 404 across organisations', async () => {
    const team = await createTestOrg('career_service');
    const adminKey = await team.apiKey('admin');
    const practitionerKey = await team.apiKey('practitioner');
    const otherKey = await (await createTestOrg('career_service')).apiKey('admin');
    const post = (body: unknown, apiKey?: string) => callRoute(skillsRoute.POST as Handler, { method: 'POST', apiKey, body });
    const patch = (id: string, body: unknown, apiKey = adminKey) => callRoute(skillRoute.PATCH as Handler, { method: 'PATCH', apiKey, params: { id }, body });
    const remove = (id: string, apiKey = adminKey) => callRoute(skillRoute.DELETE as Handler, { method: 'DELETE', apiKey, params: { id } });

    const invalid = await post({ label: 'x', kind: 'talent', altLabels: ['fine', 'a'.repeat(201)] }, adminKey);
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('validation_failed');
    expect(Object.keys(invalid.body.error.details.fields).sort()).toEqual(['altLabels.1', 'kind', 'label']);

    const label = `${nonsenseWord()} forklift safety`;
    const body = { label, kind: 'skill', altLabels: ['forklift certification'], description: 'Operating forklifts safely.' };
    expect((await post(body)).status).toBe(401);
    expect((await post(body, practitionerKey)).status).toBe(403);
    const made = await post(body, adminKey);
    expect(made.status).toBe(201);
    expect(made.body.skill).toMatchObject({ label, kind: 'skill', source: 'custom', orgId: team.org.id, altLabels: ['forklift certification'] });
    const id = made.body.skill.id as string;
    created.add(id);

    const duplicate = await post({ ...body, label: label.toUpperCase() }, adminKey);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details.fields.label[0]).toContain(label);
    expect(duplicate.body.error.details.existingSkillId).toBe(id);

    const badPatch = await patch(id, { kind: 'talent', description: 'd'.repeat(2001) });
    expect(badPatch.status).toBe(422);
    expect(Object.keys(badPatch.body.error.details.fields).sort()).toEqual(['description', 'kind']);
    expect((await patch(id, ['not', 'an', 'object'])).status).toBe(422);
    expect((await patch(id, { kind: 'tool' }, practitionerKey)).status).toBe(403);
    const foreign = await patch(id, { label: 'Taken over' }, otherKey);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');

    const patched = await patch(id, { kind: 'tool', altLabels: 'forklift certification\nFORKLIFT CERTIFICATION\nreach truck', description: null });
    expect(patched.status).toBe(200);
    expect(patched.body.skill).toMatchObject({ label, kind: 'tool', altLabels: ['forklift certification', 'reach truck'], description: null });

    expect((await remove(id, practitionerKey)).status).toBe(403);
    expect((await remove(id, otherKey)).status).toBe(404);
    expect((await remove(id)).status).toBe(204);
    expect((await remove(id)).status).toBe(404);
    expect((await callRoute(skillRoute.GET as Handler, { params: { id } })).status).toBe(404);
  });
});
