import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as inDemandRoute from '@/app/api/v1/skills/in-demand/route';
import { getDb } from '@/db';
import { skillDemandSignals, skillGaps, skillGapSkills, skills } from '@/db/schema';
import { findRegion, inDemandAmong, scoreSkillDemand, topInDemandSkills } from '@/lib/demand/demand-scores';
import { readStateEmployment } from '@/lib/demand/labour-market';
import { referencePath } from '@/lib/reference-data';
import { loadTaxonomy } from '@/lib/skills/taxonomy-loader';
import { createTestOrg } from '../support/factories';
import { callRoute } from '../support/routes';

type Handler = Parameters<typeof callRoute>[0];

beforeAll(async () => {
  await loadTaxonomy();
}, 300_000);


describe('labour-market signals', () => {
  it('loads one national signal per O*NET hot or in-demand technology, and New York State employment signals', async () => {
    const db = getDb();
    const [expected] = await db.execute<{ hot: number; in_demand: number }>(sql`
      select count(*) filter (where is_hot_technology)::int as hot, count(*) filter (where in_demand_occupations > 0)::int as in_demand from skills`);
    const [loaded] = await db.execute<{ hot: number; in_demand: number; ny: number }>(sql`
      select count(*) filter (where kind = 'hot_technology' and region = 'US')::int as hot,
             count(*) filter (where kind = 'in_demand_technology' and region = 'US')::int as in_demand,
             count(*) filter (where kind = 'regional_employment' and region = 'US-NY')::int as ny
      from ${skillDemandSignals}`);
    expect(loaded!.hot).toBe(expected!.hot);
    expect(loaded!.in_demand).toBe(expected!.in_demand);
    expect(loaded!.hot).toBeGreaterThan(20);
    expect(loaded!.ny).toBeGreaterThan(50);

    // The statewide rows of the OEWS file: detailed occupations only, so nothing is counted twice.
    const employment = await readStateEmployment(referencePath('labour-market', 'oews-newyork.csv'));
    expect(employment.get('15-1252')).toBeGreaterThan(10_000);
    expect(employment.has('00-0000')).toBe(false);
    expect(employment.has('11-0000')).toBe(false);
  });

  it('lists the top in-demand skills of a region with the signals behind each score', async () => {
    const top = await topInDemandSkills({ region: 'us-ny', limit: 10 });
    expect(top.region).toMatchObject({ code: 'US-NY', country: 'US', isCountry: false });
    expect(top.skills.length).toBe(10);
    const scores = top.skills.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const skill of top.skills) {
      expect(skill.score).toBeGreaterThanOrEqual(top.threshold);
      expect(skill.signals.length).toBeGreaterThan(0);
      expect(skill.signals.every((s) => s.detail.length > 0 && s.points > 0)).toBe(true);
    }
    expect(top.skills.flatMap((s) => s.signals.map((x) => x.kind))).toContain('regional_employment');
  });

  it('uses US signals at half weight where no local data exists', async () => {
    const [hot] = await getDb().select().from(skills).where(eq(skills.isHotTechnology, true)).limit(1);
    const today = new Date('2025-05-01');
    const [inUs] = await scoreSkillDemand(getDb(), findRegion('US')!, { skillIds: [hot!.id], today });
    const [inIreland] = await scoreSkillDemand(getDb(), findRegion('IE')!, { skillIds: [hot!.id], today });
    const hotSignal = (d: typeof inUs) => d!.signals.find((s) => s.kind === 'hot_technology')!.points;
    expect(hotSignal(inUs)).toBe(45);
    expect(hotSignal(inIreland)).toBe(22.5);
  });
});

describe('employer gaps feed demand', () => {
  async function gapFixture() {
    const employer = await createTestOrg('employer');
    // A skill with no labour-market signal, so the gaps are the whole score.
    const [skill] = await getDb().execute<{ id: string }>(sql`
      select id from skills s where source = 'esco' and not exists (select 1 from skill_demand_signals d where d.skill_id = s.id)
      and not exists (select 1 from skill_gap_skills g where g.skill_id = s.id) order by random() limit 1`);
    return { orgId: employer.org.id, skillId: skill!.id };
  }

  async function openGap(orgId: string, skillId: string, values: Partial<typeof skillGaps.$inferInsert> & { isMustHave: boolean }) {
    const { isMustHave, ...gap } = values;
    const [row] = await getDb()
      .insert(skillGaps)
      .values({ orgId, roleTitle: 'Secret project lead', country: 'CA', region: 'CA-NS', headcount: 1, ...gap })
      .returning();
    await getDb().insert(skillGapSkills).values({ gapId: row!.id, skillId, isMustHave });
    return row!;
  }

  it('scores a fixture of gaps exactly: size, urgency, must-have, age, closing and target dates', async () => {
    const { orgId, skillId } = await gapFixture();
    const today = new Date('2027-03-01T12:00:00Z');
    const score = async (region: string) => (await scoreSkillDemand(getDb(), findRegion(region)!, { skillIds: [skillId], today }))[0];

    expect(await score('CA-NS')).toBeUndefined();
    // Must-have, 4 people, high urgency, opened today: 0.5 × 1.25 × (1 + 0.25 × log2 4) = 0.94, capped at 0.9.
    const urgent = await openGap(orgId, skillId, { headcount: 4, urgency: 'high', openedAt: today, isMustHave: true });
    expect((await score('CA-NS'))!.score).toBe(90);
    // Nice-to-have, 1 person, low urgency, opened one half-life (90 days) ago: 0.25 × 0.8 × ½ = 0.1.
    await openGap(orgId, skillId, { urgency: 'low', openedAt: new Date('2026-12-01T12:00:00Z'), isMustHave: false });
    const both = (await score('CA-NS'))!;
    expect(both.score).toBe(91);
    expect(both.isInDemand).toBe(true);
    expect(both.signals).toEqual([{ kind: 'employer_gaps', region: 'CA-NS', detail: '2 open employer skill gaps for 5 people (must-have in 1)', observedOn: null, points: 91 }]);
    // Anonymised: neither the employer nor the role title is shown.
    expect(JSON.stringify(both)).not.toContain('Secret project');
    // Country-level demand includes its regions' gaps; another region does not.
    expect((await score('CA'))!.score).toBe(91);
    expect(await score('CA-ON')).toBeUndefined();

    await getDb().update(skillGaps).set({ status: 'closed', closedAt: today }).where(eq(skillGaps.id, urgent.id));
    expect((await score('CA-NS'))!.score).toBe(10);
    expect((await score('CA-NS'))!.isInDemand).toBe(false);

    // A gap whose target date has passed no longer counts.
    await openGap(orgId, skillId, { headcount: 10, targetDate: '2027-02-01', openedAt: today, isMustHave: true });
    expect((await score('CA-NS'))!.score).toBe(10);
  });

  it('marks a program skill in demand in the viewer region only when it is', async () => {
    const { orgId, skillId } = await gapFixture();
    await openGap(orgId, skillId, { headcount: 3, urgency: 'medium', isMustHave: true });
    expect([...(await inDemandAmong('CA-NS', [skillId])).keys()]).toEqual([skillId]);
    expect((await inDemandAmong('CA-BC', [skillId])).size).toBe(0);
    expect((await inDemandAmong('not-a-region', [skillId])).size).toBe(0);
  });
});

describe('GET /api/v1/skills/in-demand', () => {
  it('answers a region, and says what is wrong with a bad one', async () => {
    const ok = await callRoute(inDemandRoute.GET as Handler, { path: '/api/v1/skills/in-demand?region=US&limit=5' });
    expect(ok.status).toBe(200);
    expect(ok.body.region.name).toBe('United States');
    expect(ok.body.skills).toHaveLength(5);
    expect(ok.body.skills[0]).toMatchObject({ skillId: expect.any(String), label: expect.any(String), sourceUri: expect.any(String), score: expect.any(Number) });

    const unknown = await callRoute(inDemandRoute.GET as Handler, { path: '/api/v1/skills/in-demand?region=ZZ-99' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details.fields.region[0]).toContain('Unknown region “ZZ-99”');
    const missing = await callRoute(inDemandRoute.GET as Handler, { path: '/api/v1/skills/in-demand' });
    expect(missing.status).toBe(422);
    const tooMany = await callRoute(inDemandRoute.GET as Handler, { path: '/api/v1/skills/in-demand?region=US&limit=500' });
    expect(tooMany.body.error.details.fields.limit[0]).toContain('at most 100');
  });
});
