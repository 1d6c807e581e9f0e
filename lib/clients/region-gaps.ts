import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { skillGaps, skillGapSkills, skills } from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { assertCaseloadAccess } from './clients';

export type RegionGap = { id: string; roleTitle: string; region: string; city: string | null; headcount: number; urgency: string; targetDate: string | null; mustHave: string[]; niceToHave: string[] };

/**
 * Open employer gaps in a client's region, for practitioners: what the role needs, never
 * which employer (employer data stays inside its organisation).
 */
export async function openGapsInRegion(actor: Actor, region: string | null, country: string | null): Promise<RegionGap[]> {
  assertCaseloadAccess(actor);
  if (!region && !country) return [];
  const place = region ? eq(skillGaps.region, region) : eq(skillGaps.country, country!);
  const db = getDb();
  const gaps = await db
    .select({ id: skillGaps.id, roleTitle: skillGaps.roleTitle, region: skillGaps.region, city: skillGaps.city, headcount: skillGaps.headcount, urgency: skillGaps.urgency, targetDate: skillGaps.targetDate })
    .from(skillGaps)
    .where(and(eq(skillGaps.status, 'open'), place))
    .orderBy(desc(skillGaps.openedAt))
    .limit(30);
  const today = new Date().toISOString().slice(0, 10);
  const current = gaps.filter((g) => !g.targetDate || g.targetDate >= today);
  if (current.length === 0) return [];
  const gapSkills = await db
    .select({ gapId: skillGapSkills.gapId, label: skills.preferredLabel, isMustHave: skillGapSkills.isMustHave })
    .from(skillGapSkills)
    .innerJoin(skills, eq(skills.id, skillGapSkills.skillId))
    .where(inArray(skillGapSkills.gapId, current.map((g) => g.id)))
    .orderBy(asc(skills.preferredLabel));
  return current.map((g) => ({
    ...g,
    mustHave: gapSkills.filter((s) => s.gapId === g.id && s.isMustHave).map((s) => s.label),
    niceToHave: gapSkills.filter((s) => s.gapId === g.id && !s.isMustHave).map((s) => s.label),
  }));
}
