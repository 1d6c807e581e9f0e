import { relations, sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, bigserial, jsonb } from 'drizzle-orm/pg-core';

export const orgKinds = ['career_service', 'employer', 'training_provider'] as const;
export const orgRoles = ['admin', 'practitioner', 'employer', 'provider'] as const;

export const orgKindEnum = pgEnum('org_kind', orgKinds);
export const orgRoleEnum = pgEnum('org_role', orgRoles);

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  kind: orgKindEnum().notNull(),
  /** The platform's own catalogue organisation owns programs imported without --org. */
  isPlatformCatalogue: boolean().notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    isPlatformAdmin: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid().notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    role: orgRoleEnum().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('memberships_user_org_idx').on(t.userId, t.orgId), index('memberships_org_idx').on(t.orgId)],
);

export const invites = pgTable(
  'invites',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    role: orgRoleEnum().notNull(),
    /** Optional: when set, only this address may accept. */
    email: text(),
    tokenHash: text().notNull().unique(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('invites_org_idx').on(t.orgId)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    role: orgRoleEnum().notNull(),
    /** First characters of the key, shown in lists so people can tell keys apart. */
    prefix: text().notNull(),
    keyHash: text().notNull().unique(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('api_keys_org_idx').on(t.orgId)],
);

/** Sign-in attempts, kept in Postgres so the rate limit holds across app instances. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    email: text().notNull(),
    ip: text().notNull(),
    isSuccess: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.createdAt), index('login_attempts_ip_idx').on(t.ip, t.createdAt)],
);

/** Small key/value facts about this installation (e.g. when demo data was seeded). */
export const appMeta = pgTable('app_meta', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: createdAt(),
});

export const organisationsRelations = relations(organisations, ({ many }) => ({
  memberships: many(memberships),
  invites: many(invites),
  apiKeys: many(apiKeys),
}));
export const usersRelations = relations(users, ({ many }) => ({ memberships: many(memberships) }));
export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  organisation: one(organisations, { fields: [memberships.orgId], references: [organisations.id] }),
}));
export const invitesRelations = relations(invites, ({ one }) => ({
  organisation: one(organisations, { fields: [invites.orgId], references: [organisations.id] }),
}));
export const apiKeysRelations = relations(apiKeys, ({ one }) => ({
  organisation: one(organisations, { fields: [apiKeys.orgId], references: [organisations.id] }),
}));

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type OrgKind = (typeof orgKinds)[number];
export type OrgRole = (typeof orgRoles)[number];
