import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { GapDetail } from './gaps';

/*
 * The job seekers behind a gap's region, as an employer may see them: counts only, from
 * clients who consented to data processing; names only of clients who opted in to be
 * visible to employers (with their career service, the way to reach them).
 */

export type SeekerSupply = {
  bySkill: Array<{ skillId: string; label: string; isMustHave: boolean; have: number; workingTowards: number }>;
  /** Consenting clients in the region holding at least one must-have skill. */
  withMustHave: number;
  visible: Array<{ name: string; careerService: string; skills: string[] }>;
};

export async function seekerSupplyForGap(detail: GapDetail): Promise<SeekerSupply> {
  const skillIds = detail.skills.map((s) => s.skillId);
  if (skillIds.length === 0) return { bySkill: [], withMustHave: 0, visible: [] };
  const ids = sql`${`{${skillIds.join(',')}}`}::uuid[]`;
  const mustHave = sql`${`{${detail.skills.filter((s) => s.isMustHave).map((s) => s.skillId).join(',')}}`}::uuid[]`;
  const db = getDb();
  const consenting = sql`c.status = 'active' and c.consent_data_processing and c.region = ${detail.gap.region}`;
  const [counts, withMustHave, visible] = await Promise.all([
    db.execute<{ skill_id: string; have: number; working: number }>(sql`
      select s.skill_id,
        (select count(distinct cs.client_id) from client_skills cs join clients c on c.id = cs.client_id
         where cs.skill_id = s.skill_id and ${consenting})::int as have,
        (select count(distinct c.id) from client_goal_skills gs join client_goals g on g.id = gs.goal_id and g.status = 'active'
         join clients c on c.id = g.client_id
         where gs.skill_id = s.skill_id and ${consenting}
           and not exists (select 1 from client_skills h where h.client_id = c.id and h.skill_id = s.skill_id))::int as working
      from unnest(${ids}) as s(skill_id)`),
    db.execute<{ n: number }>(sql`
      select count(distinct c.id)::int as n from clients c join client_skills cs on cs.client_id = c.id
      where ${consenting} and cs.skill_id = any(${mustHave})`),
    db.execute<{ name: string; career_service: string; skills: string[] }>(sql`
      select c.full_name as name, o.name as career_service, array_agg(k.preferred_label order by k.preferred_label) as skills
      from clients c join organisations o on o.id = c.org_id
      join client_skills cs on cs.client_id = c.id join skills k on k.id = cs.skill_id
      where ${consenting} and c.consent_employer_visible and cs.skill_id = any(${mustHave})
      group by c.id, o.name order by count(*) desc, c.full_name limit 50`),
  ]);
  const countOf = new Map(counts.map((c) => [c.skill_id, c]));
  return {
    bySkill: detail.skills.map((s) => ({ skillId: s.skillId, label: s.label, isMustHave: s.isMustHave, have: countOf.get(s.skillId)?.have ?? 0, workingTowards: countOf.get(s.skillId)?.working ?? 0 })),
    withMustHave: withMustHave[0]?.n ?? 0,
    visible: visible.map((v) => ({ name: v.name, careerService: v.career_service, skills: v.skills })),
  };
}
