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
import { ANSWERS, PLAN_KINDS, PLAN_STATUSES } from '../app/domain/consultation.ts'
import { MINUTES_KINDS, MINUTES_STATUSES, PARTICIPANT_CATEGORIES } from '../app/domain/minutes-rules.ts'
import { NOTIFICATION_MODES } from '../app/domain/notification-kinds.ts'

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
    /** Warning windows of the protocol registry (JSON), see app/domain/protocol-term.ts. */
    protocolSettings: text('protocol_settings', { mode: 'json' }),
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
    /** Files sent with the email (an iCalendar invitation): base64 content. Sent one by one, never in a batch. */
    attachments: text('attachments', { mode: 'json' }).$type<
      Array<{ filename: string; contentType: string; content: string }>
    >(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    /** A worker that claimed the row delivers it alone until the lease ends (several processes). */
    leaseOwner: text('lease_owner'),
    leasedUntil: integer('leased_until', { mode: 'timestamp_ms' }),
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

// ---------------------------------------------------------------- partnership protocols

export const PROTOCOL_KINDS = [
  'protocol',
  'partnership_agreement',
  'association_agreement',
  'memorandum',
  'addendum',
  'other',
] as const
export const TERM_TYPES = ['fixed', 'auto_renewing', 'open_ended', 'conditional', 'unknown'] as const
export const ADDENDUM_EFFECTS = ['extension', 'modification'] as const
export const PROTOCOL_DECISIONS = ['renew', 'let_lapse', 'terminate'] as const

/**
 * A protocol or agreement of an authority. An addendum is a protocol of kind `addendum` with a
 * parent; its effect on the parent is recorded as a new term of the parent.
 */
export const protocols = sqliteTable(
  'protocols',
  {
    id: text('id').primaryKey(),
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    parentId: text('parent_id'),
    kind: text('kind', { enum: PROTOCOL_KINDS }).notNull(),
    /** The number in the authority's own list ("Nr. crt."), as written. */
    listNumber: text('list_number'),
    title: text('title').notNull(),
    object: text('object'),
    signedOn: text('signed_on'),
    addendumEffect: text('addendum_effect', { enum: ADDENDUM_EFFECTS }),
    /** What an addendum changed, in words. */
    changeNote: text('change_note'),
    responsibleUserId: text('responsible_user_id').references(() => users.id),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(true),
    /** Deadline reminders also go to the partners' contact persons. */
    remindPartners: integer('remind_partners', { mode: 'boolean' }).notNull().default(false),
    /** Set on import or by a person: the record needs checking (with the reasons). */
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
    flagReasons: text('flag_reasons', { mode: 'json' }).$type<Array<{ code: string; message: string }>>(),
    lastReviewedOn: text('last_reviewed_on'),
    /** Title, object and parties in one text, indexed by protocols_fts. */
    searchText: text('search_text').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('protocols_authority_idx').on(t.authorityId, t.kind),
    index('protocols_parent_idx').on(t.parentId),
    index('protocols_responsible_idx').on(t.responsibleUserId),
  ],
)

/** The parties of a protocol in order, the authority among them, each with its registration. */
export const protocolParties = sqliteTable(
  'protocol_parties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    protocolId: text('protocol_id')
      .notNull()
      .references(() => protocols.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    isAuthority: integer('is_authority', { mode: 'boolean' }).notNull().default(false),
    organisationId: text('organisation_id').references(() => organisations.id),
    registrationNumber: text('registration_number'),
    registrationDate: text('registration_date'),
    /** The partner's contact person, told of deadlines when the protocol says so (never public). */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
  },
  (t) => [index('protocol_parties_protocol_idx').on(t.protocolId, t.position)],
)

/** Every term a protocol ever had; the newest row is the term in force. Never updated. */
export const protocolTerms = sqliteTable(
  'protocol_terms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    protocolId: text('protocol_id')
      .notNull()
      .references(() => protocols.id, { onDelete: 'cascade' }),
    type: text('type', { enum: TERM_TYPES }).notNull(),
    start: text('start'),
    end: text('end'),
    renewalPeriod: text('renewal_period'),
    noticePeriod: text('notice_period'),
    condition: text('condition'),
    extension: text('extension'),
    /** The validity as written in the source ("Valabil 3 ani de la semnare, …"). */
    validityText: text('validity_text'),
    reason: text('reason', { enum: ['created', 'edited', 'imported', 'addendum'] }).notNull(),
    /** The addendum that produced this term, if any. */
    addendumId: text('addendum_id'),
    recordedBy: text('recorded_by').references(() => users.id),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('protocol_terms_protocol_idx').on(t.protocolId, t.id)],
)

/** Decisions before a notice deadline or at any time: renew, let lapse, terminate. */
export const protocolDecisions = sqliteTable(
  'protocol_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    protocolId: text('protocol_id')
      .notNull()
      .references(() => protocols.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: PROTOCOL_DECISIONS }).notNull(),
    decidedOn: text('decided_on').notNull(),
    /** For a termination: the first day the protocol no longer applies. */
    effectiveOn: text('effective_on'),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by').references(() => users.id),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('protocol_decisions_protocol_idx').on(t.protocolId, t.id)],
)

/** Signed scans: the file lives in the storage folder under its SHA-256. */
export const protocolDocuments = sqliteTable(
  'protocol_documents',
  {
    id: text('id').primaryKey(),
    protocolId: text('protocol_id')
      .notNull()
      .references(() => protocols.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('protocol_documents_protocol_idx').on(t.protocolId)],
)

/** A user's secret calendar feed of protocol deadlines (the token's hash only). */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenId: text('token_id').notNull(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_unique').on(t.tokenId)],
)

export const REMINDER_KINDS = ['end', 'notice', 'review', 'renewed'] as const
export const REMINDER_STATUSES = ['sent', 'collapsed', 'cancelled'] as const

/** Who a reminder went to (a snapshot: roles and addresses change). */
export type ReminderRecipient = {
  userId: string
  name: string
  email: string
  /** Why they received it: legal officer, the protocol's responsible person, or an admin (escalation). */
  as: 'legal' | 'responsible' | 'admin' | 'partner'
}

/**
 * Protocol reminders that went out (app/domain/reminders.ts computes them from the current term;
 * only sent ones are stored). The unique index on (protocol, term, kind, offset) is what makes each
 * reminder go out exactly once, whatever the number of processes: the email is enqueued in the
 * transaction that inserted the row. `collapsed` rows came due together and went out inside the
 * `sent` row's "overdue" message (`collapsed_into`). A changed term has new term keys: the old
 * term's reminders not yet due are never computed again, so there is nothing to cancel
 * (`cancelled` is kept for an explicit cancellation).
 */
export const protocolReminders = sqliteTable(
  'protocol_reminders',
  {
    id: text('id').primaryKey(),
    protocolId: text('protocol_id')
      .notNull()
      .references(() => protocols.id, { onDelete: 'cascade' }),
    authorityId: text('authority_id').notNull(),
    /** The period the reminder is about, `start..end`. */
    termKey: text('term_key').notNull(),
    kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
    /** Days before the deadline; -1 when the kind has none (review, renewed). */
    offsetDays: integer('offset_days').notNull(),
    deadline: text('deadline').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: REMINDER_STATUSES }).notNull(),
    collapsedInto: text('collapsed_into'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
    recipients: text('recipients', { mode: 'json' }).notNull().$type<ReminderRecipient[]>(),
    acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
    acknowledgedBy: text('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    /** When the reminder also went to the authority's admins. */
    escalatedAt: integer('escalated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('protocol_reminders_unique').on(t.protocolId, t.termKey, t.kind, t.offsetDays),
    index('protocol_reminders_authority_due_idx').on(t.authorityId, t.dueOn),
  ],
)

// ---------------------------------------------------------------------------------------------
// Plans and their consultation (../shared/DOMAIN.md, "Plans and their consultation")

/**
 * A draft plan, strategy or decision of an authority. Its text lives in versions; the
 * consultation window is stored as calendar dates (inclusive) once published.
 */
export const plans = sqliteTable(
  'plans',
  {
    id: text('id').primaryKey(),
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    /** The authority's reference of the consultation ("P2026-3"): the prefix of registration numbers. */
    reference: text('reference').notNull(),
    kind: text('kind', { enum: PLAN_KINDS }).notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    summary: text('summary').notNull().default(''),
    /** The justification note (nota de fundamentare / referat de aprobare) required by Law 52/2003. */
    justification: text('justification').notNull().default(''),
    status: text('status', { enum: PLAN_STATUSES }).notNull(),
    currentVersionId: text('current_version_id'),
    publishedOn: text('published_on'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    opensOn: text('opens_on'),
    closesOn: text('closes_on'),
    earliestAdoptionOn: text('earliest_adoption_on'),
    /** Set by the worker when "closes in 3 days" went to the followers. */
    closingNoticeSentAt: integer('closing_notice_sent_at', { mode: 'timestamp_ms' }),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    /** The adoption: "HCL nr. 83 / 14.12.2017", by the body that adopted it; the version frozen. */
    decisionNumber: text('decision_number'),
    decisionDate: text('decision_date'),
    adoptingBody: text('adopting_body'),
    adoptedVersionId: text('adopted_version_id'),
    adoptedAt: integer('adopted_at', { mode: 'timestamp_ms' }),
    adoptedBy: text('adopted_by'),
    /** Registration numbers handed out so far. */
    recommendationSequence: integer('recommendation_sequence').notNull().default(0),
    /** Title, summary and justification in one text, indexed by plans_fts. */
    searchText: text('search_text').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('plans_reference_unique').on(t.authorityId, t.reference),
    index('plans_status_idx').on(t.status, t.closesOn),
    index('plans_authority_idx').on(t.authorityId, t.status),
  ],
)

/** A version of a plan's text. Recommendations stay on the version they were written on. */
export const planVersions = sqliteTable(
  'plan_versions',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** What changed, in the editor's words. */
    note: text('note'),
    sourceFileName: text('source_file_name'),
    /** Frozen versions (published or adopted) are never edited: a change is a new version. */
    frozenAt: integer('frozen_at', { mode: 'timestamp_ms' }),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('plan_versions_number_unique').on(t.planId, t.number)],
)

/** A section of a version, keeping the document's numbering; `anchor` is stable across versions. */
export const planSections = sqliteTable(
  'plan_sections',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => planVersions.id, { onDelete: 'cascade' }),
    planId: text('plan_id').notNull(),
    position: integer('position').notNull(),
    anchor: text('anchor').notNull(),
    number: text('number'),
    heading: text('heading').notNull(),
    level: integer('level').notNull(),
    text: text('text').notNull(),
    /** Sanitised HTML of the body (tables kept). */
    html: text('html').notNull(),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    uniqueIndex('plan_sections_anchor_unique').on(t.versionId, t.anchor),
    index('plan_sections_version_idx').on(t.versionId, t.position),
  ],
)

export const planAttachments = sqliteTable(
  'plan_attachments',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('plan_attachments_plan_idx').on(t.planId)],
)

export const RECOMMENDATION_STATUSES = ['registered', 'withdrawn'] as const

/**
 * A written recommendation (Law 52/2003): registered with a number, never deleted. Hidden by
 * moderation with a public reason; withdrawn by its author while the window is open.
 */
export const recommendations = sqliteTable(
  'recommendations',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .references(() => planVersions.id),
    /** Null: on the whole plan. */
    sectionId: text('section_id').references(() => planSections.id),
    registrationNumber: text('registration_number').notNull(),
    authorUserId: text('author_user_id')
      .notNull()
      .references(() => users.id),
    /** Signed on behalf of this organisation (the author was an active member). */
    organisationId: text('organisation_id').references(() => organisations.id),
    text: text('text').notNull(),
    proposedWording: text('proposed_wording'),
    attachmentName: text('attachment_name'),
    attachmentType: text('attachment_type'),
    attachmentSize: integer('attachment_size'),
    attachmentSha256: text('attachment_sha256'),
    status: text('status', { enum: RECOMMENDATION_STATUSES }).notNull().default('registered'),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
    hiddenReason: text('hidden_reason'),
    hiddenBy: text('hidden_by').references(() => users.id),
    answer: text('answer', { enum: ANSWERS }),
    answerJustification: text('answer_justification'),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
    answeredBy: text('answered_by').references(() => users.id),
    /** Campaign grouping: identical normalised texts share it (app/domain/campaign-groups.ts). */
    fingerprint: text('fingerprint').notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    submittedOn: text('submitted_on').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    uniqueIndex('recommendations_number_unique').on(t.planId, t.registrationNumber),
    index('recommendations_plan_section_idx').on(t.planId, t.sectionId, t.submittedAt),
    index('recommendations_author_idx').on(t.authorUserId, t.submittedAt),
    index('recommendations_plan_fingerprint_idx').on(t.planId, t.fingerprint),
  ],
)

/** Earlier wordings of an edited recommendation (append-only). */
export const recommendationRevisions = sqliteTable(
  'recommendation_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recommendationId: text('recommendation_id')
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    proposedWording: text('proposed_wording'),
    replacedAt: integer('replaced_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('recommendation_revisions_idx').on(t.recommendationId, t.id)],
)

/** A user's report of abuse about a recommendation; staff resolve it (hide or dismiss). */
export const abuseReports = sqliteTable(
  'abuse_reports',
  {
    id: text('id').primaryKey(),
    recommendationId: text('recommendation_id')
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    reporterUserId: text('reporter_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedBy: text('resolved_by').references(() => users.id),
  },
  (t) => [uniqueIndex('abuse_reports_unique').on(t.recommendationId, t.reporterUserId)],
)

/** A public debate scheduled by staff (Law 52/2003), usually because it was requested. */
export const publicDebates = sqliteTable(
  'public_debates',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** Local date and time in Europe/Bucharest. */
    date: text('date').notNull(),
    time: text('time').notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    notes: text('notes'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('public_debates_plan_idx').on(t.planId)],
)

/** A written request for a public debate, by an organisation, answered by scheduling one. */
export const debateRequests = sqliteTable(
  'debate_requests',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    registrationNumber: text('registration_number').notNull(),
    debateId: text('debate_id').references(() => publicDebates.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('debate_requests_unique').on(t.planId, t.organisationId)],
)

export const FOLLOW_TARGETS = ['authority', 'plan', 'plan_kind'] as const

/** What a user follows: an authority, a plan, or a kind of plan (everywhere). */
export const follows = sqliteTable(
  'follows',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetType: text('target_type', { enum: FOLLOW_TARGETS }).notNull(),
    targetId: text('target_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.targetType, t.targetId] }),
    index('follows_target_idx').on(t.targetType, t.targetId),
  ],
)

// ---------------------------------------------------------------------------------------------
// Notifications: what happened, for whom; the worker turns them into emails or digests.

export const NOTIFICATION_KINDS = [
  'recommendation_receipt',
  'recommendation_answered',
  'consultation_opened',
  'consultation_closing',
  'debate_requested',
  'debate_scheduled',
  'minutes_shared',
] as const
export const NOTIFICATION_STATUSES = ['pending', 'emailed', 'digested', 'skipped'] as const

/**
 * One event for one recipient, written in the transaction of the change that caused it.
 * `dedupe_key` makes a second write of the same event for the same person a no-op (a person
 * following both an authority and a kind of plan hears of an opening once).
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    /** The recommendation, plan, debate request or debate the event is about. */
    subjectId: text('subject_id').notNull(),
    /** Why the person hears of it: what they follow (authority, plan_kind, plan) or null (their own). */
    reason: text('reason'),
    /** Small facts of the moment (e.g. the receipt's kind: registered, edited, withdrawn). */
    details: text('details', { mode: 'json' }).$type<Record<string, string | number | null>>(),
    dedupeKey: text('dedupe_key').notNull(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('pending'),
    /** For digests: the mode chosen when the event was processed. */
    mode: text('mode', { enum: NOTIFICATION_MODES }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    processedAt: integer('processed_at', { mode: 'timestamp_ms' }),
    emailId: text('email_id'),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_unique').on(t.dedupeKey),
    index('notifications_status_idx').on(t.status, t.createdAt),
    index('notifications_user_idx').on(t.userId, t.status),
  ],
)

/** A person's choice per kind of non-essential notification; no row means immediate. */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    mode: text('mode', { enum: NOTIFICATION_MODES }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)

/**
 * The periods an auto-renewing protocol rolled over into by itself, recorded the day after the
 * previous period ended (the term itself is unchanged: periods stay anchored on its first end).
 */
export const protocolRenewals = sqliteTable(
  'protocol_renewals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    protocolId: text('protocol_id')
      .notNull()
      .references(() => protocols.id, { onDelete: 'cascade' }),
    /** The term (protocol_terms.id) the period belongs to. */
    termId: integer('term_id').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('protocol_renewals_unique').on(t.protocolId, t.termId, t.periodStart)],
)

/**
 * The reminder planner's schedule of each protocol (app/domain/reminders.ts, "the planner's
 * schedule"), so that a cycle loads only the protocols with something to do on its date (index
 * ranges) instead of computing the term of every protocol of the country:
 *
 * - `due_on`: the first date, from `due_from` on, on which the planner has something to do for the
 *   protocol (a reminder to send, a roll-over to record); '9999-12-31' for never; NULL while it is
 *   to be computed (a new protocol, or its facts, records or authority settings changed: the
 *   triggers of migration 0014 say so). The planner computes the NULL ones at the start of its
 *   cycle, and the models in the transaction of each change.
 * - `review_from`..`review_until`: the dates between which the protocol's status is "needs
 *   review" (the weekly summary); `review_from` NULL: never; `review_until` NULL: no end.
 *
 * A row per protocol, made by a trigger when the protocol is inserted (however it is inserted).
 * Not on `protocols` itself: a write here is no change of the registry (no page-cache revision).
 */
export const protocolSchedules = sqliteTable(
  'protocol_schedules',
  {
    protocolId: text('protocol_id')
      .primaryKey()
      .references(() => protocols.id, { onDelete: 'cascade' }),
    authorityId: text('authority_id').notNull(),
    dueOn: text('due_on'),
    dueFrom: text('due_from'),
    reviewFrom: text('review_from'),
    reviewUntil: text('review_until'),
  },
  (t) => [
    index('protocol_schedules_due_idx').on(t.dueOn),
    index('protocol_schedules_from_idx').on(t.dueFrom),
    index('protocol_schedules_review_idx').on(t.reviewFrom, t.reviewUntil, t.authorityId),
    index('protocol_schedules_authority_idx').on(t.authorityId, t.reviewFrom),
  ],
)

/**
 * The weekly summaries of protocols to review that went out: one row per authority and ISO week,
 * written in the transaction that enqueued the emails (whose idempotency keys stay the guarantee).
 */
export const protocolWeeklySummaries = sqliteTable(
  'protocol_weekly_summaries',
  {
    week: text('week').notNull(),
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    protocols: integer('protocols').notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.week, t.authorityId] })],
)

// ---------------------------------------------------------------------------------------------
// Minutes (of consultations, public debates and, later, tripartite meetings) and adoption.

/**
 * Minutes: drafted by staff, shared with the participating organisations for remarks until a
 * date, approved by an editor (then public on the plan's page). Approved minutes are not edited.
 */
export const minutes = sqliteTable(
  'minutes',
  {
    id: text('id').primaryKey(),
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    planId: text('plan_id').references(() => plans.id, { onDelete: 'cascade' }),
    /** The public debate these are the minutes of. */
    debateId: text('debate_id').references(() => publicDebates.id),
    /** The tripartite meeting these are the minutes of (issue #7). */
    meetingId: text('meeting_id'),
    kind: text('kind', { enum: MINUTES_KINDS }).notNull(),
    title: text('title').notNull(),
    /** Local date and time (Europe/Bucharest). */
    date: text('date').notNull(),
    time: text('time'),
    place: text('place'),
    onlineUrl: text('online_url'),
    agenda: text('agenda').notNull().default(''),
    summary: text('summary').notNull().default(''),
    conclusions: text('conclusions').notNull().default(''),
    /** A meeting closed to the public, and why (counted in the annual transparency report). */
    closedReason: text('closed_reason'),
    status: text('status', { enum: MINUTES_STATUSES }).notNull(),
    sharedAt: integer('shared_at', { mode: 'timestamp_ms' }),
    remarksUntil: text('remarks_until'),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
    approvedBy: text('approved_by').references(() => users.id),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('minutes_plan_idx').on(t.planId, t.status),
    index('minutes_authority_idx').on(t.authorityId, t.date),
    index('minutes_meeting_idx').on(t.meetingId),
  ],
)

/** An organisation (or a group of persons) that took part, with its category and its people. */
export const minutesParticipants = sqliteTable(
  'minutes_participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    minutesId: text('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisations.id),
    organisationName: text('organisation_name').notNull(),
    category: text('category', { enum: PARTICIPANT_CATEGORIES }).notNull(),
    /** The persons present, one per line ("Name, role"). */
    persons: text('persons').notNull().default(''),
  },
  (t) => [index('minutes_participants_idx').on(t.minutesId)],
)

export const ACTION_STATUSES = ['open', 'done'] as const

export const minutesActions = sqliteTable(
  'minutes_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    minutesId: text('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    dueOn: text('due_on'),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
    /** When the coordinators were told it is overdue (once per action). */
    overdueNotifiedAt: integer('overdue_notified_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('minutes_actions_idx').on(t.minutesId), index('minutes_actions_due_idx').on(t.status, t.dueOn)],
)

/** A remark of a participating organisation on shared minutes (kept, never edited). */
export const minutesRemarks = sqliteTable(
  'minutes_remarks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    minutesId: text('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisations.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('minutes_remarks_idx').on(t.minutesId)],
)

export const minutesAttachments = sqliteTable(
  'minutes_attachments',
  {
    id: text('id').primaryKey(),
    minutesId: text('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('minutes_attachments_idx').on(t.minutesId)],
)

/** The sections (by anchor) and recommendations the minutes discuss. */
export const minutesReferences = sqliteTable(
  'minutes_references',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    minutesId: text('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    sectionAnchor: text('section_anchor'),
    recommendationId: text('recommendation_id').references(() => recommendations.id),
  },
  (t) => [index('minutes_references_idx').on(t.minutesId)],
)

// ---------------------------------------------------------------------------------------------
// Tripartite meetings (../shared/DOMAIN.md, "Tripartite meetings"): the authority's social
// services, its partners by group, meetings with invitations, attendance and minutes.

export const SERVICE_STATUSES = ['existing', 'proposed'] as const

/** A social service of the authority, as in chapter I.A (existing) or I.B (proposed) of its plan. */
export const socialServices = sqliteTable(
  'social_services',
  {
    id: text('id').primaryKey(),
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    status: text('status', { enum: SERVICE_STATUSES }).notNull().default('existing'),
    number: text('number'),
    /** The Nomenclator code as written, and canonical (app/domain/service-codes.ts): the service type. */
    code: text('code'),
    codeNormalized: text('code_normalized'),
    name: text('name').notNull(),
    capacity: integer('capacity'),
    occupancyPercent: integer('occupancy_percent'),
    budgetLocal: integer('budget_local'),
    budgetCounty: integer('budget_county'),
    budgetState: integer('budget_state'),
    budgetBeneficiaries: integer('budget_beneficiaries'),
    budgetOther: integer('budget_other'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('social_services_authority_idx').on(t.authorityId, t.codeNormalized)],
)

export const PARTNER_GROUPS = ['provider', 'volunteer_organisation', 'beneficiary_association'] as const

/** An organisation the authority works with, in one of the three tripartite groups. */
export const partners = sqliteTable(
  'partners',
  {
    id: text('id').primaryKey(),
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisations.id),
    name: text('name').notNull(),
    group: text('group', { enum: PARTNER_GROUPS }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('partners_authority_idx').on(t.authorityId, t.group)],
)

/** A partner's contact person (told why they are stored: public task, Laws 52/2003 and 292/2011). */
export const partnerContacts = sqliteTable(
  'partner_contacts',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    role: text('role'),
  },
  (t) => [index('partner_contacts_partner_idx').on(t.partnerId)],
)

/** Which services a partner works with. */
export const partnerServices = sqliteTable(
  'partner_services',
  {
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    serviceId: text('service_id')
      .notNull()
      .references(() => socialServices.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.serviceId] }), index('partner_services_service_idx').on(t.serviceId)],
)

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const

/** A tripartite meeting covering one or more service types. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Local date and times, Europe/Bucharest. */
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    agenda: text('agenda').notNull().default(''),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('scheduled'),
    /** iCalendar: a stable UID per meeting and a SEQUENCE raised at every change sent to invitees. */
    icalSequence: integer('ical_sequence').notNull().default(0),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('meetings_authority_idx').on(t.authorityId, t.date)],
)

export const meetingServiceTypes = sqliteTable(
  'meeting_service_types',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    serviceType: text('service_type').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.serviceType] })],
)

export const RSVP_ANSWERS = ['pending', 'accepted', 'declined', 'tentative'] as const

/** An invitation to a person (a partner's contact), answered from the email without logging in. */
export const meetingInvitations = sqliteTable(
  'meeting_invitations',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    organisationName: text('organisation_name').notNull(),
    group: text('group', { enum: PARTNER_GROUPS }).notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    rsvp: text('rsvp', { enum: RSVP_ANSWERS }).notNull().default('pending'),
    respondedAt: integer('responded_at', { mode: 'timestamp_ms' }),
    /** The iCalendar SEQUENCE last sent to this person. */
    sentSequence: integer('sent_sequence'),
    reminderSentAt: integer('reminder_sent_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('meeting_invitations_unique').on(t.meetingId, t.email),
    index('meeting_invitations_meeting_idx').on(t.meetingId),
  ],
)

/** Who came, by organisation and group (what makes a meeting count for the board). */
export const meetingAttendance = sqliteTable(
  'meeting_attendance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    organisationName: text('organisation_name').notNull(),
    group: text('group', { enum: PARTNER_GROUPS }).notNull(),
    /** One person per line. */
    persons: text('persons').notNull().default(''),
  },
  (t) => [index('meeting_attendance_meeting_idx').on(t.meetingId)],
)

/**
 * What rendered pages depend on, as counters raised by triggers (migration 0013) whenever a row
 * a page can show changes, whoever writes it (app, worker, CLI). The page cache keys on them:
 * `content` (authorities, people, organisations, plans and their text, minutes, meetings,
 * services, partners), `recommendations` (recommendations, their history, reports, debate
 * requests, follows) and `protocols` (the protocol registry, its terms, reminders, renewals).
 */
export const contentRevisions = sqliteTable('content_revisions', {
  scope: text('scope', { enum: ['content', 'recommendations', 'protocols'] }).primaryKey(),
  revision: integer('revision').notNull(),
})
