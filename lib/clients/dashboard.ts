import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { clientStages } from '@/db/schema';
import { type Actor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/errors';
import { assertCaseloadAccess } from './clients';
import { dashboardQuerySchema, type DashboardQuery } from './lifecycle-schemas';
import { clientStageLabels, type ClientStage } from './stages';

/** How far ahead "upcoming start dates" look, and how many rows each list shows. */
const upcomingDays = 30;
const listLimit = 50;

export type OutcomeCounts = { credentialEarned: number; jobObtained: number };

export type CaseloadDashboard = DashboardQuery & {
  today: string;
  /** Active clients by stage, in funnel order. */
  funnel: Array<{ stage: ClientStage; label: string; count: number }>;
  activeClients: number;
  stalledPlans: { total: number; plans: Array<{ planId: string; planTitle: string; clientId: string; clientName: string; lastActivityAt: string; unfinishedSteps: number }> };
  upcomingStarts: {
    total: number;
    until: string;
    steps: Array<{ stepId: string; programTitle: string; startDate: string; status: string; planId: string; planTitle: string; clientId: string; clientName: string }>;
  };
  completionsThisMonth: { total: number; steps: Array<{ stepId: string; programTitle: string; completedAt: string; planId: string; clientId: string; clientName: string }> };
  outcomes: { month: OutcomeCounts; year: OutcomeCounts };
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
const isoTimestamp = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The calendar (UTC) the dashboard reports on; `today` is injectable so tests pin it. */
function calendar(today: Date | string | undefined) {
  const day = typeof today === 'string' ? today : isoDay(today ?? new Date());
  const [year, month] = day.split('-').map(Number) as [number, number];
  const monthStart = `${day.slice(0, 7)}-01`;
  const nextMonthStart = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { day, monthStart, nextMonthStart, yearStart: `${year}-01-01`, nextYearStart: `${year + 1}-01-01` };
}

/**
 * The caseload at a glance, for the whole organisation or the actor's own clients, in five
 * queries: the funnel of active clients by stage, plans stalled for `stalledWeeks`, plan steps
 * starting within 30 days, steps completed this month, and outcomes this month and year.
 * Outcomes and completions count archived clients too: they are results to report.
 */
export async function caseloadDashboard(actor: Actor, input: { scope?: unknown; stalledWeeks?: unknown; today?: Date | string } = {}): Promise<CaseloadDashboard> {
  const checked = assertCaseloadAccess(actor);
  const query = parseInput(dashboardQuerySchema, { scope: input.scope, stalledWeeks: input.stalledWeeks });
  const cal = calendar(input.today);
  const until = addDays(cal.day, upcomingDays);
  const stalledBefore = `${addDays(cal.day, -7 * query.stalledWeeks)}T00:00:00Z`;
  // An API key has no caseload of its own, so "mine" is empty for it.
  const inScope = query.scope === 'mine' ? (checked.userId ? sql`c.assigned_to = ${checked.userId}` : sql`false`) : sql`true`;
  const orgClients = sql`c.org_id = ${checked.org.id} and ${inScope}`;
  const unfinished = sql`s.status not in ('completed', 'dropped')`;
  const db = getDb();

  const [stageRows, stalledRows, upcomingRows, completedRows, outcomeRows] = await Promise.all([
    db.execute<{ stage: ClientStage; n: number }>(sql`
      select c.stage, count(*)::int as n from clients c
      where ${orgClients} and c.status = 'active' group by c.stage`),
    db.execute<{ plan_id: string; plan_title: string; client_id: string; client_name: string; last_activity_at: string; unfinished_steps: number; total: number }>(sql`
      select p.id as plan_id, p.title as plan_title, c.id as client_id, c.full_name as client_name,
        ${isoTimestamp(sql`greatest(p.updated_at, max(s.updated_at))`)} as last_activity_at,
        (count(*) filter (where ${unfinished}))::int as unfinished_steps,
        (count(*) over ())::int as total
      from plans p join clients c on c.id = p.client_id join plan_steps s on s.plan_id = p.id
      where ${orgClients} and c.status = 'active' and p.status = 'active'
      group by p.id, c.id
      having count(*) filter (where ${unfinished}) > 0 and greatest(p.updated_at, max(s.updated_at)) < ${stalledBefore}::timestamptz
      order by greatest(p.updated_at, max(s.updated_at)), c.full_name
      limit ${listLimit}`),
    db.execute<{ step_id: string; program_title: string; start_date: string; status: string; plan_id: string; plan_title: string; client_id: string; client_name: string; total: number }>(sql`
      select s.id as step_id, s.program_title, s.start_date::text as start_date, s.status, p.id as plan_id, p.title as plan_title,
        c.id as client_id, c.full_name as client_name, (count(*) over ())::int as total
      from plan_steps s join plans p on p.id = s.plan_id join clients c on c.id = p.client_id
      where ${orgClients} and c.status = 'active' and p.status = 'active' and ${unfinished}
        and s.start_date between ${cal.day}::date and ${until}::date
      order by s.start_date, c.full_name
      limit ${listLimit}`),
    db.execute<{ step_id: string; program_title: string; completed_at: string; plan_id: string; client_id: string; client_name: string; total: number }>(sql`
      select s.id as step_id, s.program_title, ${isoTimestamp(sql`s.completed_at`)} as completed_at, p.id as plan_id,
        c.id as client_id, c.full_name as client_name, (count(*) over ())::int as total
      from plan_steps s join plans p on p.id = s.plan_id join clients c on c.id = p.client_id
      where ${orgClients} and s.status = 'completed'
        and s.completed_at >= ${`${cal.monthStart}T00:00:00Z`}::timestamptz and s.completed_at < ${`${cal.nextMonthStart}T00:00:00Z`}::timestamptz
      order by s.completed_at desc
      limit ${listLimit}`),
    db.execute<{ kind: 'credential_earned' | 'job_obtained'; month: number; year: number }>(sql`
      select o.kind,
        (count(*) filter (where o.occurred_on >= ${cal.monthStart}::date and o.occurred_on < ${cal.nextMonthStart}::date))::int as month,
        count(*)::int as year
      from client_outcomes o join clients c on c.id = o.client_id
      where ${orgClients} and o.occurred_on >= ${cal.yearStart}::date and o.occurred_on < ${cal.nextYearStart}::date
      group by o.kind`),
  ]);

  const countOf = new Map(stageRows.map((r) => [r.stage, r.n]));
  const funnel = clientStages.map((stage) => ({ stage, label: clientStageLabels[stage], count: countOf.get(stage) ?? 0 }));
  const outcomesOf = (period: 'month' | 'year'): OutcomeCounts => ({
    credentialEarned: outcomeRows.find((r) => r.kind === 'credential_earned')?.[period] ?? 0,
    jobObtained: outcomeRows.find((r) => r.kind === 'job_obtained')?.[period] ?? 0,
  });
  return {
    ...query,
    today: cal.day,
    funnel,
    activeClients: funnel.reduce((sum, s) => sum + s.count, 0),
    stalledPlans: {
      total: stalledRows[0]?.total ?? 0,
      plans: stalledRows.map((r) => ({ planId: r.plan_id, planTitle: r.plan_title, clientId: r.client_id, clientName: r.client_name, lastActivityAt: r.last_activity_at, unfinishedSteps: r.unfinished_steps })),
    },
    upcomingStarts: {
      total: upcomingRows[0]?.total ?? 0,
      until,
      steps: upcomingRows.map((r) => ({ stepId: r.step_id, programTitle: r.program_title, startDate: r.start_date, status: r.status, planId: r.plan_id, planTitle: r.plan_title, clientId: r.client_id, clientName: r.client_name })),
    },
    completionsThisMonth: {
      total: completedRows[0]?.total ?? 0,
      steps: completedRows.map((r) => ({ stepId: r.step_id, programTitle: r.program_title, completedAt: r.completed_at, planId: r.plan_id, clientId: r.client_id, clientName: r.client_name })),
    },
    outcomes: { month: outcomesOf('month'), year: outcomesOf('year') },
  };
}
