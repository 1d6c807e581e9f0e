import { NextResponse } from 'next/server';
import { createClient, listClients } from '@/lib/clients/clients';
import { apiRoute, readJson } from '@/lib/http/api';

// GET /api/v1/clients?q=&status=&assignedTo=&region= — the organisation's caseload (practitioners, admins)
export const GET = apiRoute('clients:manage', async ({ actor, request }) => ({ clients: await listClients(actor, Object.fromEntries(new URL(request.url).searchParams)) }));

// POST /api/v1/clients — create a client record
export const POST = apiRoute('clients:manage', async ({ actor, request }) => NextResponse.json({ client: await createClient(actor, await readJson(request)) }, { status: 201 }));
