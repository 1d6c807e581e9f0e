import { relations, sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, doublePrecision, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { credentialTypes, deliveryModes, paces, programSources, programStatuses } from '@/lib/catalog/vocabulary';
import { gapSkillLevels, gapUrgencies } from '@/lib/employers/vocabulary';

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

export const credentialTypeEnum = pgEnum('credential_type', credentialTypes);
export const deliveryModeEnum = pgEnum('delivery_mode', deliveryModes);
export const programStatusEnum = pgEnum('program_status', programStatuses);
export const paceEnum = pgEnum('pace', paces);
export const programSourceEnum = pgEnum('program_source', programSources);

const money = () => numeric({ precision: 12, scale: 2, mode: 'number' });

/** A micro-credential program, modelled on the EU standard elements and CTDL (see docs in lib/catalog). */
export const programs = pgTable(
  'programs',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    slug: text().notNull().unique(),
    externalId: text(),
    title: text().notNull(),
    summary: text(),
    description: text(),
    learningOutcomes: text().array().notNull().default(sql`'{}'`),
    providerName: text().notNull(),
    providerCountry: text(),
    providerWebsite: text(),
    credentialType: credentialTypeEnum().notNull(),
    fieldOfStudy: text(),
    country: text(),
    region: text(),
    city: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    openWorldwide: boolean().notNull().default(false),
    openCountries: text().array().notNull().default(sql`'{}'`),
    deliveryMode: deliveryModeEnum().notNull(),
    languages: text().array().notNull().default(sql`'{}'`),
    hours: numeric({ precision: 8, scale: 1, mode: 'number' }),
    ects: numeric({ precision: 6, scale: 1, mode: 'number' }),
    weeks: numeric({ precision: 6, scale: 1, mode: 'number' }),
    pace: paceEnum(),
    eqfLevel: integer(),
    assessmentType: text(),
    isCreditBearing: boolean().notNull().default(false),
    creditValue: numeric({ precision: 6, scale: 1, mode: 'number' }),
    creditQualification: text(),
    stacksInto: text().array().notNull().default(sql`'{}'`),
    prerequisites: text().array().notNull().default(sql`'{}'`),
    qaType: text(),
    qaBody: text(),
    cost: money(),
    currency: text(),
    fundingOptions: text().array().notNull().default(sql`'{}'`),
    startDates: date({ mode: 'string' }).array().notNull().default(sql`'{}'`),
    url: text(),
    badgeImageUrl: text(),
    status: programStatusEnum().notNull().default('draft'),
    source: programSourceEnum().notNull().default('manual'),
    // `ctid` is a Postgres system column name.
    ctid: text('ce_ctid'),
    /** Skill labels/ids as given, until the skills taxonomy resolves them. */
    skillRefs: text().array().notNull().default(sql`'{}'`),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('programs_org_external_id_idx').on(t.orgId, t.externalId),
    index('programs_org_status_idx').on(t.orgId, t.status),
    index('programs_status_idx').on(t.status),
    index('programs_updated_at_idx').on(t.updatedAt),
  ],
);

/**
 * Stackability and prerequisites resolved to other programs (the text form stays on
 * the program so nothing given is lost when no program matches).
 */
export const programLinks = pgTable(
  'program_links',
  {
    programId: uuid().notNull().references(() => programs.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['stacks_into', 'requires'] }).notNull(),
    targetProgramId: uuid().notNull().references(() => programs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.programId, t.kind, t.targetProgramId] }), index('program_links_target_idx').on(t.targetProgramId, t.kind)],
);

/**
 * How many statements have deleted programs (one row, counted by triggers on DELETE and
 * TRUNCATE of programs; see migration 0006). With the latest `programs.updated_at` it is the
 * catalogue version the recommendation index checks: reading it is cheaper than counting
 * programs on every recommendation.
 */
export const catalogueChanges = pgTable('catalogue_changes', {
  id: boolean().primaryKey().default(true),
  deletions: bigint({ mode: 'number' }).notNull().default(0),
});

/**
 * Transactional outbox: every change to an indexed entity writes a row in the same
 * transaction; the sync worker pushes them to Meilisearch and retries with backoff.
 */
export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    entity: text().notNull(),
    entityId: uuid().notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('search_outbox_due_idx').on(t.nextAttemptAt, t.id)],
);

/** A file import: validated first (dry run), confirmed, then run with progress. */
export const programImports = pgTable(
  'program_imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    filename: text().notNull(),
    format: text({ enum: ['csv', 'json', 'ctdl'] }).notNull(),
    status: text({ enum: ['validating', 'validated', 'importing', 'completed', 'failed'] }).notNull(),
    totalRows: integer().notNull().default(0),
    validRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    /** The first row errors: { row, field, message }. */
    errors: jsonb().$type<Array<{ row: number; field: string; message: string }>>().notNull().default(sql`'[]'`),
    errorCount: integer().notNull().default(0),
    /** Skill references no taxonomy skill answers (the rows still import), first 200. */
    unresolvedSkills: jsonb().$type<Array<{ ref: string; rows: number[] }>>().notNull().default(sql`'[]'`),
    unresolvedSkillCount: integer().notNull().default(0),
    message: text(),
    /** Kept until the import is confirmed, so confirm runs exactly what was checked. */
    content: text(),
    createdAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('program_imports_org_idx').on(t.orgId, t.createdAt)],
);

/* ——— Skills taxonomy (ESCO backbone, O*NET linked) ——— */

export const skillSources = ['esco', 'onet', 'custom'] as const;
export const skillKinds = ['skill', 'knowledge', 'tool'] as const;
export const skillSourceEnum = pgEnum('skill_source', skillSources);
export const skillKindEnum = pgEnum('skill_kind', skillKinds);

/**
 * One catalogue of skills practitioners pick from. ESCO skills are the backbone; O*NET
 * technology examples are merged into the ESCO skill with the same normalised label, or
 * kept as their own `tool` skill; O*NET's 35 skills and 33 knowledge areas are `onet` rows.
 * Every row keeps its source identifier.
 */
export const skills = pgTable(
  'skills',
  {
    id: uuid().primaryKey().defaultRandom(),
    source: skillSourceEnum().notNull(),
    /** ESCO concept URI, `onet:<element id>`, `onet-tech:<normalised label>` or `custom:<uuid>`. */
    sourceUri: text().notNull().unique(),
    preferredLabel: text().notNull(),
    altLabels: text().array().notNull().default(sql`'{}'`),
    description: text(),
    kind: skillKindEnum().notNull(),
    /** ESCO reuse level: transversal, cross-sector, sector-specific, occupation-specific. */
    reuseLevel: text(),
    /** O*NET technology examples merged into this skill (labels as O*NET writes them). */
    onetTechnologies: text().array().notNull().default(sql`'{}'`),
    onetCommodityCodes: text().array().notNull().default(sql`'{}'`),
    /** National (US) labour-market signals O*NET publishes for technologies. */
    isHotTechnology: boolean().notNull().default(false),
    /** In Demand for at least one occupation; `inDemandOccupations` says how many. */
    inDemandOccupations: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** For custom skills: the organisation whose admin added it (it may edit or remove it). */
    orgId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('skills_label_lower_idx').on(sql`lower(${t.preferredLabel})`), index('skills_source_idx').on(t.source)],
);

export const occupationSources = ['esco', 'onet'] as const;
export const occupationSourceEnum = pgEnum('occupation_source', occupationSources);

export const occupations = pgTable(
  'occupations',
  {
    id: uuid().primaryKey().defaultRandom(),
    source: occupationSourceEnum().notNull(),
    /** ESCO concept URI or `onet:<O*NET-SOC code>`. */
    sourceUri: text().notNull().unique(),
    /** O*NET-SOC code (15-1252.00) or ESCO code (ISCO-based, 2654.1.7). */
    code: text().notNull(),
    title: text().notNull(),
    altTitles: text().array().notNull().default(sql`'{}'`),
    description: text(),
    iscoGroup: text(),
    /** O*NET job zone 1–5 (preparation needed). */
    jobZone: integer(),
    createdAt: createdAt(),
  },
  (t) => [index('occupations_code_idx').on(t.code)],
);

/** Required skills of an occupation: O*NET importance (1–5), ESCO essential (4) / optional (2). */
export const occupationSkills = pgTable(
  'occupation_skills',
  {
    occupationId: uuid().notNull().references(() => occupations.id, { onDelete: 'cascade' }),
    skillId: uuid().notNull().references(() => skills.id, { onDelete: 'cascade' }),
    relation: text({ enum: ['essential', 'optional', 'rated', 'technology'] }).notNull(),
    importance: doublePrecision().notNull(),
    /** O*NET technology In Demand flag for this occupation. */
    isInDemand: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.occupationId, t.skillId] }), index('occupation_skills_skill_idx').on(t.skillId)],
);

/* ——— Programs ↔ skills ——— */

export const programSkillStatuses = ['accepted', 'suggested', 'rejected'] as const;
export const programSkillOrigins = ['provider', 'import', 'extracted'] as const;

/**
 * Skills a program teaches. `accepted` rows are what search indexes; `suggested` rows come
 * from the extractor (with its confidence and the phrase it matched) until a reviewer accepts
 * or rejects them; `rejected` rows stop the same suggestion coming back.
 */
export const programSkills = pgTable(
  'program_skills',
  {
    programId: uuid().notNull().references(() => programs.id, { onDelete: 'cascade' }),
    skillId: uuid().notNull().references(() => skills.id, { onDelete: 'cascade' }),
    status: text({ enum: programSkillStatuses }).notNull(),
    origin: text({ enum: programSkillOrigins }).notNull(),
    confidence: doublePrecision(),
    matched: text(),
    reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.skillId] }), index('program_skills_skill_idx').on(t.skillId, t.status)],
);

/* ——— Demand ——— */

export const demandSignalKinds = ['hot_technology', 'in_demand_technology', 'regional_employment'] as const;

/**
 * Labour-market signals per skill and region (ISO country `US` or subdivision `US-NY`),
 * loaded with the taxonomy. `strength` is 0–1; scores decay from `observedOn`.
 */
export const skillDemandSignals = pgTable(
  'skill_demand_signals',
  {
    skillId: uuid().notNull().references(() => skills.id, { onDelete: 'cascade' }),
    region: text().notNull(),
    kind: text({ enum: demandSignalKinds }).notNull(),
    strength: doublePrecision().notNull(),
    observedOn: date({ mode: 'string' }).notNull(),
    detail: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.skillId, t.region, t.kind] }), index('skill_demand_signals_region_idx').on(t.region)],
);


/** An employer's posted skill gap: open gaps feed the demand of their region. */
export const skillGaps = pgTable(
  'skill_gaps',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    roleTitle: text().notNull(),
    occupationId: uuid().references(() => occupations.id, { onDelete: 'set null' }),
    country: text().notNull(),
    region: text().notNull(),
    city: text(),
    headcount: integer().notNull(),
    urgency: text({ enum: gapUrgencies }).notNull().default('medium'),
    targetDate: date({ mode: 'string' }),
    description: text(),
    status: text({ enum: ['open', 'closed'] }).notNull().default('open'),
    /** When the gap was (re)opened: demand decays from here. */
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('skill_gaps_org_idx').on(t.orgId, t.status), index('skill_gaps_region_idx').on(t.region, t.status)],
);

export const skillGapSkills = pgTable(
  'skill_gap_skills',
  {
    gapId: uuid().notNull().references(() => skillGaps.id, { onDelete: 'cascade' }),
    skillId: uuid().notNull().references(() => skills.id, { onDelete: 'cascade' }),
    level: text({ enum: gapSkillLevels }).notNull().default('intermediate'),
    isMustHave: boolean().notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.gapId, t.skillId] }), index('skill_gap_skills_skill_idx').on(t.skillId)],
);

/* ——— Practitioner workspace: clients and their goals ——— */

export const clientStages = ['intake', 'goal_set', 'plan_active', 'in_training', 'credential_earned', 'employed'] as const;
export const clientSkillEvidence = ['self_reported', 'practitioner_assessed', 'badge_verified', 'completed_program'] as const;
export const goalKinds = ['occupation', 'gap', 'custom'] as const;

/** A career service's client (job seeker), with constraints for recommendations and consent. */
export const clients = pgTable(
  'clients',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The career service; null while a job seeker manages their own record (self-service). */
    orgId: uuid().references(() => organisations.id, { onDelete: 'cascade' }),
    assignedTo: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** The seeker account linked to this record, once the client signs in. */
    seekerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    fullName: text().notNull(),
    email: text(),
    phone: text(),
    country: text(),
    region: text(),
    city: text(),
    deliveryModes: text().array().notNull().default(sql`'{}'`),
    languages: text().array().notNull().default(sql`'{}'`),
    maxBudget: numeric({ precision: 12, scale: 2, mode: 'number' }),
    budgetCurrency: text(),
    hoursPerWeek: integer(),
    earliestStart: date({ mode: 'string' }),
    travelRadiusKm: integer(),
    /** Consent to Credpath processing their data (and counting them, anonymously, in regional supply). */
    consentDataProcessing: boolean().notNull().default(false),
    /** Opted in to employers seeing their name next to matching skill gaps. */
    consentEmployerVisible: boolean().notNull().default(false),
    consentRecordedAt: timestamp({ withTimezone: true }),
    stage: text({ enum: clientStages }).notNull().default('intake'),
    status: text({ enum: ['active', 'archived'] }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('clients_org_idx').on(t.orgId, t.status), index('clients_region_idx').on(t.region), uniqueIndex('clients_seeker_idx').on(t.seekerUserId)],
);

export const clientSkills = pgTable(
  'client_skills',
  {
    clientId: uuid().notNull().references(() => clients.id, { onDelete: 'cascade' }),
    skillId: uuid().notNull().references(() => skills.id, { onDelete: 'cascade' }),
    level: text({ enum: gapSkillLevels }).notNull().default('intermediate'),
    evidence: text({ enum: clientSkillEvidence }).notNull().default('self_reported'),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.skillId] }), index('client_skills_skill_idx').on(t.skillId)],
);

/** Who did what to a client record, when: the timeline. */
export const clientEvents = pgTable(
  'client_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    clientId: uuid().notNull().references(() => clients.id, { onDelete: 'cascade' }),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: text().notNull(),
    message: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('client_events_client_idx').on(t.clientId, t.createdAt)],
);

/** A client's career goal: a target occupation, an employer gap or a custom set of skills. */
export const clientGoals = pgTable(
  'client_goals',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid().notNull().references(() => clients.id, { onDelete: 'cascade' }),
    kind: text({ enum: goalKinds }).notNull(),
    occupationId: uuid().references(() => occupations.id, { onDelete: 'set null' }),
    gapId: uuid().references(() => skillGaps.id, { onDelete: 'set null' }),
    title: text().notNull(),
    targetDate: date({ mode: 'string' }),
    priority: integer().notNull().default(3),
    status: text({ enum: ['active', 'achieved', 'dropped'] }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('client_goals_client_idx').on(t.clientId), index('client_goals_gap_idx').on(t.gapId)],
);

/** The skills a goal requires, with importance 1–5 (snapshot of the occupation or gap when set). */
export const clientGoalSkills = pgTable(
  'client_goal_skills',
  {
    goalId: uuid().notNull().references(() => clientGoals.id, { onDelete: 'cascade' }),
    skillId: uuid().notNull().references(() => skills.id, { onDelete: 'cascade' }),
    importance: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.skillId] }), index('client_goal_skills_skill_idx').on(t.skillId)],
);

/* ——— Plans: recommended programs turned into an ordered, tracked, shareable plan ——— */

export const planStepStatuses = ['planned', 'enrolled', 'in_progress', 'completed', 'dropped'] as const;

/** A client's plan towards one goal. `version` grows on every change, so a stale edit is detected. */
export const plans = pgTable(
  'plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid().notNull().references(() => clients.id, { onDelete: 'cascade' }),
    goalId: uuid().references(() => clientGoals.id, { onDelete: 'set null' }),
    title: text().notNull(),
    status: text({ enum: ['active', 'archived'] }).notNull().default('active'),
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plans_client_idx').on(t.clientId), index('plans_goal_idx').on(t.goalId)],
);

/**
 * A program in a plan. Title, provider, cost and duration are a snapshot taken when the step
 * was added, so a program later archived or deleted still shows what was planned.
 */
export const planSteps = pgTable(
  'plan_steps',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid().notNull().references(() => plans.id, { onDelete: 'cascade' }),
    programId: uuid().references(() => programs.id, { onDelete: 'set null' }),
    position: integer().notNull(),
    status: text({ enum: planStepStatuses }).notNull().default('planned'),
    programTitle: text().notNull(),
    providerName: text(),
    cost: numeric({ precision: 12, scale: 2, mode: 'number' }),
    currency: text(),
    hours: numeric({ precision: 8, scale: 1, mode: 'number' }),
    weeks: numeric({ precision: 6, scale: 1, mode: 'number' }),
    /** The goal's gap skills this step was chosen for. */
    gapSkillIds: uuid().array().notNull().default(sql`'{}'`),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    notes: text(),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_steps_plan_idx').on(t.planId, t.position), index('plan_steps_program_idx').on(t.programId)],
);

/** Comments on a plan (or one of its steps) by the practitioner or the client. */
export const planComments = pgTable(
  'plan_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid().notNull().references(() => plans.id, { onDelete: 'cascade' }),
    stepId: uuid().references(() => planSteps.id, { onDelete: 'cascade' }),
    authorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    authorName: text().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('plan_comments_plan_idx').on(t.planId, t.createdAt)],
);

/** Read-only links to a plan that expire; only the token's hash is stored. */
export const planShareLinks = pgTable(
  'plan_share_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid().notNull().references(() => plans.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('plan_share_links_plan_idx').on(t.planId)],
);

/** Programs a practitioner excluded from a goal's recommendations. */
export const goalExcludedPrograms = pgTable(
  'goal_excluded_programs',
  {
    goalId: uuid().notNull().references(() => clientGoals.id, { onDelete: 'cascade' }),
    programId: uuid().notNull().references(() => programs.id, { onDelete: 'cascade' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.programId] })],
);

export const outcomeKinds = ['credential_earned', 'job_obtained'] as const;

/** Results a career service reports: a credential earned or a job obtained, with its date. */
export const clientOutcomes = pgTable(
  'client_outcomes',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid().notNull().references(() => clients.id, { onDelete: 'cascade' }),
    kind: text({ enum: outcomeKinds }).notNull(),
    title: text().notNull(),
    occurredOn: date({ mode: 'string' }).notNull(),
    note: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('client_outcomes_client_idx').on(t.clientId, t.occurredOn)],
);

/**
 * Links between a client record and a person: a practitioner invites the client to sign in
 * (`seeker`), or a self-service seeker invites a practitioner to take their record on (`practitioner`).
 */
export const clientInvites = pgTable(
  'client_invites',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid().notNull().references(() => clients.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['seeker', 'practitioner'] }).notNull(),
    email: text().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('client_invites_client_idx').on(t.clientId)],
);

/** A signed-in job seeker's shortlist of programs. */
export const savedPrograms = pgTable(
  'saved_programs',
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    programId: uuid().notNull().references(() => programs.id, { onDelete: 'cascade' }),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.programId] }), index('saved_programs_program_idx').on(t.programId)],
);

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

export const programsRelations = relations(programs, ({ one }) => ({
  organisation: one(organisations, { fields: [programs.orgId], references: [organisations.id] }),
}));

export type Skill = typeof skills.$inferSelect;
export type Occupation = typeof occupations.$inferSelect;
export type ProgramSkill = typeof programSkills.$inferSelect;
export type SkillGap = typeof skillGaps.$inferSelect;
export type Client = typeof clients.$inferSelect;
export type ClientGoal = typeof clientGoals.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type PlanStep = typeof planSteps.$inferSelect;
export type PlanShareLink = typeof planShareLinks.$inferSelect;
export type PlanStepStatus = (typeof planStepStatuses)[number];
export type Program = typeof programs.$inferSelect;
export type NewProgram = typeof programs.$inferInsert;
export type ProgramImport = typeof programImports.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type OrgKind = (typeof orgKinds)[number];
export type OrgRole = (typeof orgRoles)[number];
