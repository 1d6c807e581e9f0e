import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { clients } from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { parseInput, validationError } from '@/lib/errors';
import { findOrgClient } from './clients';
import { clientDeletionSchema } from './lifecycle-schemas';

/** How many rows of each kind went with the client: the receipt of an erasure, naming nobody. */
export type ErasedRows = {
  skills: number;
  goals: number;
  goalSkills: number;
  goalExclusions: number;
  events: number;
  plans: number;
  planSteps: number;
  planComments: number;
  planShareLinks: number;
  outcomes: number;
  invites: number;
};

export type ClientErasure = { deletedAt: string; removed: ErasedRows };

const sameName = (a: string, b: string) => {
  const normalise = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return normalise(a) === normalise(b);
};

async function countClientRows(db: Db, clientId: string): Promise<ErasedRows> {
  const [row] = await db.execute<Record<keyof ErasedRows, number>>(sql`
    with g as (select id from client_goals where client_id = ${clientId}),
         p as (select id from plans where client_id = ${clientId})
    select
      (select count(*) from client_skills where client_id = ${clientId})::int as "skills",
      (select count(*) from g)::int as "goals",
      (select count(*) from client_goal_skills where goal_id in (select id from g))::int as "goalSkills",
      (select count(*) from goal_excluded_programs where goal_id in (select id from g))::int as "goalExclusions",
      (select count(*) from client_events where client_id = ${clientId})::int as "events",
      (select count(*) from p)::int as "plans",
      (select count(*) from plan_steps where plan_id in (select id from p))::int as "planSteps",
      (select count(*) from plan_comments where plan_id in (select id from p))::int as "planComments",
      (select count(*) from plan_share_links where plan_id in (select id from p))::int as "planShareLinks",
      (select count(*) from client_outcomes where client_id = ${clientId})::int as "outcomes",
      (select count(*) from client_invites where client_id = ${clientId})::int as "invites"`);
  return row!;
}

/**
 * Erases a client (a data-protection request): the record and everything hanging off it go in
 * one transaction through the foreign keys' ON DELETE CASCADE. The practitioner confirms by
 * typing the client's full name. Only an anonymous line is kept: who erased a record of which
 * organisation, when, and how many rows went — never the client's id, name or details.
 * A linked seeker account is the person's own and stays; only its link to the record goes.
 */
export async function deleteClient(actor: Actor, clientId: string, raw: unknown): Promise<ClientErasure> {
  const erasure = await getDb().transaction(async (tx) => {
    const client = await findOrgClient(tx, actor, clientId, true);
    const { confirmName } = parseInput(clientDeletionSchema, raw);
    if (!sameName(confirmName, client.fullName)) throw validationError({ confirmName: ['Type the client’s full name exactly as recorded to confirm.'] }, 'The name does not match: nothing was deleted.');
    const removed = await countClientRows(tx, client.id);
    await tx.delete(clients).where(eq(clients.id, client.id));
    return { orgId: client.orgId, deletedAt: new Date().toISOString(), removed };
  });
  console.info(JSON.stringify({ audit: 'client_erased', orgId: erasure.orgId, by: actor.userId ?? `api_key:${actor.apiKeyId}`, at: erasure.deletedAt, removed: erasure.removed }));
  return { deletedAt: erasure.deletedAt, removed: erasure.removed };
}
