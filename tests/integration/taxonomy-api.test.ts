import { beforeAll, describe, expect, it } from 'vitest';
import * as extractRoute from '@/app/api/v1/skills/extract/route';
import * as occupationRoute from '@/app/api/v1/occupations/[id]/route';
import * as occupationsRoute from '@/app/api/v1/occupations/route';
import * as skillRoute from '@/app/api/v1/skills/[id]/route';
import * as skillsRoute from '@/app/api/v1/skills/route';
import { loadTaxonomy } from '@/lib/skills/taxonomy-loader';
import { drainUntilEmpty } from '@/lib/search/sync';
import { ensureProgramIndex } from '../support/programs';
import { callRoute } from '../support/routes';

type Handler = Parameters<typeof callRoute>[0];

beforeAll(async () => {
  await ensureProgramIndex();
  await loadTaxonomy();
  await drainUntilEmpty();
}, 300_000);

describe('skills and occupations API', () => {
  it('finds skills as you type, with typos and alternate labels', async () => {
    const typo = await callRoute(skillsRoute.GET as Handler, { path: '/api/v1/skills?q=pyton&limit=3' });
    expect(typo.status).toBe(200);
    expect(typo.body.hits[0].label).toBe('Python (computer programming)');
    // "Python3" is an ESCO alternate label of that skill.
    const alt = await callRoute(skillsRoute.GET as Handler, { path: '/api/v1/skills?q=python3&limit=3' });
    expect(alt.body.hits.map((h: { label: string }) => h.label)).toContain('Python (computer programming)');
    expect((await callRoute(skillsRoute.GET as Handler, { path: '/api/v1/skills?q=' })).status).toBe(422);
  });

  it('serves a skill with its occupations, and 404 for an unknown id', async () => {
    const search = await callRoute(skillsRoute.GET as Handler, { path: '/api/v1/skills?q=python%20computer%20programming&limit=1' });
    const id = search.body.hits[0].id as string;
    const skill = await callRoute(skillRoute.GET as Handler, { params: { id } });
    expect(skill.status).toBe(200);
    expect(skill.body.skill.sourceUri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\//);
    expect(skill.body.occupations.length).toBeGreaterThan(0);
    expect((await callRoute(skillRoute.GET as Handler, { params: { id: '00000000-0000-0000-0000-000000000000' } })).status).toBe(404);
  });

  it('serves occupations with skills ordered by importance', async () => {
    const found = await callRoute(occupationsRoute.GET as Handler, { path: '/api/v1/occupations?q=computer%20programmers&limit=5' });
    expect(found.body.hits.map((h: { code: string }) => h.code)).toContain('15-1251.00');
    const occupation = await callRoute(occupationRoute.GET as Handler, { params: { id: '15-1251.00' } });
    expect(occupation.status).toBe(200);
    const importances = occupation.body.skills.map((s: { importance: number }) => s.importance);
    expect(importances).toEqual([...importances].sort((a, b) => b - a));
    expect(occupation.body.skills.length).toBeGreaterThan(20);
  });
});

describe('POST /api/v1/skills/extract', () => {
  const extract = (body: unknown) => callRoute(extractRoute.POST as Handler, { method: 'POST', body });

  it('suggests taxonomy skills, best first, with the matched phrase and the source URI', async () => {
    const res = await extract({ text: 'Build interactive web pages with JavaScript, and store their data with SQL.' });
    expect(res.status).toBe(200);
    const labels = res.body.skills.map((s: { label: string }) => s.label);
    expect(labels).toEqual(expect.arrayContaining(['JavaScript', 'SQL']));
    const javascript = res.body.skills.find((s: { label: string }) => s.label === 'JavaScript');
    expect(javascript).toMatchObject({ matched: 'JavaScript', sourceUri: expect.stringMatching(/^http:\/\/data\.europa\.eu\/esco\/skill\//) });
    const confidences = res.body.skills.map((s: { confidence: number }) => s.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it('answers bad input with a clear error and odd input gracefully', async () => {
    const empty = await extract({ text: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.details.fields.text[0]).toMatch(/empty/);
    expect((await extract({ words: 'x' })).status).toBe(422);
    expect((await extract({ text: 'x'.repeat(1_000_001) })).status).toBe(422);
    const big = await extract({ text: 'Experience with Python. '.repeat(40_000) });
    expect(big.status).toBe(200);
    const chinese = await extract({ text: '我们正在寻找熟悉数据分析的工程师' });
    expect(chinese.status).toBe(200);
    expect(chinese.body.skills).toEqual([]);
  });
});
