import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

/** ESCO skills no program, gap or demand signal uses yet, so a test owns everything about them. */
export async function unusedSkills(n: number): Promise<Array<{ id: string; label: string }>> {
  return getDb().execute<{ id: string; label: string }>(sql`
    select id, preferred_label as label from skills s where source = 'esco' and kind = 'skill'
      and not exists (select 1 from program_skills p where p.skill_id = s.id)
      and not exists (select 1 from skill_gap_skills g where g.skill_id = s.id)
      and not exists (select 1 from skill_demand_signals d where d.skill_id = s.id)
    order by random() limit ${n}`);
}
