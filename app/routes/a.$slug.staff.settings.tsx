import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { PARTICIPANT_CATEGORIES } from '~/domain/minutes-rules'
import { AUTHORITY_KINDS } from '#db/schema.ts'
import { FieldErrors, FormErrors, SelectField, TextAreaField, TextField } from '~/components/forms'
import { emailField } from '~/domain/account-rules'
import type { LegalSettings } from '~/domain/legal-settings'
import type { Resource } from '~/domain/permissions'
import {
  reminderSettingsFormSchema,
  reminderSettingsFromForm,
  reminderSettingsToForm,
} from '~/domain/reminder-settings'
import { getAuthorityBySlug, updateAuthority } from '~/models/authority.server'
import { reminderSettingsValues, saveReminderSettings } from '~/models/reminders.server'
import { notFound, requirePermission } from '~/utils/auth.server'
import { invalid } from '~/utils/http.server'
import { localeFromMatches, pageTitle, plainTitle, translator } from '~/utils/meta'

export const handle = { staffBreadcrumb: 'staff.settings.title' }

const DAY_COUNTING = ['calendar', 'working'] as const

const text = (min: number, max: number) =>
  z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(min, 'validation.nameTooShort')
    .max(max, 'validation.tooLong')

const days = z
  .number({ required_error: 'validation.required', invalid_type_error: 'staff.settings.daysRange' })
  .int('staff.settings.daysRange')
  .min(1, 'staff.settings.daysRange')
  .max(365, 'staff.settings.daysRange')

const schema = z.object({
  name: text(2, 200),
  kind: z.enum(AUTHORITY_KINDS, { errorMap: () => ({ message: 'validation.chooseOption' }) }),
  county: text(2, 100),
  contactEmail: emailField,
  postalAddress: text(2, 500),
  announcementMinDays: days,
  announcementDayCounting: z.enum(DAY_COUNTING, { errorMap: () => ({ message: 'validation.chooseOption' }) }),
  recommendationWindowMinDays: days,
  publicDebateOnRequest: z.boolean().optional(),
  annualPlanRequiresConsultationMinutes: z.boolean().optional(),
  consultationRequiredCategories: z.array(z.enum(PARTICIPANT_CATEGORIES)).optional(),
  minutesRemarkDays: days,
})

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, 'staff.settings.title')
  const t = translator(localeFromMatches(matches))
  return plainTitle(matches, t('staff.pageTitle', { page: t('staff.settings.title'), authority: data.authority.name }))
}

function load(request: Request, slug: string | undefined) {
  const authority = getAuthorityBySlug(slug ?? '')
  if (!authority) throw notFound()
  const resource: Resource = { type: 'authority', authorityId: authority.id }
  return { authority, ...requirePermission(request, 'authority.edit_settings', resource) }
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { authority } = load(request, params.slug)
  return {
    authority: {
      name: authority.name,
      kind: authority.kind,
      county: authority.county,
      contactEmail: authority.contactEmail,
      postalAddress: authority.postalAddress,
      legalSettings: authority.legalSettings,
    },
    reminderSettings: reminderSettingsToForm(reminderSettingsValues(authority.id)),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { authority, user } = load(request, params.slug)
  const formData = await request.formData()
  if (formData.get('intent') === 'reminders') {
    // The reminder settings: a form of their own, stored in the authority's protocol settings.
    const reminders = parseWithZod(formData, { schema: reminderSettingsFormSchema })
    if (reminders.status !== 'success') return invalid({ reminders: reminders.reply() })
    saveReminderSettings(authority.id, reminderSettingsFromForm(reminders.value), user.id)
    return redirect(`/a/${authority.slug}/staff/settings?done=reminders#reminder-settings`)
  }
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const v = submission.value
  const legalSettings: LegalSettings = {
    ...authority.legalSettings,
    consultationRequiredCategories: PARTICIPANT_CATEGORIES.filter((c) =>
      (v.consultationRequiredCategories ?? []).includes(c),
    ),
    minutesRemarkDays: v.minutesRemarkDays,
    announcementMinDays: v.announcementMinDays,
    announcementDayCounting: v.announcementDayCounting,
    recommendationWindowMinDays: v.recommendationWindowMinDays,
    publicDebateOnRequest: v.publicDebateOnRequest ?? false,
    annualPlanRequiresConsultationMinutes: v.annualPlanRequiresConsultationMinutes ?? false,
  }
  updateAuthority(
    authority,
    {
      name: v.name,
      kind: v.kind,
      county: v.county,
      contactEmail: v.contactEmail,
      postalAddress: v.postalAddress,
      legalSettings,
    },
    user.id,
  )
  return redirect(`/a/${authority.slug}/staff/settings?done=saved`)
}

/** A number of days (1..365), with its legal hint. */
function DaysField({ field, label, hint }: { field: FieldMetadata<number>; label: string; hint: string }) {
  const { key, ...props } = getInputProps(field, { type: 'number' })
  const hintId = `${field.id}-hint`
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <p id={hintId} className="hint">
        {hint}
      </p>
      <input
        key={key}
        {...props}
        min={1}
        max={365}
        step={1}
        inputMode="numeric"
        aria-describedby={[hintId, field.errors?.length ? field.errorId : null].filter(Boolean).join(' ')}
      />
      <FieldErrors field={field} />
    </div>
  )
}

/** A checkbox for a yes/no setting, with its legal hint. */
function CheckboxField({
  field,
  label,
  hint,
}: {
  field: FieldMetadata<boolean | undefined>
  label: string
  hint: string
}) {
  const { key, ...props } = getInputProps(field, { type: 'checkbox' })
  const hintId = `${field.id}-hint`
  return (
    <div className="field">
      <label className="checkbox" htmlFor={field.id}>
        <input
          key={key}
          {...props}
          aria-describedby={[hintId, field.errors?.length ? field.errorId : null].filter(Boolean).join(' ')}
        />
        <span>{label}</span>
      </label>
      <p id={hintId} className="hint">
        {hint}
      </p>
      <FieldErrors field={field} />
    </div>
  )
}

export default function StaffSettings() {
  const { t } = useTranslation()
  const { authority, reminderSettings } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const lastResult = actionData && !('reminders' in actionData) ? actionData : undefined
  const [searchParams] = useSearchParams()
  const saved = !lastResult && searchParams.get('done') === 'saved'
  const legal = authority.legalSettings
  const [form, fields] = useForm({
    id: 'authority-settings',
    lastResult,
    defaultValue: {
      name: authority.name,
      kind: authority.kind,
      county: authority.county,
      contactEmail: authority.contactEmail,
      postalAddress: authority.postalAddress,
      announcementMinDays: String(legal.announcementMinDays),
      announcementDayCounting: legal.announcementDayCounting,
      recommendationWindowMinDays: String(legal.recommendationWindowMinDays),
      publicDebateOnRequest: legal.publicDebateOnRequest ? 'on' : undefined,
      annualPlanRequiresConsultationMinutes: legal.annualPlanRequiresConsultationMinutes ? 'on' : undefined,
      consultationRequiredCategories: legal.consultationRequiredCategories,
      minutesRemarkDays: String(legal.minutesRemarkDays),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const counting = fields.announcementDayCounting
  const countingHintId = `${counting.id}-hint`

  return (
    <>
      <h1>{t('staff.settings.title')}</h1>
      <p className="lead">{t('staff.settings.lead')}</p>
      {saved ? (
        <div className="notice ok" role="status">
          <p>{t('staff.settings.done.saved')}</p>
        </div>
      ) : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <h2>{t('staff.settings.identityTitle')}</h2>
        <TextField field={fields.name} label={t('fields.name')} autoComplete="organization" />
        <SelectField
          field={fields.kind}
          label={t('fields.authorityKind')}
          options={AUTHORITY_KINDS.map((k) => ({ value: k, label: t(`authorityKinds.${k}`) }))}
        />
        <TextField field={fields.county} label={t('fields.county')} />
        <TextField
          field={fields.contactEmail}
          label={t('fields.contactEmail')}
          type="email"
          autoComplete="email"
          hint={t('staff.settings.contactEmailHint')}
        />
        <TextAreaField
          field={fields.postalAddress}
          label={t('fields.postalAddress')}
          hint={t('staff.settings.postalAddressHint')}
          rows={3}
        />

        <h2>{t('staff.settings.legalTitle')}</h2>
        <p>{t('staff.settings.legalIntro')}</p>
        <DaysField
          field={fields.announcementMinDays}
          label={t('staff.legal.announcementMinDays.label')}
          hint={t('staff.legal.announcementMinDays.hint')}
        />
        <fieldset className="field" aria-describedby={countingHintId}>
          <legend>{t('staff.legal.announcementDayCounting.legend')}</legend>
          <p id={countingHintId} className="hint">
            {t('staff.legal.announcementDayCounting.hint')}
          </p>
          {getCollectionProps(counting, { type: 'radio', options: [...DAY_COUNTING] }).map(({ key, ...props }) => (
            <label key={key} className="checkbox" htmlFor={props.id}>
              <input {...props} />
              <span>{t(`staff.legal.announcementDayCounting.${props.value as (typeof DAY_COUNTING)[number]}`)}</span>
            </label>
          ))}
          <FieldErrors field={counting} />
        </fieldset>
        <DaysField
          field={fields.recommendationWindowMinDays}
          label={t('staff.legal.recommendationWindowMinDays.label')}
          hint={t('staff.legal.recommendationWindowMinDays.hint')}
        />
        <CheckboxField
          field={fields.publicDebateOnRequest}
          label={t('staff.legal.publicDebateOnRequest.label')}
          hint={t('staff.legal.publicDebateOnRequest.hint')}
        />
        <CheckboxField
          field={fields.annualPlanRequiresConsultationMinutes}
          label={t('staff.legal.annualPlanRequiresConsultationMinutes.label')}
          hint={t('staff.legal.annualPlanRequiresConsultationMinutes.hint')}
        />
        <fieldset className="field">
          <legend>{t('staff.legal.consultationRequiredCategories.legend')}</legend>
          <p className="hint" id="required-categories-hint">
            {t('staff.legal.consultationRequiredCategories.hint')}
          </p>
          {PARTICIPANT_CATEGORIES.map((c) => (
            <label key={c} className="checkbox">
              <input
                type="checkbox"
                name={fields.consultationRequiredCategories.name}
                value={c}
                defaultChecked={legal.consultationRequiredCategories.includes(c)}
                aria-describedby="required-categories-hint"
              />{' '}
              {t(`minutes.categories.${c}`)}
            </label>
          ))}
        </fieldset>
        <DaysField
          field={fields.minutesRemarkDays}
          label={t('staff.legal.minutesRemarkDays.label')}
          hint={t('staff.legal.minutesRemarkDays.hint')}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('staff.settings.submit')}
          </button>
        </div>
      </Form>
      <ReminderSettingsForm
        defaultValue={reminderSettings}
        lastResult={actionData && 'reminders' in actionData ? actionData.reminders : undefined}
        saved={!actionData && searchParams.get('done') === 'reminders'}
      />
    </>
  )
}

/**
 * The reminder settings (app/domain/reminder-settings.ts): offsets typed as comma-separated
 * lists, so that the form works without JavaScript.
 */
function ReminderSettingsForm(props: {
  defaultValue: ReturnType<typeof reminderSettingsToForm>
  lastResult: SubmissionResult<string[]> | undefined
  saved: boolean
}) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'reminder-settings-form',
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reminderSettingsFormSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const k = 'reminders.settings'
  return (
    <section aria-labelledby="reminder-settings">
      <h2 id="reminder-settings">{t(`${k}.title`)}</h2>
      <p>{t(`${k}.intro`)}</p>
      {props.saved ? (
        <div className="notice ok" role="status">
          <p>{t(`${k}.saved`)}</p>
        </div>
      ) : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="reminders" />
        <FormErrors errors={form.errors} />
        <TextField
          field={fields.endOffsets}
          label={t(`${k}.endOffsets.label`)}
          hint={t(`${k}.endOffsets.hint`)}
          inputMode="text"
        />
        <TextField
          field={fields.noticeOffsets}
          label={t(`${k}.noticeOffsets.label`)}
          hint={t(`${k}.noticeOffsets.hint`)}
          inputMode="text"
        />
        <TextField
          field={fields.reviewEveryMonths}
          label={t(`${k}.reviewEveryMonths.label`)}
          hint={t(`${k}.reviewEveryMonths.hint`)}
          type="number"
          inputMode="numeric"
        />
        <TextField
          field={fields.escalateWithinDays}
          label={t(`${k}.escalateWithinDays.label`)}
          hint={t(`${k}.escalateWithinDays.hint`)}
          type="number"
          inputMode="numeric"
        />
        <TextField
          field={fields.expiringWithinDays}
          label={t(`${k}.expiringWithinDays.label`)}
          hint={t(`${k}.expiringWithinDays.hint`)}
          type="number"
          inputMode="numeric"
        />
        <TextField
          field={fields.noticeWarningDays}
          label={t(`${k}.noticeWarningDays.label`)}
          hint={t(`${k}.noticeWarningDays.hint`)}
          type="number"
          inputMode="numeric"
        />
        <div className="actions">
          <button type="submit" className="button">
            {t(`${k}.submit`)}
          </button>
        </div>
      </Form>
    </section>
  )
}
