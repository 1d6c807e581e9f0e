import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as programRoute from '@/app/api/v1/programs/[id]/route';
import * as programsRoute from '@/app/api/v1/programs/route';
import { createProgram, deleteProgram, getProgramPage, setProgramStatus, updateProgram } from '@/lib/catalog/programs';
import { AppError } from '@/lib/errors';
import { createTestOrg } from '../support/factories';
import { ensureProgramIndex, programFixture, searchAfterSync } from '../support/programs';

beforeAll(() => ensureProgramIndex());
import { callRoute } from '../support/routes';

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);

async function providerTeam() {
  const team = await createTestOrg('training_provider');
  const { actor } = await team.addMember('provider');
  return { team, actor };
}

describe('program lifecycle and search sync', () => {
  it('publishes a program that then appears in search, and leaves it when archived or deleted', async () => {
    const { actor } = await providerTeam();
    const provider = `Sync Provider ${randomUUID().slice(0, 6)}`;
    const draft = await createProgram(actor, programFixture({ providerName: provider, status: 'draft' }));
    expect((await searchAfterSync({ provider: [provider] })).total).toBe(0);

    await setProgramStatus(actor, draft.id, 'published');
    const found = await searchAfterSync({ provider: [provider], q: 'cloud securty' });
    expect(found.hits.map((h) => h.id)).toEqual([draft.id]);
    expect(found.hits[0]!._formatted?.title).toContain('\u0002Cloud\u0003');

    await updateProgram(actor, draft.id, { title: 'Zero Trust Networking' });
    expect((await searchAfterSync({ provider: [provider], q: 'zero trust' })).total).toBe(1);

    await setProgramStatus(actor, draft.id, 'archived');
    expect((await searchAfterSync({ provider: [provider] })).total).toBe(0);
    await setProgramStatus(actor, draft.id, 'published');
    await deleteProgram(actor, draft.id);
    expect((await searchAfterSync({ provider: [provider] })).total).toBe(0);
  });

  it('rejects bad input with a field-level error and writes nothing', async () => {
    const { actor } = await providerTeam();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ credentialType: 'diploma' }, 'credentialType'],
      [{ cost: -5 }, 'cost'],
      [{ latitude: 123 }, 'latitude'],
      [{ longitude: undefined }, 'longitude'],
      [{ region: 'CA-XX' }, 'region'],
      [{ region: 'US-NY' }, 'region'],
      [{ fieldOfStudy: '9999' }, 'fieldOfStudy'],
      [{ languages: ['english'] }, 'languages.0'],
      [{ currency: 'DOLLARS' }, 'currency'],
      [{ eqfLevel: 9 }, 'eqfLevel'],
      [{ startDates: ['2027-02-30'] }, 'startDates'],
      [{ url: 'javascript:alert(1)' }, 'url'],
    ];
    for (const [override, field] of cases) {
      const error = await errorOf(createProgram(actor, programFixture(override)));
      expect(error?.code, JSON.stringify(override)).toBe('validation_failed');
      expect(Object.keys(error?.fieldErrors ?? {}), JSON.stringify(override)).toContain(field);
    }
  });

  it('lets only providers of a training provider write programs, each only their own', async () => {
    const { actor } = await providerTeam();
    const other = await providerTeam();
    const employer = await (await createTestOrg('employer')).addMember('employer');
    expect((await errorOf(createProgram(employer.actor, programFixture())))?.code).toBe('forbidden');
    const program = await createProgram(actor, programFixture({ status: 'draft' }));
    expect((await errorOf(updateProgram(other.actor, program.id, { title: 'Hijacked title' })))?.code).toBe('not_found');
    // Drafts are visible to their organisation (preview) and to nobody else.
    expect((await getProgramPage(program.slug, actor)).isOwnerView).toBe(true);
    expect((await errorOf(getProgramPage(program.slug, other.actor)))?.code).toBe('not_found');
    expect((await errorOf(getProgramPage(program.slug, null)))?.code).toBe('not_found');
  });

  it('resolves stackability both ways by external id', async () => {
    const { actor } = await providerTeam();
    const badge = await createProgram(actor, programFixture({ externalId: 'badge-1', stacksInto: ['cert-1'], title: 'Network Basics Badge' }));
    const cert = await createProgram(actor, programFixture({ externalId: 'cert-1', credentialType: 'professional_certificate', title: 'Network Administration Certificate', prerequisites: [] }));
    const badgePage = await getProgramPage(badge.slug, null);
    expect(badgePage.stacksInto.map((p) => p.id)).toEqual([cert.id]);
    const certPage = await getProgramPage(cert.slug, null);
    expect(certPage.stackedFrom.map((p) => p.id)).toEqual([badge.id]);
    const duplicate = await errorOf(createProgram(actor, programFixture({ externalId: 'badge-1' })));
    expect(duplicate?.code).toBe('conflict');
  });
});

describe('search filters, facets and geo', () => {
  it('filters by facets and returns live counts', async () => {
    const { actor } = await providerTeam();
    const provider = `Facet Provider ${randomUUID().slice(0, 6)}`;
    await createProgram(actor, programFixture({ providerName: provider, deliveryMode: 'in_person', eqfLevel: 4, credentialType: 'bootcamp', cost: 0 }));
    await createProgram(actor, programFixture({ providerName: provider, deliveryMode: 'online_self_paced', eqfLevel: 6, country: 'GB', region: 'GB-ENG', city: 'London', latitude: 51.5, longitude: -0.12, currency: 'GBP', openWorldwide: true }));
    await createProgram(actor, programFixture({ providerName: provider, deliveryMode: 'blended', eqfLevel: 6, isCreditBearing: true, creditValue: 5, languages: ['fr', 'en'] }));

    const all = await searchAfterSync({ provider: [provider] });
    expect(all.total).toBe(3);
    expect(all.facets.delivery_mode).toEqual({ in_person: 1, online_self_paced: 1, blended: 1 });
    expect(all.facets.eqf_level).toEqual({ '4': 1, '6': 2 });
    expect(all.facets.country).toEqual({ CA: 2, GB: 1 });
    expect(all.facets.cost_band).toMatchObject({ free: 1 });

    expect((await searchAfterSync({ provider: [provider], delivery_mode: ['in_person', 'blended'] })).total).toBe(2);
    expect((await searchAfterSync({ provider: [provider], eqf_level: ['6'], credit_bearing: 'true' })).total).toBe(1);
    expect((await searchAfterSync({ provider: [provider], language: ['fr'] })).total).toBe(1);
    expect((await searchAfterSync({ provider: [provider], region: ['GB-ENG'] })).total).toBe(1);
    expect((await searchAfterSync({ provider: [provider], field: ['06'] })).total).toBe(3);
    expect((await searchAfterSync({ provider: [provider], max_cost: '0' })).total).toBe(1);
    const cheapFirst = await searchAfterSync({ provider: [provider], sort: 'cost_asc' });
    expect(cheapFirst.hits[0]!.cost).toBe(0);
  });

  it('finds in-person programs near a place plus online programs open in that country', async () => {
    const { actor } = await providerTeam();
    const provider = `Geo Provider ${randomUUID().slice(0, 6)}`;
    const toronto = await createProgram(actor, programFixture({ providerName: provider, city: 'Toronto', latitude: 43.65, longitude: -79.38 }));
    await createProgram(actor, programFixture({ providerName: provider, city: 'Vancouver', region: 'CA-BC', latitude: 49.28, longitude: -123.12 }));
    const online = await createProgram(actor, programFixture({ providerName: provider, deliveryMode: 'online_scheduled', country: 'US', region: 'US-NY', latitude: undefined, longitude: undefined, openCountries: ['CA', 'US'] }));
    await createProgram(actor, programFixture({ providerName: provider, deliveryMode: 'online_self_paced', country: 'GB', region: 'GB-ENG', latitude: undefined, longitude: undefined, openCountries: ['GB'] }));

    const near = await searchAfterSync({ provider: [provider], near: '43.7,-79.4', radius_km: '25', sort: 'distance' });
    expect(near.hits.map((h) => h.id).sort()).toEqual([toronto.id, online.id].sort());
    expect(near.hits[0]!.id).toBe(toronto.id);
  });

  it('answers the public API with hits, total, page, perPage and facets, and 422 for bad parameters', async () => {
    const res = await callRoute(programsRoute.GET as never, { path: '/api/v1/programs?q=cloud&delivery_mode=in_person,blended&per_page=5' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(expect.arrayContaining(['hits', 'total', 'page', 'perPage', 'facets']));
    expect(res.body.perPage).toBe(5);
    const bad = await callRoute(programsRoute.GET as never, { path: '/api/v1/programs?eqf_level=12&near=500,2&sort=cheapest' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['eqf_level.0', 'near', 'sort']);
  });

  it('serves one program by id or slug, hiding drafts from the public', async () => {
    const { team, actor } = await providerTeam();
    const program = await createProgram(actor, programFixture({ status: 'draft' }));
    expect((await callRoute(programRoute.GET as never, { params: { id: program.id } })).status).toBe(404);
    const key = await team.apiKey('provider');
    const own = await callRoute(programRoute.GET as never, { params: { id: program.slug }, apiKey: key });
    expect(own.status).toBe(200);
    expect(own.body.program.completeness.mandatory).toMatchObject({ present: 9, total: 9 });
  });
});
