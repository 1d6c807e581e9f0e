import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { planComments, planSteps } from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { recordClientEvent } from '@/lib/clients/clients';
import { parseInput, validationError } from '@/lib/errors';
import { findOrgPlan } from './plans';

export const planCommentSchema = z.object({
  body: z.string({ error: 'Write the comment first.' }).trim().min(1, 'Write the comment first.').max(2000, 'Keep a comment under 2,000 characters.'),
  stepId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Choose a step of this plan.').optional()),
});

/**
 * A comment on a plan (or one step) by the practitioner or by the client signed in as a
 * seeker; it also goes on the client's timeline, so the other side sees it.
 */
export async function addPlanComment(actor: Actor, planId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(planCommentSchema, raw);
  return getDb().transaction(async (tx) => {
    const { plan, client } = await findOrgPlan(tx, actor, planId, false, { allowSelf: true });
    if (input.stepId) {
      const [step] = await tx.select({ id: planSteps.id }).from(planSteps).where(and(eq(planSteps.id, input.stepId), eq(planSteps.planId, plan.id)));
      if (!step) throw validationError({ stepId: ['Choose a step of this plan.'] });
    }
    const [row] = await tx.insert(planComments).values({ planId: plan.id, stepId: input.stepId ?? null, authorUserId: actor.userId, authorName: actor.name, body: input.body }).returning({ id: planComments.id });
    const who = actor.userId && actor.userId === client.seekerUserId ? 'The client' : actor.name;
    await recordClientEvent(tx, client.id, actor, 'comment', `${who} commented on “${plan.title}”: ${input.body.length > 140 ? `${input.body.slice(0, 140)}…` : input.body}`);
    return row!;
  });
}
