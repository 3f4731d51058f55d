/**
 * The database schema. Migrations in db/migrations are generated from this file by
 * `npm run db:generate` (drizzle-kit) and applied at start-up.
 *
 * Conventions: ids are random text (never guessable, never sequential), instants are
 * integer milliseconds since the epoch, calendar dates are 'YYYY-MM-DD' text in
 * Europe/Bucharest, JSON columns hold small structured values.
 */
import { sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
    locale: text('locale', { enum: ['ro', 'en'] })
      .notNull()
      .default('ro'),
    isPlatformAdmin: integer('is_platform_admin', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
)

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp_ms' }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const emailVerifications = sqliteTable(
  'email_verifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    codeHash: blob('code_hash', { mode: 'buffer' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('email_verifications_user_idx').on(t.userId)],
)

export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
)

/** Failed log-in counters, one row per throttled key ("account:<email>" or "ip:<address>"). */
export const loginThrottles = sqliteTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull(),
  blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }),
})

export const AUTHORITY_KINDS = [
  'county_council',
  'local_council',
  'bucharest_sector',
  'dgaspc',
  'spas',
  'other',
] as const

export const authorities = sqliteTable(
  'authorities',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: AUTHORITY_KINDS }).notNull(),
    county: text('county').notNull(),
    contactEmail: text('contact_email').notNull(),
    postalAddress: text('postal_address').notNull(),
    /** Legal settings (JSON), see app/domain/legal-settings.ts for the shape and defaults. */
    legalSettings: text('legal_settings', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('authorities_slug_unique').on(t.slug)],
)

export const STAFF_ROLES = ['admin', 'editor', 'legal', 'coordinator', 'viewer'] as const

/** A staff member of an authority holds one row per role. */
export const staffRoles = sqliteTable(
  'staff_roles',
  {
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.userId, t.role] }), index('staff_roles_user_idx').on(t.userId)],
)

export const staffInvitations = sqliteTable(
  'staff_invitations',
  {
    id: text('id').primaryKey(),
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    roles: text('roles', { mode: 'json' }).notNull().$type<string[]>(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    acceptedBy: text('accepted_by').references(() => users.id),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('staff_invitations_authority_idx').on(t.authorityId)],
)

export const ORGANISATION_KINDS = [
  'ngo',
  'public_provider',
  'private_provider',
  'professional_association',
  'beneficiaries_organisation',
  'volunteer_organisation',
  'other',
] as const

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    registryNumber: text('registry_number'),
    website: text('website'),
    contactEmail: text('contact_email').notNull(),
    description: text('description'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('organisations_slug_unique').on(t.slug)],
)

export const ORGANISATION_MEMBER_ROLES = ['admin', 'member'] as const
export const MEMBERSHIP_STATUSES = ['pending', 'active', 'rejected'] as const

export const organisationMembers = sqliteTable(
  'organisation_members',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORGANISATION_MEMBER_ROLES }).notNull(),
    status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull(),
    message: text('message'),
    requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    decidedBy: text('decided_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_members_user_idx').on(t.userId)],
)

/**
 * Append-only audit log: triggers in the migrations refuse UPDATE and DELETE.
 * `before` and `after` are JSON snapshots of what changed (secrets never included).
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorUserId: text('actor_user_id'),
    authorityId: text('authority_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_events_authority_idx').on(t.authorityId, t.id),
  ],
)

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'local'] as const

/**
 * Every email the platform sends is first a row here: the single source of truth for
 * what was sent, to whom, and how its delivery went.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    locale: text('locale', { enum: ['ro', 'en'] }).notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    userId: text('user_id'),
    authorityId: text('authority_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('email_outbox_idempotency_unique').on(t.idempotencyKey),
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_created_idx').on(t.createdAt),
  ],
)
