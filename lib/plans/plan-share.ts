import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, organisations, planShareLinks, plans, users, type PlanShareLink } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashToken, newSecretToken } from '@/lib/auth/tokens';
import { recordClientEvent } from '@/lib/clients/clients';
import { AppError, notFound, parseInput } from '@/lib/errors';
import { loadPlanDetails, type PlanDetails } from './plan-details';
import { findOrgPlan } from './plans';
import { planShareLinkCreateSchema } from './plan-schema';
import { isUuid } from '@/lib/ids';

export const planSharePath = (token: string) => `/shared/plans/${token}`;

export type PlanShareLinkStatus = 'active' | 'expired' | 'revoked';
export type PlanShareLinkSummary = { id: string; status: PlanShareLinkStatus; expiresAt: Date; revokedAt: Date | null; createdAt: Date; createdByName: string | null };
export type SharedPlan = { details: PlanDetails; orgName: string | null; expiresAt: Date };

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function shareLinkStatus(link: Pick<PlanShareLink, 'revokedAt' | 'expiresAt'>, now = new Date()): PlanShareLinkStatus {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt <= now) return 'expired';
  return 'active';
}

/**
 * A read-only link to the plan for anyone who has it (an employer, a funder, the client's
 * family), valid 1–90 days. Only practitioners share, never the linked seeker. The token is
 * returned this once; only its hash is stored.
 */
export async function createPlanShareLink(actor: Actor, planId: string, raw: unknown): Promise<{ id: string; token: string; path: string; expiresAt: Date }> {
  const input = parseInput(planShareLinkCreateSchema, raw ?? {});
  return getDb().transaction(async (tx) => {
    const { plan, client } = await findOrgPlan(tx, actor, planId);
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
    const [link] = await tx.insert(planShareLinks).values({ planId: plan.id, tokenHash: hashToken(token), expiresAt, createdBy: actor.userId }).returning();
    await recordClientEvent(tx, client.id, actor, 'plan', `Read-only link to the plan ${plan.title} created (valid until ${isoDay(expiresAt)}).`);
    return { id: link!.id, token, path: planSharePath(token), expiresAt };
  });
}

export async function listPlanShareLinks(actor: Actor, planId: string): Promise<PlanShareLinkSummary[]> {
  const db = getDb();
  const { plan } = await findOrgPlan(db, actor, planId);
  const rows = await db
    .select({ link: planShareLinks, createdByName: users.name })
    .from(planShareLinks)
    .leftJoin(users, eq(users.id, planShareLinks.createdBy))
    .where(eq(planShareLinks.planId, plan.id))
    .orderBy(desc(planShareLinks.createdAt), desc(planShareLinks.id));
  const now = new Date();
  return rows.map(({ link, createdByName }) => ({ id: link.id, status: shareLinkStatus(link, now), expiresAt: link.expiresAt, revokedAt: link.revokedAt, createdAt: link.createdAt, createdByName }));
}

/** Ends a link at once: whoever opens it afterwards is told it was revoked. */
export async function revokePlanShareLink(actor: Actor, planId: string, linkId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const { plan, client } = await findOrgPlan(tx, actor, planId);
    if (!isUuid(linkId)) throw notFound('Share link');
    const [link] = await tx.select().from(planShareLinks).where(and(eq(planShareLinks.id, linkId), eq(planShareLinks.planId, plan.id))).for('update');
    if (!link) throw notFound('Share link');
    if (link.revokedAt) throw new AppError('conflict', `This link was already revoked on ${isoDay(link.revokedAt)}.`);
    await tx.update(planShareLinks).set({ revokedAt: new Date() }).where(eq(planShareLinks.id, link.id));
    await recordClientEvent(tx, client.id, actor, 'plan', `Read-only link to the plan ${plan.title} revoked.`);
  });
}

/**
 * The plan behind a share link, for anyone holding the token (no sign-in). Comments and
 * step notes stay between the adviser and the client, so they are left out.
 */
export async function getSharedPlan(token: string): Promise<SharedPlan> {
  const db = getDb();
  const [row] = await db
    .select({ link: planShareLinks, plan: plans, client: clients, orgName: organisations.name })
    .from(planShareLinks)
    .innerJoin(plans, eq(plans.id, planShareLinks.planId))
    .innerJoin(clients, eq(clients.id, plans.clientId))
    .leftJoin(organisations, eq(organisations.id, clients.orgId))
    .where(eq(planShareLinks.tokenHash, hashToken(token)));
  if (!row) throw new AppError('not_found', 'This link is not valid: check that you copied the whole link, or ask for a new one.');
  const askFor = `Ask ${row.orgName ?? 'the career service'} for a new link.`;
  const status = shareLinkStatus(row.link);
  if (status === 'revoked') throw new AppError('gone', `This link was revoked on ${isoDay(row.link.revokedAt!)}. ${askFor}`, { details: { revokedAt: row.link.revokedAt } });
  if (status === 'expired') throw new AppError('gone', `This link expired on ${isoDay(row.link.expiresAt)}. ${askFor}`, { details: { expiredAt: row.link.expiresAt } });
  const details = await loadPlanDetails(db, row.plan, row.client);
  return { details: { ...details, steps: details.steps.map((s) => ({ ...s, notes: null })), comments: [] }, orgName: row.orgName, expiresAt: row.link.expiresAt };
}
