import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { createProgram, deleteProgram, setProgramStatus, updateProgram } from '@/lib/catalog/programs';
import { currentCandidateIndex } from '@/lib/recommendations/candidate-index';
import { loadTaxonomy } from '@/lib/skills/taxonomy-loader';
import type { Actor } from '@/lib/auth/actor';
import { createTestProvider } from '../support/factories';
import { programFixture } from '../support/programs';
import { unusedSkills } from '../support/skills';

let providerActor: Actor;
beforeAll(async () => {
  await loadTaxonomy();
  providerActor = await createTestProvider();
}, 300_000);

const teachingIds = async (skillId: string) => {
  const index = await currentCandidateIndex();
  return (index.teaching.get(skillId) ?? []).map((slot) => index.programs[slot]!.id);
};
const indexed = async (id: string) => {
  const index = await currentCandidateIndex();
  const slot = index.slotById.get(id);
  return slot === undefined ? undefined : index.programs[slot];
};

describe('the candidate index of recommendations', () => {
  it('sees programs created, changed, re-skilled, archived and deleted after it was built', async () => {
    const [a, b] = await unusedSkills(2);
    await currentCandidateIndex();

    const program = await createProgram(providerActor, programFixture({ title: 'Index new', skills: [a!.id], cost: 100, currency: 'EUR' }));
    expect(await teachingIds(a!.id)).toEqual([program.id]);
    expect(await indexed(program.id)).toMatchObject({ isPublished: true, costEur: 100, skillIds: [a!.id] });

    await updateProgram(providerActor, program.id, { cost: 250 });
    expect(await indexed(program.id)).toMatchObject({ costEur: 250 });

    await updateProgram(providerActor, program.id, { skills: [b!.id] });
    expect(await teachingIds(a!.id)).toEqual([]);
    expect(await teachingIds(b!.id)).toEqual([program.id]);

    await setProgramStatus(providerActor, program.id, 'archived');
    expect(await teachingIds(b!.id)).toEqual([]);
    expect(await indexed(program.id)).toMatchObject({ isPublished: false });

    await deleteProgram(providerActor, program.id);
    expect(await indexed(program.id)).toBeUndefined();
  });

  it('resolves a prerequisite named before the program it names exists, once that program is created', async () => {
    const [a] = await unusedSkills(1);
    const advanced = await createProgram(providerActor, programFixture({ title: 'Index advanced', skills: [a!.id], prerequisites: ['index-intro'] }));
    expect(await indexed(advanced.id)).toMatchObject({ requiresIds: [] });
    const intro = await createProgram(providerActor, programFixture({ title: 'Index intro', skills: [], externalId: 'index-intro' }));
    expect(await indexed(advanced.id)).toMatchObject({ requiresIds: [intro.id] });
  });

  it('answers concurrent callers from one reload', async () => {
    const [a] = await unusedSkills(1);
    await currentCandidateIndex();
    const program = await createProgram(providerActor, programFixture({ title: 'Index concurrent', skills: [a!.id] }));
    const [first, second] = await Promise.all([currentCandidateIndex(), currentCandidateIndex()]);
    expect(second).toBe(first);
    expect((first.teaching.get(a!.id) ?? []).map((slot) => first.programs[slot]!.id)).toEqual([program.id]);
  });

  it('counts statements that delete programs (not those that delete none), so a deletion reloads the index', async () => {
    const deletions = async () => (await getDb().execute<{ deletions: number }>(sql`select deletions::int as deletions from catalogue_changes`))[0]!.deletions;
    const before = await deletions();
    await getDb().execute(sql`delete from programs where false`);
    expect(await deletions()).toBe(before);
    const program = await createProgram(providerActor, programFixture({ title: 'Index deleted by SQL', skills: [] }));
    await currentCandidateIndex();
    await getDb().execute(sql`delete from programs where id = ${program.id}`);
    expect(await deletions()).toBe(before + 1);
    expect((await currentCandidateIndex()).slotById.has(program.id)).toBe(false);
  });
});
