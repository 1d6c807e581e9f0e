import { NextResponse } from 'next/server';
import { listClientOutcomes, recordOutcome } from '@/lib/clients/outcomes';
import { apiRoute, readJson } from '@/lib/http/api';

// GET /api/v1/clients/{id}/outcomes — credentials earned and jobs obtained, latest first
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => ({ outcomes: await listClientOutcomes(actor, params.id) }));

// POST /api/v1/clients/{id}/outcomes — { "kind": "credential_earned" | "job_obtained", "title", "occurredOn", "note" }; moves the stage forward
export const POST = apiRoute<{ id: string }>('clients:manage', async ({ actor, params, request }) =>
  NextResponse.json({ outcome: await recordOutcome(actor, params.id, await readJson(request)) }, { status: 201 }),
);
