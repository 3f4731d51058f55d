/**
 * An authority's legal settings. Every number that comes from law is a setting whose default
 * is the legal value (../shared/DOMAIN.md), so a changed law is a settings change.
 */
import { z } from 'zod'
import { PARTICIPANT_CATEGORIES } from './minutes-rules'

export const legalSettingsSchema = z.object({
  /** Law 52/2003: a draft is announced at least this many days before adoption. */
  announcementMinDays: z.number().int().min(1).max(365),
  /** How those days are counted: sources disagree; calendar days by default. */
  announcementDayCounting: z.enum(['calendar', 'working']),
  /** Law 52/2003: written recommendations are received for at least this many calendar days. */
  recommendationWindowMinDays: z.number().int().min(1).max(365),
  /** Law 52/2003: a public debate is held when an association or authority asks in writing. */
  publicDebateOnRequest: z.boolean(),
  /** Law 292/2011 art. 112(3)(b): the annual plan needs recorded consultation minutes. */
  annualPlanRequiresConsultationMinutes: z.boolean(),
  /**
   * Law 292/2011 art. 112(3)(b): whom the annual plan is drawn up after consulting (public and
   * private providers, professional associations, organisations representing beneficiaries).
   */
  consultationRequiredCategories: z.array(z.enum(PARTICIPANT_CATEGORIES)).max(6),
  /** Days the participating organisations have to add remarks to shared minutes. */
  minutesRemarkDays: z.number().int().min(1).max(60),
})

export type LegalSettings = z.infer<typeof legalSettingsSchema>

export const DEFAULT_LEGAL_SETTINGS: LegalSettings = {
  announcementMinDays: 30,
  announcementDayCounting: 'calendar',
  recommendationWindowMinDays: 10,
  publicDebateOnRequest: true,
  annualPlanRequiresConsultationMinutes: true,
  consultationRequiredCategories: [
    'public_provider',
    'private_provider',
    'professional_association',
    'beneficiaries_organisation',
  ],
  minutesRemarkDays: 5,
}

/** Reads stored settings, filling anything missing with the legal defaults. */
export function readLegalSettings(stored: unknown): LegalSettings {
  const merged = { ...DEFAULT_LEGAL_SETTINGS, ...(typeof stored === 'object' && stored ? stored : {}) }
  const parsed = legalSettingsSchema.safeParse(merged)
  return parsed.success ? parsed.data : DEFAULT_LEGAL_SETTINGS
}
