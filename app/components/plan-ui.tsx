import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '~/domain/dates'
import type { Answer, PlanPhase } from '~/domain/consultation'
import type { DiffPart } from '~/domain/word-diff'

const PHASE_TONE: Record<PlanPhase, string> = {
  draft: '',
  announced: 'warn',
  open: 'ok',
  closed: '',
  adopted: 'ok',
  withdrawn: 'danger',
}

export function PhaseBadge({ phase }: { phase: PlanPhase }) {
  const { t } = useTranslation()
  return <span className={`badge ${PHASE_TONE[phase]}`}>{t(`plans.phases.${phase}`)}</span>
}

const ANSWER_TONE: Record<Answer, string> = {
  accepted: 'ok',
  partially_accepted: 'ok',
  rejected: 'danger',
  not_applicable: '',
}

export function AnswerBadge({ answer }: { answer: Answer | null }) {
  const { t } = useTranslation()
  if (!answer) return <span className="badge warn">{t('plans.answers.none')}</span>
  return <span className={`badge ${ANSWER_TONE[answer]}`}>{t(`plans.answers.${answer}`)}</span>
}

/** A word-level diff: deletions struck through, insertions underlined, each announced to screen readers. */
export function DiffView({ parts, label }: { parts: DiffPart[]; label?: string }) {
  const { t } = useTranslation()
  return (
    <div className="diff" aria-label={label} role={label ? 'group' : undefined}>
      {parts.map((p, i) =>
        // A change of whitespace alone is not a change a reader should be shown.
        p.kind === 'same' || (p.kind === 'added' && !p.text.trim()) ? (
          <span key={i}>{p.text}</span>
        ) : !p.text.trim() ? null : p.kind === 'removed' ? (
          <del key={i}>
            <span className="visually-hidden">{t('plans.diff.removed')} </span>
            {p.text}
          </del>
        ) : (
          <ins key={i}>
            <span className="visually-hidden">{t('plans.diff.added')} </span>
            {p.text}
          </ins>
        ),
      )}
    </div>
  )
}

/** Paragraphs of plain text, kept as written. */
export function PlainText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i} className="pre-line">
            {p}
          </p>
        ))}
    </>
  )
}

export function sectionTitle(s: { number: string | null; heading: string }): string {
  return [s.number, s.heading].filter(Boolean).join(' ')
}

/** Previous / next links of a paginated list (plain links: they work without JavaScript). */
export function Pager(props: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize))
  if (pages <= 1) return null
  return (
    <nav className="pager" aria-label={t('plans.pager.label')}>
      {props.page > 1 ? (
        <Link to={props.href(props.page - 1)} rel="prev">
          {t('plans.pager.previous')}
        </Link>
      ) : null}
      <span>{t('plans.pager.position', { page: props.page, pages })}</span>
      {props.page < pages ? (
        <Link to={props.href(props.page + 1)} rel="next">
          {t('plans.pager.next')}
        </Link>
      ) : null}
    </nav>
  )
}

export function DateRange({ from, to }: { from: string | null; to: string | null }) {
  if (!from || !to) return null
  return (
    <>
      <time dateTime={from}>{formatDate(from)}</time> – <time dateTime={to}>{formatDate(to)}</time>
    </>
  )
}

/** Consultations › authority › plan reference › (this page). */
export function PlanBreadcrumbs(props: {
  authority: { slug: string; name: string }
  plan: { id: string; reference: string }
  current?: string
}) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
      <ol>
        <li>
          <Link to="/consultations">{t('consultations.title')}</Link>
        </li>
        <li>
          <Link to={`/a/${props.authority.slug}`}>{props.authority.name}</Link>
        </li>
        {props.current ? (
          <>
            <li>
              <Link to={`/a/${props.authority.slug}/plans/${props.plan.id}`}>{props.plan.reference}</Link>
            </li>
            <li aria-current="page">{props.current}</li>
          </>
        ) : (
          <li aria-current="page">{props.plan.reference}</li>
        )}
      </ol>
    </nav>
  )
}

/**
 * A section's sanitised HTML with each table in a keyboard-focusable scrolling region, so a wide
 * table scrolls on a phone without widening the page and can be scrolled with the keyboard.
 */
export function SectionBody({ html, label, className }: { html: string; label: string; className?: string }) {
  const safeLabel = label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  // Each region needs a name of its own: several tables in a section are numbered.
  const tables = html.match(/<table>/g)?.length ?? 0
  let n = 0
  const wrapped = html
    .replace(/<table>/g, () => {
      n++
      const name = tables > 1 ? `${safeLabel} (${n}/${tables})` : safeLabel
      return `<div class="table-scroll" role="region" tabindex="0" aria-label="${name}"><table>`
    })
    .replace(/<\/table>/g, '</table></div>')
  // The HTML was sanitised on import (app/services/plan-import.server.ts): an allowlist of text tags.
  return <div className={`section-body ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: wrapped }} />
}
