import 'server-only';
import type postgres from 'postgres';
import { sqlClient } from '@/db';
import { toEur } from '@/lib/catalog/currency';
import type { DeliveryMode, Pace } from '@/lib/catalog/vocabulary';
import type { ProgramFacts } from './constraints';
import { ProgramColumns } from './program-columns';

/*
 * The catalogue as recommendations need it, kept in memory for the whole process: per program
 * the facts the constraints read and its resolved links, and per skill the published programs
 * teaching it (accepted skills). Loading it takes seconds on 100,000 programs; each use then
 * costs one cheap version query, and a change reloads only the programs updated since.
 *
 * Every write that changes what is held here moves `programs.updated_at` of the programs it
 * changes (their row, their accepted skills, their resolved links), so the version
 * (deletions, latest update) moves with it; a deletion (counted by triggers in
 * `catalogue_changes`) forces a full reload.
 */

export type IndexedProgram = ProgramFacts & {
  id: string;
  isPublished: boolean;
  /** The provider named something it stacks into, resolved to a program or not. */
  hasStacksIntoNames: boolean;
  /** Accepted skills. */
  skillIds: string[];
  /** Resolved link targets of any status (callers keep the published ones), by title then id. */
  stacksIntoIds: string[];
  requiresIds: string[];
};

export type CandidateIndex = {
  programs: IndexedProgram[];
  /** The facts the constraints read, by slot: what the scan over every candidate reads. */
  columns: ProgramColumns;
  slotById: Map<string, number>;
  /** Slots of published programs teaching each skill. */
  teaching: Map<string, number[]>;
};

type Version = { deletions: number; latestUpdate: string | null; oldestOpenTransaction: string | null };
type State = { index: CandidateIndex; version: Version };

type ProgramRow = {
  id: string; is_published: boolean; delivery_mode: DeliveryMode; pace: Pace | null; country: string | null; region: string | null;
  latitude: number | null; longitude: number | null; open_worldwide: boolean; open_countries: string[]; languages: string[];
  cost: number | null; currency: string | null; hours: number | null; weeks: number | null; start_dates: string[];
  has_stacks_into_names: boolean; skill_ids: string[]; stacks_into_ids: string[]; requires_ids: string[];
};

const cursorRows = 5_000;

// numeric columns come back as float8: the same doubles `Number()` made of their text.
const selectPrograms = (sql: postgres.Sql, where: postgres.PendingQuery<postgres.Row[]>) => sql<ProgramRow[]>`
  select p.id, p.status = 'published' as is_published, p.delivery_mode, p.pace, p.country, p.region, p.latitude, p.longitude,
    p.open_worldwide, p.open_countries, p.languages, p.cost::float8 as cost, p.currency, p.hours::float8 as hours, p.weeks::float8 as weeks,
    p.start_dates::text[] as start_dates, cardinality(p.stacks_into) > 0 as has_stacks_into_names,
    array(select ps.skill_id from program_skills ps where ps.program_id = p.id and ps.status = 'accepted') as skill_ids,
    array(select l.target_program_id from program_links l join programs t on t.id = l.target_program_id
          where l.program_id = p.id and l.kind = 'stacks_into' order by t.title, t.id) as stacks_into_ids,
    array(select l.target_program_id from program_links l join programs t on t.id = l.target_program_id
          where l.program_id = p.id and l.kind = 'requires' order by t.title, t.id) as requires_ids
  from programs p ${where}`;

/** Shares equal strings and string lists between programs: most hold the same few languages, countries and dates. */
function interner() {
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const string = (s: string) => strings.get(s) ?? (strings.set(s, s), s);
  const none: string[] = [];
  return {
    string,
    /** Program ids are unique: only the empty list is worth sharing. */
    ids: (values: string[]) => (values.length === 0 ? none : values),
    list(values: string[]): string[] {
      const key = values.join('\u0000');
      const known = lists.get(key);
      if (known) return known;
      const shared = values.map(string);
      lists.set(key, shared);
      return shared;
    },
  };
}

type Interner = ReturnType<typeof interner>;

function programOf(row: ProgramRow, shared: Interner): IndexedProgram {
  return {
    id: row.id,
    isPublished: row.is_published,
    deliveryMode: row.delivery_mode, pace: row.pace, country: row.country && shared.string(row.country), region: row.region && shared.string(row.region),
    latitude: row.latitude, longitude: row.longitude, openWorldwide: row.open_worldwide, openCountries: shared.list(row.open_countries),
    languages: shared.list(row.languages), cost: row.cost, costEur: toEur(row.cost, row.currency), hours: row.hours, weeks: row.weeks,
    startDates: shared.list([...row.start_dates].sort()),
    hasStacksIntoNames: row.has_stacks_into_names,
    skillIds: shared.list(row.skill_ids),
    stacksIntoIds: shared.ids(row.stacks_into_ids),
    requiresIds: shared.ids(row.requires_ids),
  };
}

function post(index: CandidateIndex, slot: number, program: IndexedProgram) {
  if (!program.isPublished) return;
  for (const skillId of program.skillIds) {
    const slots = index.teaching.get(skillId);
    if (slots) slots.push(slot);
    else index.teaching.set(skillId, [slot]);
  }
}

function unpost(index: CandidateIndex, slot: number, program: IndexedProgram) {
  if (!program.isPublished) return;
  for (const skillId of program.skillIds) {
    const slots = index.teaching.get(skillId)!;
    slots.splice(slots.indexOf(slot), 1);
  }
}

function upsert(index: CandidateIndex, program: IndexedProgram) {
  const slot = index.slotById.get(program.id);
  if (slot === undefined) {
    index.slotById.set(program.id, index.programs.length);
    index.columns.set(index.programs.length, program);
    post(index, index.programs.length, program);
    index.programs.push(program);
    return;
  }
  index.columns.set(slot, program);
  unpost(index, slot, index.programs[slot]!);
  index.programs[slot] = program;
  post(index, slot, program);
}

/**
 * The version of the catalogue: how many deletions so far and the latest update, plus when the oldest
 * transaction still open began. Rows that transaction commits later carry an earlier
 * `updated_at` than the latest seen now, so the next incremental load starts from there.
 */
async function readVersion(sql: postgres.Sql): Promise<Version> {
  const [row] = await sql<Array<{ deletions: number; latest_update: string | null; oldest_open_transaction: string | null }>>`
    select (select deletions::float8 from catalogue_changes) as deletions, (select max(updated_at)::text from programs) as latest_update,
      (select min(xact_start)::text from pg_stat_activity
       where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid() and xact_start is not null) as oldest_open_transaction`;
  return { deletions: row!.deletions, latestUpdate: row!.latest_update, oldestOpenTransaction: row!.oldest_open_transaction };
}

const isSameVersion = (a: Version, b: Version) => a.deletions === b.deletions && a.latestUpdate === b.latestUpdate;

const emptyIndex = (): CandidateIndex => ({ programs: [], columns: new ProgramColumns(), slotById: new Map(), teaching: new Map() });

/** An index of the given programs, as a load from the database builds it (tests use small ones). */
export function candidateIndexOf(programs: IndexedProgram[]): CandidateIndex {
  const index = emptyIndex();
  for (const program of programs) upsert(index, program);
  return index;
}

async function loadAll(sql: postgres.Sql): Promise<CandidateIndex> {
  const index = emptyIndex();
  const shared = interner();
  await selectPrograms(sql, sql``).cursor(cursorRows, (rows) => {
    for (const row of rows) upsert(index, programOf(row, shared));
  });
  return index;
}

/** Applies programs updated since the last load; false when only a full reload will do (a deletion, or nothing loaded yet). */
async function loadChanges(sql: postgres.Sql, index: CandidateIndex, since: Version, now: Version): Promise<boolean> {
  if (since.latestUpdate === null || since.deletions !== now.deletions) return false;
  const shared = interner();
  // least() skips a null: no transaction was open.
  await selectPrograms(sql, sql`where p.updated_at >= least(${since.latestUpdate}::timestamptz, ${since.oldestOpenTransaction}::timestamptz)`).cursor(cursorRows, (rows) => {
    for (const row of rows) upsert(index, programOf(row, shared));
  });
  return true;
}

let state: State | null = null;
let refreshing: { startedAt: number; done: Promise<void> } | null = null;
let requests = 0;

async function refresh(sql: postgres.Sql): Promise<void> {
  const version = await readVersion(sql);
  if (state && isSameVersion(state.version, version)) return;
  if (state && (await loadChanges(sql, state.index, state.version, version))) {
    state = { index: state.index, version };
    return;
  }
  state = { index: await loadAll(sql), version };
}

/**
 * The index, current as of this call: it reads the catalogue version and, when that moved,
 * waits for a reload that began after this call did (concurrent callers share it).
 */
export async function currentCandidateIndex(): Promise<CandidateIndex> {
  const sql = sqlClient();
  const requestedAt = ++requests;
  const version = await readVersion(sql);
  if (state && isSameVersion(state.version, version)) return state.index;
  for (;;) {
    if (!refreshing) {
      const startedAt = ++requests;
      const done = refresh(sql).finally(() => {
        if (refreshing?.startedAt === startedAt) refreshing = null;
      });
      refreshing = { startedAt, done };
    }
    const current = refreshing;
    await current.done;
    if (current.startedAt > requestedAt) return state!.index;
  }
}
