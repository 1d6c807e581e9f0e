import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as importsRoute from '@/app/api/v1/imports/route';
import * as programRoute from '@/app/api/v1/programs/[id]/route';
import * as programsRoute from '@/app/api/v1/programs/route';
import { getDb } from '@/db';
import { programs } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { csvColumns, csvTemplate } from '@/lib/imports/csv-columns';
import { importProgramsFile } from '@/lib/imports/program-import';
import { createApiKey, revokeApiKey } from '@/lib/orgs/api-keys';
import { createTestOrg } from '../support/factories';
import { ensureProgramIndex, searchAfterSync } from '../support/programs';

beforeAll(() => ensureProgramIndex());

const header = 'external_id,title,provider,credential_type,delivery_mode,country,region,city,latitude,longitude,cost,currency,hours,eqf_level,stacks_into,status';
const row = (id: string, overrides: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    external_id: id, title: `Welding Safety ${id}`, provider: 'Import Test College', credential_type: 'short_course', delivery_mode: 'in_person',
    country: 'CA', region: 'CA-AB', city: 'Calgary', latitude: '51.05', longitude: '-114.07', cost: '450', currency: 'CAD', hours: '24', eqf_level: '4', stacks_into: '', status: 'published',
    ...overrides,
  };
  return header.split(',').map((c) => (values[c]!.includes(',') ? `"${values[c]}"` : values[c])).join(',');
};
const csv = (...rows: string[]) => Buffer.from([header, ...rows].join('\n'), 'utf8');

async function providerOrg() {
  const team = await createTestOrg('training_provider');
  return { team, actor: (await team.addMember('provider')).actor };
}

describe('program import', () => {
  it('reports every invalid row with its number, column and reason, and imports the valid ones', async () => {
    const { actor } = await providerOrg();
    const report = await importProgramsFile(actor, {
      filename: 'catalogue.csv',
      content: csv(row('A1'), row('A2', { credential_type: 'diploma' }), row('A3', { cost: '-20' }), row('A4', { latitude: '95' }), row('A1'), row('A6', { region: 'CA-ZZ' })),
    });
    expect(report.totalRows).toBe(6);
    expect(report.validRows).toBe(1);
    expect(report.created).toBe(1);
    const byRow = (r: number) => report.errors.filter((e) => e.row === r).map((e) => e.field);
    expect(byRow(3)).toEqual(['credential_type']);
    expect(byRow(4)).toEqual(['cost']);
    expect(byRow(5)).toEqual(['latitude']);
    expect(byRow(6)).toEqual(['external_id']);
    expect(report.errors.find((e) => e.row === 6)!.message).toMatch(/already used on row 2/);
    expect(byRow(7)).toEqual(['region']);
  });

  it('updates on re-import instead of duplicating, and a dry run writes nothing', async () => {
    const { team, actor } = await providerOrg();
    const id = `R-${randomUUID().slice(0, 6)}`;
    const dry = await importProgramsFile(actor, { filename: 'x.csv', content: csv(row(id)) }, { isDryRun: true });
    expect(dry).toMatchObject({ validRows: 1, created: 0, isDryRun: true });
    expect(await getDb().select().from(programs).where(eq(programs.orgId, team.org.id))).toHaveLength(0);

    expect((await importProgramsFile(actor, { filename: 'x.csv', content: csv(row(id)) })).created).toBe(1);
    const again = await importProgramsFile(actor, { filename: 'x.csv', content: csv(row(id, { title: 'Welding Safety Renamed', cost: '500' })) });
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const rows = await getDb().select().from(programs).where(and(eq(programs.orgId, team.org.id), eq(programs.externalId, id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: 'Welding Safety Renamed', cost: 500, source: 'file_import' });
  });

  it('resolves stacks_into within the file and makes published rows searchable', async () => {
    const { actor } = await providerOrg();
    const provider = `Stack College ${randomUUID().slice(0, 6)}`;
    await importProgramsFile(actor, {
      filename: 's.csv',
      content: csv(row('B1', { provider, stacks_into: 'CERT' }), row('CERT', { provider, credential_type: 'professional_certificate', title: 'Welding Certificate' }), row('D1', { provider, status: 'draft' })),
    });
    const found = await searchAfterSync({ provider: [provider] });
    expect(found.total).toBe(2);
    expect(found.hits.find((h) => h.title.startsWith('Welding Safety'))!.stacksIntoTitles).toEqual(['Welding Certificate']);
  });

  it('refuses a file that is not UTF-8, naming the line', async () => {
    const { actor } = await providerOrg();
    const latin1 = Buffer.concat([Buffer.from(`${header}\n${row('C1')}\n`), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2c]), Buffer.from('x\n')]);
    const report = await importProgramsFile(actor, { filename: 'latin1.csv', content: latin1 });
    expect(report.validRows).toBe(0);
    expect(report.errors[0]).toMatchObject({ row: 3, field: 'file' });
    expect(report.errors[0]!.message).toMatch(/not UTF-8/);
  });

  it('refuses a file missing a required column', async () => {
    const { actor } = await providerOrg();
    const report = await importProgramsFile(actor, { filename: 'm.csv', content: Buffer.from('external_id,title\nX,Y\n') });
    expect(report.created).toBe(0);
    expect(report.errors.map((e) => e.field).sort()).toEqual(['credential_type', 'delivery_mode', 'provider']);
    expect(report.errors.every((e) => e.row === 1)).toBe(true);
  });

  it('reads JSON arrays with API or CSV field names', async () => {
    const { actor } = await providerOrg();
    const content = Buffer.from(JSON.stringify([
      { externalId: 'J1', title: 'Forklift Operator Licence', providerName: 'Json Institute', credentialType: 'licence', deliveryMode: 'in_person', country: 'GB', region: 'GB-ENG' },
      { external_id: 'J2', title: 'Forklift Refresher', provider: 'Json Institute', credential_type: 'short_course', delivery_mode: 'blended', country: 'GB' },
      { externalId: 'J3', title: 'x', providerName: 'Json Institute', credentialType: 'licence', deliveryMode: 'in_person' },
    ]));
    const report = await importProgramsFile(actor, { filename: 'p.json', content });
    expect(report).toMatchObject({ format: 'json', validRows: 2, created: 2 });
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([[3, 'title'], [3, 'country']]);
  });

  it('imports CTDL JSON-LD from the Credential Engine Registry and updates on re-import by CTID', async () => {
    const { team, actor } = await providerOrg();
    const ctid = `ce-${randomUUID()}`;
    const graph = (name: string) => ({
      '@context': 'https://credreg.net/ctdl/schema/context/json',
      '@graph': [
        {
          '@id': `https://credentialengineregistry.org/resources/${ctid}`,
          '@type': 'ceterms:Certificate',
          'ceterms:ctid': ctid,
          'ceterms:name': { 'en-US': name },
          'ceterms:description': { 'en-US': 'Plan and run data pipelines. Learn orchestration.' },
          'ceterms:ownedBy': ['_:org'],
          'ceterms:availableOnlineAt': ['https://example.org/pipelines'],
          'ceterms:inLanguage': ['en-US'],
          'ceterms:estimatedDuration': [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': 'P10W' }],
          'ceterms:estimatedCost': [{ '@type': 'ceterms:CostProfile', 'ceterms:price': 800, 'ceterms:currency': 'USD' }],
        },
        { '@id': '_:org', '@type': 'ceterms:CredentialOrganization', 'ceterms:name': { 'en-US': 'Registry College' }, 'ceterms:address': [{ '@type': 'ceterms:Place', 'ceterms:addressCountry': 'US' }] },
      ],
    });
    const first = await importProgramsFile(actor, { filename: 'registry.jsonld', content: Buffer.from(JSON.stringify(graph('Data Pipelines Certificate'))) });
    expect(first).toMatchObject({ format: 'ctdl', validRows: 1, created: 1, errorCount: 0 });
    const again = await importProgramsFile(actor, { filename: 'registry.jsonld', content: Buffer.from(JSON.stringify(graph('Data Pipelines Certificate II'))) });
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const [program] = await getDb().select().from(programs).where(eq(programs.orgId, team.org.id));
    expect(program).toMatchObject({ title: 'Data Pipelines Certificate II', ctid, source: 'ctdl', providerName: 'Registry College', weeks: 10, cost: 800, currency: 'USD' });
  });

  it('ships a template whose header holds every documented column and imports cleanly', async () => {
    const { actor } = await providerOrg();
    const template = csvTemplate();
    expect(template.split('\n')[0]!.split(',')).toEqual(csvColumns.map((c) => c.column));
    const report = await importProgramsFile(actor, { filename: 't.csv', content: Buffer.from(template) }, { isDryRun: true });
    expect(report.errors).toEqual([]);
    expect(report.validRows).toBe(1);
  });
});

describe('catalog API authentication', () => {
  it('needs a provider key to write, refuses revoked keys, and hides other organisations’ programs', async () => {
    const { team } = await providerOrg();
    const other = await providerOrg();
    const body = { title: 'API Created Program', providerName: 'API College', credentialType: 'bootcamp', deliveryMode: 'online_self_paced', openWorldwide: true, status: 'published' };
    const call = (handler: never, method: string, apiKey?: string, extra: Record<string, unknown> = {}) =>
      import('../support/routes').then(({ callRoute }) => callRoute(handler, { method, apiKey, body, ...extra }));

    expect((await call(programsRoute.POST as never, 'POST')).status).toBe(401);
    const key = await team.apiKey('provider');
    const created = await call(programsRoute.POST as never, 'POST', key);
    expect(created.status).toBe(201);
    const id = created.body.program.id as string;

    const otherKey = await other.team.apiKey('provider');
    expect((await call(programRoute.PATCH as never, 'PATCH', otherKey, { params: { id }, body: { title: 'Stolen' } })).status).toBe(404);
    expect((await call(programRoute.DELETE as never, 'DELETE', otherKey, { params: { id } })).status).toBe(404);

    const { apiKey: revokedMeta, key: revoked } = await createApiKey(systemActor, { name: 'soon revoked', role: 'provider' }, team.org.id);
    await revokeApiKey(systemActor, revokedMeta.id);
    expect((await call(programsRoute.POST as never, 'POST', revoked)).status).toBe(401);

    const patched = await call(programRoute.PATCH as never, 'PATCH', key, { params: { id }, body: { cost: -1 } });
    expect(patched.status).toBe(422);
    expect(patched.body.error.details.fields.cost).toBeDefined();
  });

  it('imports through POST /imports with a dry run', async () => {
    const { team } = await providerOrg();
    const key = await team.apiKey('provider');
    const request = new Request('http://localhost/api/v1/imports?dry_run=true', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' }, body: csv(row('API1'), row('API2', { eqf_level: '11' })) });
    const response = await importsRoute.POST(request, { params: Promise.resolve({}) });
    const report = await response.json();
    expect(response.status).toBe(200);
    expect(report).toMatchObject({ isDryRun: true, validRows: 1, errorCount: 1 });
    expect(report.errors[0]).toMatchObject({ row: 3, field: 'eqf_level' });
  });
});
