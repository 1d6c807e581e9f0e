import { z } from 'zod';
import { clientDeletionSchema, dashboardQuerySchema, outcomeInputSchema } from '@/lib/clients/lifecycle-schemas';

/* OpenAPI paths of outcomes, erasure, export and the caseload dashboard, from the schemas the routes validate with. */

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const json = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const secured = [{ bearerApiKey: [] }, { sessionCookie: [] }];
const inputOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

export function clientLifecyclePaths() {
  const dashboardParams = Object.entries(inputOf(dashboardQuerySchema).properties ?? {}).map(([name, schema]) => ({ name, in: 'query', schema }));
  return {
    '/clients/{id}/outcomes': {
      get: { summary: 'Credentials earned and jobs obtained, latest first', security: secured, parameters: [idParam], responses: { 200: json({ type: 'object' }), 404: errorResponse('Not found in your organisation') } },
      post: {
        summary: 'Record an outcome (date not in the future); job_obtained moves the stage to employed, credential_earned to credential_earned, never backwards',
        security: secured,
        parameters: [idParam],
        requestBody: { required: true, content: { 'application/json': { schema: inputOf(outcomeInputSchema) } } },
        responses: { 201: json({ type: 'object' }, 'Recorded'), 404: errorResponse('Not found'), 422: errorResponse('Invalid fields') },
      },
    },
    '/clients/{id}/outcomes/{outcomeId}': {
      delete: {
        summary: 'Remove an outcome recorded by mistake (the stage stays)',
        security: secured,
        parameters: [idParam, { name: 'outcomeId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 204: { description: 'Removed' }, 404: errorResponse('Not found') },
      },
    },
    '/clients/{id}/export': {
      get: {
        summary: 'Everything held about the client as one JSON attachment (record, skills, goals, plans with steps and comments, outcomes, timeline, consent history, invites; no token hashes); recorded on the timeline',
        security: secured,
        parameters: [idParam],
        responses: { 200: json({ type: 'object' }, 'JSON file (Content-Disposition: attachment)'), 404: errorResponse('Not found in your organisation') },
      },
    },
    '/dashboard': {
      get: {
        summary: 'The caseload at a glance: active clients by stage, stalled plans, starts in the next 30 days, completions this month, outcomes this month and year',
        security: secured,
        parameters: dashboardParams,
        responses: { 200: json({ type: 'object' }), 403: errorResponse('Not a career service'), 422: errorResponse('Invalid parameters') },
      },
    },
  };
}

/** Erasure is a DELETE on the client itself, added to the existing `/clients/{id}` path. */
export const clientErasureOperation = {
  summary: 'Erase the client and everything about them, in one transaction. Confirm with the full name (case and spacing ignored) in the body or as ?confirmName=',
  security: secured,
  parameters: [idParam, { name: 'confirmName', in: 'query', required: false, schema: { type: 'string' } }],
  requestBody: { required: false, content: { 'application/json': { schema: inputOf(clientDeletionSchema) } } },
  responses: {
    200: json({ type: 'object', properties: { deletedAt: { type: 'string', format: 'date-time' }, removed: { type: 'object', additionalProperties: { type: 'integer' }, description: 'Rows removed per kind' } } }, 'Erased'),
    404: errorResponse('Not found in your organisation'),
    422: errorResponse('The name does not match (`details.fields.confirmName`)'),
  },
};
