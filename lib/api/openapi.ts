import { z } from 'zod';
import { programInputSchema } from '@/lib/catalog/program-schema';
import { createInviteSchema, orgRoleSchema } from '@/lib/auth/schemas';
import { programSearchSchema } from '@/lib/search/program-search-params';
import { facetAttributes } from '@/lib/search/facet-names';
import { customSkillInputSchema } from '@/lib/skills/custom-skill-schema';
import { gapInputSchema } from '@/lib/employers/gap-schema';
import { clientInputSchema, clientSkillInputSchema, goalInputSchema } from '@/lib/clients/client-schema';
import { exclusionInputSchema } from '@/lib/recommendations/exclusion-schema';
import { saveProgramInputSchema } from '@/lib/seekers/shortlist-schema';
import { planCreateSchema, planShareLinkCreateSchema, planStepAddSchema, planStepReorderSchema, planStepUpdateSchema, planUpdateSchema } from '@/lib/plans/plan-schema';
import { clientErasureOperation, clientLifecyclePaths } from './client-lifecycle-openapi';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

/** Codes whose zod transforms JSON Schema cannot express are described by hand. */
const codeOverrides: Record<string, JsonSchema> = {
  country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
  providerCountry: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
  region: { type: 'string', pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$', description: 'ISO 3166-2' },
  openCountries: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2}$' } },
  currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217' },
  fieldOfStudy: { type: 'string', pattern: '^\\d{2,4}$', description: 'ISCED-F 2013 code' },
  languages: { type: 'array', items: { type: 'string', pattern: '^[a-z]{2}$' }, description: 'ISO 639-1 codes' },
};

export function programJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(programInputSchema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  for (const [key, value] of Object.entries(codeOverrides)) if (schema.properties?.[key]) schema.properties[key] = { ...schema.properties[key], ...value };
  schema.title = 'Credpath program';
  schema.required = ['title', 'providerName', 'credentialType', 'deliveryMode'];
  return schema;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const json = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const secured = [{ bearerApiKey: [] }, { sessionCookie: [] }];

/** What a custom skill accepts: the schema's input side, plus the forms zod's converter cannot express. */
function customSkillInputJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(customSkillInputSchema.in, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const altLabels = schema.properties?.altLabels ?? {};
  schema.properties = {
    ...schema.properties,
    altLabels: {
      description: `${altLabels.description ?? ''}. A list, or text with one label per line; blanks, repeats (ignoring case) and the label itself are dropped; at most 50.`,
      anyOf: [{ type: 'array', items: altLabels.items }, { type: 'string' }],
    },
    description: { anyOf: [schema.properties?.description ?? { type: 'string' }, { type: 'null' }] },
  };
  schema.required = ['label', 'kind'];
  schema.title = 'Credpath custom skill';
  return schema;
}

/** Custom skills (organisation admins add them to the shared taxonomy), kept as one block. */
function customSkillApi() {
  const skillResponse = (description = 'OK') => json({ type: 'object', properties: { skill: { $ref: '#/components/schemas/CustomSkill' } } }, description);
  const input = { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CustomSkillInput' } } } };
  return {
    schemas: {
      CustomSkillInput: customSkillInputJsonSchema(),
      CustomSkill: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          label: { type: 'string' },
          altLabels: { type: 'array', items: { type: 'string' } },
          description: { type: ['string', 'null'] },
          kind: { type: 'string', enum: ['skill', 'knowledge', 'tool'] },
          source: { type: 'string', const: 'custom' },
          sourceUri: { type: 'string', description: '`custom:<id>`' },
          orgId: { type: ['string', 'null'], description: 'The organisation that added it' },
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
    },
    paths: {
      '/skills': {
        get: {
          summary: 'Search the skills taxonomy as you type',
          security: [],
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 200 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
            { name: 'kind', in: 'query', schema: { type: 'string', enum: ['skill', 'knowledge', 'tool'] } },
          ],
          responses: { 200: json({ type: 'object', properties: { hits: { type: 'array', items: { type: 'object' } }, total: { type: 'integer' } } }), 422: errorResponse('Invalid parameters') },
        },
        post: {
          summary: 'Add a custom skill to the taxonomy (organisation admins)',
          security: secured,
          requestBody: input,
          responses: {
            201: skillResponse('Created'),
            401: errorResponse('No or bad credentials'),
            403: errorResponse('Not an organisation admin'),
            409: errorResponse('A skill already has this label (`details.fields.label`, `details.existingSkillId`)'),
            422: errorResponse('Invalid fields'),
          },
        },
      },
      '/skills/{id}': {
        get: { summary: 'One skill (id or source URI) with the occupations that need it', security: [], parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found') } },
        patch: {
          summary: 'Change some fields of a custom skill your organisation added (the result is validated as a whole)',
          security: secured,
          parameters: [idParam],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'Any subset of CustomSkillInput' } } } },
          responses: { 200: skillResponse(), 403: errorResponse('Not an organisation admin'), 404: errorResponse('Not a custom skill of your organisation'), 409: errorResponse('A skill already has this label'), 422: errorResponse('Invalid fields') },
        },
        delete: {
          summary: 'Remove a custom skill your organisation added',
          security: secured,
          parameters: [idParam],
          responses: { 204: { description: 'Removed' }, 403: errorResponse('Not an organisation admin'), 404: errorResponse('Not a custom skill of your organisation') },
        },
      },
    },
  };
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
/** Client plans: every change names the plan version it saw and gets 409 when another change came first. */
function planApi() {
  const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });
  const stepParam = { name: 'stepId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  const versionParam = { name: 'expectedVersion', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } };
  const plan = (description = 'The plan with its steps, goal gap, totals (cost in EUR and per currency, hours, weeks, coverage, in-demand skills gained), timeline and stackability paths') =>
    json({ type: 'object', properties: { plan: { type: 'object' }, client: { type: 'object' }, goal: { type: ['object', 'null'] }, steps: { type: 'array', items: { type: 'object' } }, totals: { type: 'object' }, timeline: { type: 'object' } } }, description);
  const stale = errorResponse('The plan changed since `expectedVersion` (`details.currentVersion`): reload; nothing was saved');
  const linkParam = { name: 'linkId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  const shareLink = {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      status: { enum: ['active', 'expired', 'revoked'] },
      expiresAt: { type: 'string', format: 'date-time' },
      revokedAt: { type: ['string', 'null'], format: 'date-time' },
      createdAt: { type: 'string', format: 'date-time' },
      createdByName: { type: ['string', 'null'] },
    },
  };
  return {
    '/clients/{id}/plans': {
      get: { summary: "The client's plans with step counts", security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found') } },
      post: { summary: 'Create a plan from published programs in order (or none, to build it by hand); moves the client to plan_active', security: secured, parameters: [idParam], requestBody: body(planCreateSchema), responses: { 201: plan('Created'), 404: errorResponse('Not found'), 422: errorResponse('Invalid fields (`steps.N.programId` names an unknown, draft or archived program)') } },
    },
    '/plans/{id}': {
      get: { summary: 'A plan with totals, timeline and stackability paths', security: secured, parameters: [idParam], responses: { 200: plan(), 404: errorResponse('Not found') } },
      patch: { summary: 'Rename, archive or restore', security: secured, parameters: [idParam], requestBody: body(planUpdateSchema), responses: { 200: plan(), 404: errorResponse('Not found'), 409: stale, 422: errorResponse('Invalid fields') } },
      delete: { summary: 'Delete the plan', security: secured, parameters: [idParam, versionParam], responses: { 204: { description: 'Deleted' }, 404: errorResponse('Not found'), 409: stale } },
    },
    '/plans/{id}/steps': {
      post: { summary: 'Append a published program', security: secured, parameters: [idParam], requestBody: body(planStepAddSchema), responses: { 201: plan(), 404: errorResponse('Not found'), 409: stale, 422: errorResponse('Unknown, draft, archived or already planned program') } },
      put: { summary: 'Reorder: every current step id exactly once, in the new order', security: secured, parameters: [idParam], requestBody: body(planStepReorderSchema), responses: { 200: plan(), 404: errorResponse('Not found'), 409: stale } },
    },
    '/plans/{id}/steps/{stepId}': {
      patch: { summary: 'Status, dates or notes (null or "" clears); completing adds the program’s skills to the client profile', security: secured, parameters: [idParam, stepParam], requestBody: body(planStepUpdateSchema), responses: { 200: plan(), 404: errorResponse('Not found'), 409: stale, 422: errorResponse('Invalid fields (`endDate` before `startDate`, dates as YYYY-MM-DD, notes up to 2,000 characters)') } },
      delete: { summary: 'Remove a step; the others close up', security: secured, parameters: [idParam, stepParam, versionParam], responses: { 200: plan(), 404: errorResponse('Not found'), 409: stale } },
    },
    '/plans/{id}/pdf': {
      get: {
        summary: 'The plan as a PDF download (`plan-<title>.pdf`), for its career service or the job seeker it belongs to',
        security: secured,
        parameters: [idParam],
        responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, 401: errorResponse('Not signed in'), 404: errorResponse('Not found') },
      },
    },
    '/plans/{id}/share-links': {
      get: {
        summary: 'Read-only links to the plan, newest first, with their status',
        security: secured,
        parameters: [idParam],
        responses: { 200: json({ type: 'object', properties: { links: { type: 'array', items: shareLink } } }), 404: errorResponse('Not found') },
      },
      post: {
        summary: 'Create a read-only link (anyone holding it sees the plan without contact details, notes or comments until it expires or is revoked); the token is returned only now, only its hash is stored',
        security: secured,
        parameters: [idParam],
        requestBody: { ...body(planShareLinkCreateSchema), required: false },
        responses: {
          201: json({ type: 'object', properties: { id: { type: 'string', format: 'uuid' }, token: { type: 'string' }, path: { type: 'string', example: '/shared/plans/…' }, url: { type: 'string', format: 'uri' }, expiresAt: { type: 'string', format: 'date-time' } } }, 'Created'),
          404: errorResponse('Not found'),
          422: errorResponse('Invalid fields (`expiresInDays` is a whole number from 1 to 90)'),
        },
      },
    },
    '/plans/{id}/share-links/{linkId}': {
      delete: { summary: 'Revoke a read-only link at once', security: secured, parameters: [idParam, linkParam], responses: { 204: { description: 'Revoked' }, 404: errorResponse('Not found'), 409: errorResponse('Already revoked') } },
    },
  };
}

export function openApiDocument(origin: string) {
  const search = z.toJSONSchema(programSearchSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const searchParameters = Object.entries(search.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema,
    ...(schema.type === 'array' ? { style: 'form', explode: true, description: 'Repeat the parameter or separate values with commas.' } : {}),
  }));
  const customSkills = customSkillApi();
  return {
    openapi: '3.1.0',
    info: { title: 'Credpath API', version: '1', description: 'Micro-credential programs, search and organisation management. Errors: `{ "error": { "code", "message", "details" } }`.' },
    servers: [{ url: `${origin}/api/v1` }],
    components: {
      securitySchemes: {
        bearerApiKey: { type: 'http', scheme: 'bearer', description: 'Organisation API key (`cp_…`), created in Settings → API keys or with `npm run admin -- apikey:create`.' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
      schemas: {
        ProgramInput: programJsonSchema(),
        Program: { allOf: [{ $ref: '#/components/schemas/ProgramInput' }, { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, slug: { type: 'string' }, orgId: { type: 'string' }, source: { type: 'string' }, completeness: { type: 'object' } } }] },
        SearchResult: {
          type: 'object',
          properties: {
            hits: { type: 'array', items: { type: 'object' } },
            total: { type: 'integer', description: 'Estimated number of matches' },
            page: { type: 'integer' },
            perPage: { type: 'integer' },
            facets: { type: 'object', description: `{ facetName: { value: count } } for ${Object.keys(facetAttributes).join(', ')}`, additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } },
          },
        },
        ImportReport: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: ['csv', 'json', 'ctdl'] },
            totalRows: { type: 'integer' },
            validRows: { type: 'integer' },
            errorCount: { type: 'integer' },
            errors: { type: 'array', items: { type: 'object', properties: { row: { type: 'integer' }, field: { type: 'string' }, message: { type: 'string' } } } },
            created: { type: 'integer' },
            updated: { type: 'integer' },
            isDryRun: { type: 'boolean' },
          },
        },
        InviteInput: z.toJSONSchema(createInviteSchema, { io: 'input', unrepresentable: 'any' }),
        MemberRoleInput: z.toJSONSchema(z.object({ role: orgRoleSchema }), { io: 'input' }),
        ...customSkills.schemas,
        Error: {
          type: 'object',
          properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', properties: { fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } } } } } },
        },
      },
    },
    paths: {
      '/programs': {
        get: { summary: 'Search published programs', security: [], parameters: searchParameters, responses: { 200: json({ $ref: '#/components/schemas/SearchResult' }), 422: errorResponse('Invalid parameters') } },
        post: {
          summary: 'Create a program (providers)',
          security: secured,
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ProgramInput' } } } },
          responses: { 201: json({ type: 'object', properties: { program: { $ref: '#/components/schemas/Program' } } }, 'Created'), 401: errorResponse('No or bad credentials'), 403: errorResponse('Not a provider'), 409: errorResponse('Duplicate external id'), 422: errorResponse('Invalid fields') },
        },
      },
      '/programs/{id}': {
        get: { summary: 'One program by id or slug', security: [], parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found or not published') } },
        patch: {
          summary: 'Change some fields of a program (the result is validated as a whole)',
          security: secured,
          parameters: [idParam],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'Any subset of ProgramInput' } } } },
          responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found in your organisation'), 422: errorResponse('Invalid fields') },
        },
        delete: { summary: 'Delete a program', security: secured, parameters: [idParam], responses: { 204: { description: 'Deleted' }, 404: errorResponse('Not found in your organisation') } },
      },
      '/imports': {
        post: {
          summary: 'Import programs from CSV, JSON or CTDL JSON-LD',
          security: secured,
          parameters: [
            { name: 'dry_run', in: 'query', schema: { type: 'boolean' }, description: 'Validate only' },
            { name: 'format', in: 'query', schema: { type: 'string', enum: ['csv', 'json', 'ctdl'] } },
          ],
          requestBody: { required: true, content: { 'text/csv': {}, 'application/json': {}, 'application/ld+json': {}, 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
          responses: { 200: json({ $ref: '#/components/schemas/ImportReport' }, 'Dry run report'), 201: json({ $ref: '#/components/schemas/ImportReport' }, 'Imported'), 422: errorResponse('Unreadable file') },
        },
      },
      '/programs/{id}/skills': {
        get: { summary: 'Accepted skills, suggestions awaiting review (confidence, matched phrase) and unmatched imported references', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found in your organisation') } },
      },
      '/programs/{id}/skills/review': {
        post: {
          summary: 'Accept or reject suggested skills; accepted ones are indexed for the skills facet',
          security: secured,
          parameters: [idParam],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { decision: { type: 'string', enum: ['accept', 'reject'] }, skillIds: { type: 'array', items: { type: 'string', format: 'uuid' } } }, required: ['decision', 'skillIds'] } } } },
          responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found in your organisation'), 409: errorResponse('Already reviewed'), 422: errorResponse('Invalid fields') },
        },
      },
      '/skills/in-demand': {
        get: {
          summary: 'Top in-demand skills of a region, with the signals behind each score',
          security: [],
          parameters: [
            { name: 'region', in: 'query', required: true, schema: { type: 'string' }, description: 'ISO 3166-1 country (US) or ISO 3166-2 subdivision (US-NY)' },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          ],
          responses: { 200: json({ type: 'object' }), 422: errorResponse('Unknown region') },
        },
      },
      '/skills/extract': {
        post: {
          summary: 'Suggest taxonomy skills found in a text, best first',
          security: [],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string', maxLength: 1000000 }, limit: { type: 'integer' } }, required: ['text'] } } } },
          responses: { 200: json({ type: 'object', properties: { skills: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' }, sourceUri: { type: 'string' }, confidence: { type: 'number' }, matched: { type: 'string' } } } } } }), 422: errorResponse('Empty or too long') },
        },
      },
      '/skill-gaps': {
        get: { summary: "Your organisation's skill gaps (employers)", security: secured, parameters: [{ name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } }, { name: 'region', in: 'query', schema: { type: 'string' } }, { name: 'q', in: 'query', schema: { type: 'string' } }], responses: { 200: json({ type: 'object' }) } },
        post: {
          summary: 'Post one gap (JSON object), or many (JSON array, { "gaps": [...] } or text/csv) with a row-by-row report; ?dry_run=true validates only',
          security: secured,
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(gapInputSchema, { io: 'input', unrepresentable: 'any' }) }, 'text/csv': {} } },
          responses: { 201: json({ type: 'object' }, 'Created'), 200: json({ type: 'object' }, 'Bulk report'), 403: errorResponse('Not an employer'), 422: errorResponse('Invalid fields') },
        },
      },
      '/skill-gaps/{id}': {
        get: { summary: 'One gap with its skills', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found in your organisation') } },
        patch: { summary: 'Change fields (validated as a whole) or { "status": "open" | "closed" }', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found'), 422: errorResponse('Invalid fields') } },
        delete: { summary: 'Delete a gap', security: secured, parameters: [idParam], responses: { 204: { description: 'Deleted' }, 404: errorResponse('Not found') } },
      },
      '/skill-gaps/{id}/coverage': {
        get: { summary: 'Programs in or near the region, or online there, teaching the gap skills; the least-cost pathway covering every must-have', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found') } },
      },
      '/skill-gaps/template': { get: { summary: 'CSV template for bulk gaps', security: [], responses: { 200: { description: 'CSV', content: { 'text/csv': {} } } } } },
      '/reports/supply-demand': {
        get: {
          summary: 'In-demand skills of a region against the programs teaching them there, unserved first (anonymised; CSV with format=csv)',
          security: [],
          parameters: [
            { name: 'region', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 200 } },
            { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] } },
          ],
          responses: { 200: json({ type: 'object' }), 422: errorResponse('Unknown region') },
        },
      },
      '/clients': {
        get: { summary: "Your career service's caseload (practitioners, admins)", security: secured, parameters: ['q', 'status', 'assignedTo', 'region'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })), responses: { 200: json({ type: 'object' }) } },
        post: { summary: 'Create a client record', security: secured, requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(clientInputSchema, { io: 'input', unrepresentable: 'any' }) } } }, responses: { 201: json({ type: 'object' }, 'Created'), 422: errorResponse('Invalid fields') } },
      },
      '/clients/{id}': {
        get: { summary: 'A client with their timeline', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found in your organisation') } },
        patch: { summary: 'Change fields (validated as a whole), or { "status": "archived" | "active" }', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found'), 422: errorResponse('Invalid fields') } },
        delete: clientErasureOperation,
      },
      '/clients/{id}/skills': {
        get: { summary: "The client's skills profile", security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }) } },
        post: { summary: 'Add or re-level a skill { skill, level, evidence, note }', security: secured, parameters: [idParam], requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(clientSkillInputSchema, { io: 'input', unrepresentable: 'any' }) } } }, responses: { 200: json({ type: 'object' }), 422: errorResponse('Unknown skill') } },
        delete: { summary: 'Remove a skill (?skill=<id>)', security: secured, parameters: [idParam, { name: 'skill', in: 'query', required: true, schema: { type: 'string' } }], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not on the profile') } },
      },
      '/clients/{id}/goals': {
        get: { summary: 'Goals with their gap (missing skills by importance, in demand in the client region, coverage)', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }) } },
        post: { summary: 'Set a goal: an occupation, an open employer gap or a set of skills', security: secured, parameters: [idParam], requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(goalInputSchema, { io: 'input', unrepresentable: 'any' }) } } }, responses: { 201: json({ type: 'object' }, 'Created'), 422: errorResponse('Invalid fields') } },
      },
      '/clients/{id}/invite': {
        post: { summary: 'A one-time sign-in link (14 days) for the client to follow their goals and plan; { email? } defaults to the email on record', security: secured, parameters: [idParam], responses: { 201: json({ type: 'object' }, 'Created'), 404: errorResponse('Not found'), 409: errorResponse('Already linked'), 422: errorResponse('No email') } },
      },
      '/goals/{id}': {
        get: { summary: 'A goal with its gap', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found') } },
        delete: { summary: 'Remove a goal', security: secured, parameters: [idParam], responses: { 204: { description: 'Removed' }, 404: errorResponse('Not found') } },
      },
      '/goals/{id}/gap': { get: { summary: 'The skills the client lacks for this goal, and coverage', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found') } } },
      '/goals/{id}/recommendations': {
        get: {
          summary: "Recommended programs for the goal: an ordered set covering the client's missing skills under their constraints (weighted set cover; see README), each step with the skills it covers, cost, hours, weeks, start, stacks-into and prerequisites, and alternatives; uncovered skills with the reason",
          security: secured,
          parameters: [idParam],
          responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found') },
        },
      },
      '/goals/{id}/exclusions': {
        post: {
          summary: 'Exclude a program from the recommendations ({ programId }) or allow it again ({ programId, isExcluded: false }); answers with the re-run recommendation',
          security: secured,
          parameters: [idParam],
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(exclusionInputSchema, { io: 'input', unrepresentable: 'any' }) } } },
          responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found'), 422: errorResponse('Unknown program') },
        },
      },
      '/occupations': {
        get: { summary: 'Search occupations as you type (O*NET and ESCO)', security: [], parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }, { name: 'limit', in: 'query', schema: { type: 'integer' } }], responses: { 200: json({ type: 'object' }), 422: errorResponse('Invalid parameters') } },
      },
      '/occupations/{id}': {
        get: { summary: 'An occupation (id, O*NET-SOC code or ESCO URI) with required skills by importance', security: [], parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found') } },
      },
      '/imports/template': { get: { summary: 'CSV template', security: [], responses: { 200: { description: 'CSV', content: { 'text/csv': {} } } } } },
      '/me': { get: { summary: 'Who the credentials act as', security: secured, responses: { 200: json({ type: 'object' }), 401: errorResponse('No or bad credentials') } } },
      '/me/shortlist': {
        get: {
          summary: 'Your saved programs, newest first: title, provider, credential type, delivery mode, cost, hours, weeks, next start date and your note; `isAvailable: false` (with only title, provider and note) once a program is archived',
          security: [{ sessionCookie: [] }],
          responses: { 200: json({ type: 'object', properties: { programs: { type: 'array', items: { type: 'object' } } } }), 401: errorResponse('Not signed in'), 403: errorResponse('An API key: shortlists belong to people') },
        },
        post: {
          summary: 'Save a published program, or update its note when already saved (no note keeps the current one; an empty note clears it)',
          security: [{ sessionCookie: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(saveProgramInputSchema, { io: 'input', unrepresentable: 'any' }) } } },
          responses: { 200: json({ type: 'object' }), 401: errorResponse('Not signed in'), 422: errorResponse('Unknown or unpublished program (`details.fields.programId`), or a note over 500 characters') },
        },
      },
      '/me/shortlist/{programId}': {
        delete: {
          summary: 'Take a program off your shortlist',
          security: [{ sessionCookie: [] }],
          parameters: [{ name: 'programId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { 204: { description: 'Removed' }, 401: errorResponse('Not signed in'), 404: errorResponse('Not on your shortlist') },
        },
      },
      '/invites': {
        get: { summary: 'Invites of your organisation (admins)', security: secured, responses: { 200: json({ type: 'object' }) } },
        post: { summary: 'Create a one-time invite link', security: secured, requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/InviteInput' } } } }, responses: { 201: json({ type: 'object' }, 'Created'), 422: errorResponse('Invalid fields') } },
      },
      '/invites/{id}': {
        get: { summary: 'One invite', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found') } },
        delete: { summary: 'Withdraw a pending invite', security: secured, parameters: [idParam], responses: { 204: { description: 'Withdrawn' }, 404: errorResponse('Not found') } },
      },
      '/members': { get: { summary: 'Members of your organisation', security: secured, responses: { 200: json({ type: 'object' }) } } },
      '/members/{id}': {
        get: { summary: 'One member', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found') } },
        patch: { summary: 'Change a member’s role', security: secured, parameters: [idParam], requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/MemberRoleInput' } } } }, responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found') } },
        delete: { summary: 'Remove a member', security: secured, parameters: [idParam], responses: { 204: { description: 'Removed' }, 404: errorResponse('Not found') } },
      },
      ...customSkills.paths,
      ...planApi(),
      ...clientLifecyclePaths(),
    },
  };
}
