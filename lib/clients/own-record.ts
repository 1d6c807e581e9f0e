import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clientGoals, organisations, users, type Client } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';
import { listClientPlans, type PlanListItem } from '@/lib/plans/plans';
import { listClientSkills, type ClientSkillRow } from './client-skills';
import { findOwnClientRecord } from './clients';
import { goalGaps, type GoalGap } from './goals';

export type OwnRecord = {
  client: Client;
  /** No career service yet: the job seeker manages skills and goal themselves. */
  isSelfManaged: boolean;
  orgName: string | null;
  adviserName: string | null;
  goals: GoalGap[];
  skills: ClientSkillRow[];
  plans: PlanListItem[];
};

/** What a signed-in job seeker sees of the record their career service shares with them. */
export async function getOwnRecord(actor: Actor | null): Promise<OwnRecord | null> {
  const checked = authorize(actor, 'plan:follow');
  const db = getDb();
  const client = await findOwnClientRecord(db, checked);
  if (!client) return null;
  const [[org], [adviser], goals, skills, plans] = await Promise.all([
    client.orgId ? db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, client.orgId)) : Promise.resolve([]),
    client.assignedTo ? db.select({ name: users.name }).from(users).where(eq(users.id, client.assignedTo)) : Promise.resolve([]),
    db.select().from(clientGoals).where(eq(clientGoals.clientId, client.id)).orderBy(asc(clientGoals.priority), asc(clientGoals.createdAt)),
    listClientSkills(db, client.id),
    listClientPlans(checked, client.id),
  ]);
  return {
    client,
    isSelfManaged: client.orgId === null,
    skills,
    plans: plans.filter((p) => p.status === 'active'),
    orgName: org?.name ?? null,
    adviserName: adviser?.name ?? null,
    goals: await goalGaps(db, client, goals.filter((g) => g.status === 'active')),
  };
}
