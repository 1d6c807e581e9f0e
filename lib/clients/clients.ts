import 'server-only';
import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { clientEvents, clients, memberships, users, type Client } from '@/db/schema';
import { type Actor, authorize } from '@/lib/auth/actor';
import { AppError, notFound, parseInput, validationError } from '@/lib/errors';
import { clientInputSchema, clientListSchema, type ClientInput } from './client-schema';
import { isUuid } from '@/lib/ids';

/** Practitioners and admins of a career service manage its caseload; nobody else sees it. */
export function assertCaseloadAccess(actor: Actor | null): Actor & { org: NonNullable<Actor['org']> } {
  const checked = authorize(actor, 'clients:manage');
  if (!checked.org || checked.org.kind !== 'career_service') throw new AppError('forbidden', 'Clients belong to career services: sign in with your career service account.');
  return checked as Actor & { org: NonNullable<Actor['org']> };
}

/** A signed-in job seeker (no organisation) acting on their own client record. */
const isSeekerSelf = (actor: Actor | null): actor is Actor & { userId: string } => actor?.role === 'seeker' && !actor.org && !!actor.userId;

/**
 * A client of the actor's organisation; any other id is "not found", so ids never leak.
 * With `allowSelf`, a seeker may also open the one record linked to their own account
 * (to read it, or mark progress); with `'self_managed'`, only while no career service
 * manages it (self-service: then they edit their skills and goal themselves).
 */
export async function findOrgClient(db: Db, actor: Actor, id: string, lock = false, opts: { allowSelf?: boolean | 'self_managed' } = {}): Promise<Client> {
  if (!isUuid(id)) throw notFound('Client');
  const own = isSeekerSelf(actor) ? eq(clients.seekerUserId, actor.userId) : undefined;
  const scope = opts.allowSelf && own ? (opts.allowSelf === 'self_managed' ? and(own, isNull(clients.orgId)) : own) : eq(clients.orgId, assertCaseloadAccess(actor).org.id);
  const query = db.select().from(clients).where(and(eq(clients.id, id), scope));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Client');
  return row;
}

/** The client record linked to a signed-in seeker's account, if any. */
export async function findOwnClientRecord(db: Db, actor: Actor | null): Promise<Client | null> {
  if (!isSeekerSelf(actor)) return null;
  const [row] = await db.select().from(clients).where(eq(clients.seekerUserId, actor.userId));
  return row ?? null;
}

export async function recordClientEvent(db: Db, clientId: string, actor: Actor, kind: string, message: string): Promise<void> {
  await db.insert(clientEvents).values({ clientId, actorUserId: actor.userId, kind, message });
}

/** The practitioner a client is assigned to must belong to the same organisation. */
async function assertAssignable(db: Db, orgId: string, userId: string | undefined) {
  if (!userId) return;
  const [member] = await db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  if (!member) throw validationError({ assignedTo: ['Choose a member of your organisation.'] });
}

/** A validated client input as table columns (practitioner forms, API and self-service). */
export const clientColumns = (input: ClientInput) => ({
  fullName: input.fullName,
  email: input.email ?? null,
  phone: input.phone ?? null,
  country: input.country ?? input.region?.split('-')[0] ?? null,
  region: input.region ?? null,
  city: input.city ?? null,
  deliveryModes: input.deliveryModes,
  languages: input.languages,
  maxBudget: input.maxBudget ?? null,
  budgetCurrency: input.budgetCurrency ?? null,
  hoursPerWeek: input.hoursPerWeek ?? null,
  earliestStart: input.earliestStart ?? null,
  travelRadiusKm: input.travelRadiusKm ?? null,
  consentDataProcessing: input.consentDataProcessing,
  consentEmployerVisible: input.consentEmployerVisible,
});

export async function createClient(actor: Actor, raw: unknown): Promise<Client> {
  const checked = assertCaseloadAccess(actor);
  const input = parseInput(clientInputSchema, raw);
  return getDb().transaction(async (tx) => {
    await assertAssignable(tx, checked.org.id, input.assignedTo);
    const [row] = await tx
      .insert(clients)
      .values({
        ...clientColumns(input),
        orgId: checked.org.id,
        // A practitioner's new client is theirs unless they say otherwise.
        assignedTo: input.assignedTo ?? (checked.role === 'practitioner' ? checked.userId : null),
        consentRecordedAt: input.consentDataProcessing || input.consentEmployerVisible ? new Date() : null,
      })
      .returning();
    await recordClientEvent(tx, row!.id, actor, 'created', `Client record created${input.consentDataProcessing ? ' with consent to data processing' : ''}.`);
    return row!;
  });
}

/** The stored client in the input shape, so a partial change is validated as a whole. */
function clientInputFromRow(c: Client): Record<string, unknown> {
  const opt = <T>(v: T | null) => v ?? undefined;
  return {
    fullName: c.fullName, email: opt(c.email), phone: opt(c.phone), country: opt(c.country), region: opt(c.region), city: opt(c.city),
    deliveryModes: c.deliveryModes, languages: c.languages, maxBudget: opt(c.maxBudget), budgetCurrency: opt(c.budgetCurrency),
    hoursPerWeek: opt(c.hoursPerWeek), earliestStart: opt(c.earliestStart), travelRadiusKm: opt(c.travelRadiusKm),
    consentDataProcessing: c.consentDataProcessing, consentEmployerVisible: c.consentEmployerVisible, assignedTo: opt(c.assignedTo),
  };
}

export async function updateClient(actor: Actor, id: string, patch: Record<string, unknown>): Promise<Client> {
  return getDb().transaction(async (tx) => {
    const existing = await findOrgClient(tx, actor, id, true);
    const input = parseInput(clientInputSchema, { ...clientInputFromRow(existing), ...patch });
    await assertAssignable(tx, existing.orgId!, input.assignedTo);
    const consentChanged = input.consentDataProcessing !== existing.consentDataProcessing || input.consentEmployerVisible !== existing.consentEmployerVisible;
    const [row] = await tx
      .update(clients)
      .set({ ...clientColumns(input), assignedTo: input.assignedTo ?? null, updatedAt: new Date(), ...(consentChanged ? { consentRecordedAt: new Date() } : {}) })
      .where(eq(clients.id, existing.id))
      .returning();
    if (consentChanged) {
      const consent = `data processing ${input.consentDataProcessing ? 'given' : 'withdrawn'}, visible to employers ${input.consentEmployerVisible ? 'yes' : 'no'}`;
      await recordClientEvent(tx, existing.id, actor, 'consent', `Consent updated: ${consent}.`);
    }
    if ((input.assignedTo ?? null) !== existing.assignedTo) await recordClientEvent(tx, existing.id, actor, 'assigned', input.assignedTo ? 'Assigned to a practitioner.' : 'Unassigned.');
    await recordClientEvent(tx, existing.id, actor, 'updated', 'Details updated.');
    return row!;
  });
}

export async function setClientStatus(actor: Actor, id: string, status: 'active' | 'archived'): Promise<Client> {
  return getDb().transaction(async (tx) => {
    const existing = await findOrgClient(tx, actor, id, true);
    const [row] = await tx.update(clients).set({ status, updatedAt: new Date() }).where(eq(clients.id, existing.id)).returning();
    await recordClientEvent(tx, existing.id, actor, status, status === 'archived' ? 'Archived.' : 'Restored from the archive.');
    return row!;
  });
}

export async function addClientNote(actor: Actor, id: string, raw: unknown): Promise<void> {
  const note = typeof raw === 'string' ? raw.trim() : '';
  if (!note) throw validationError({ note: ['Write the note first.'] });
  if (note.length > 4000) throw validationError({ note: ['Keep a note under 4,000 characters.'] });
  await getDb().transaction(async (tx) => {
    const client = await findOrgClient(tx, actor, id);
    await recordClientEvent(tx, client.id, actor, 'note', note);
  });
}

export type ClientListItem = Client & { assignedName: string | null };

/** The caseload: the organisation's clients, filtered by status, practitioner, region or name. */
export async function listClients(actor: Actor, raw: unknown = {}): Promise<ClientListItem[]> {
  const checked = assertCaseloadAccess(actor);
  const filter = parseInput(clientListSchema, raw);
  const conditions: SQL[] = [eq(clients.orgId, checked.org.id), eq(clients.status, filter.status)];
  if (filter.assignedTo === 'me') conditions.push(checked.userId ? eq(clients.assignedTo, checked.userId) : isNull(clients.id));
  else if (filter.assignedTo === 'none') conditions.push(isNull(clients.assignedTo));
  else if (filter.assignedTo) conditions.push(eq(clients.assignedTo, filter.assignedTo));
  if (filter.region) conditions.push(or(eq(clients.region, filter.region), eq(clients.country, filter.region))!);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(or(ilike(clients.fullName, like), ilike(clients.email, like))!);
  }
  const rows = await getDb()
    .select({ client: clients, assignedName: users.name })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.assignedTo))
    .where(and(...conditions))
    .orderBy(asc(clients.fullName))
    .limit(500);
  return rows.map((r) => ({ ...r.client, assignedName: r.assignedName }));
}

export async function getClient(actor: Actor, id: string) {
  const db = getDb();
  const client = await findOrgClient(db, actor, id);
  const [assigned, events] = await Promise.all([
    client.assignedTo ? db.select({ name: users.name }).from(users).where(eq(users.id, client.assignedTo)) : Promise.resolve([]),
    db
      .select({ id: clientEvents.id, kind: clientEvents.kind, message: clientEvents.message, createdAt: clientEvents.createdAt, actorName: users.name })
      .from(clientEvents)
      .leftJoin(users, eq(users.id, clientEvents.actorUserId))
      .where(eq(clientEvents.clientId, client.id))
      .orderBy(desc(clientEvents.createdAt), desc(clientEvents.id))
      .limit(100),
  ]);
  return { client, assignedName: assigned[0]?.name ?? null, events };
}

/** Members a client can be assigned to (practitioners and admins of the organisation). */
export async function assignableMembers(actor: Actor): Promise<Array<{ userId: string; name: string }>> {
  const checked = assertCaseloadAccess(actor);
  return getDb()
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, checked.org.id), sql`${memberships.role} in ('practitioner', 'admin')`))
    .orderBy(asc(users.name));
}
