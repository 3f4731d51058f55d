import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AnswerBadge, DiffView, PlainText, sectionTitle } from '~/components/plan-ui'
import type { Answer } from '~/domain/consultation'
import { formatDate } from '~/domain/dates'
import type { DiffPart } from '~/domain/word-diff'

export type RecommendationCardData = {
  id: string
  registrationNumber: string
  authorLabel: string
  sectionAnchor: string | null
  sectionNumber: string | null
  sectionHeading: string | null
  text: string
  proposedWording: string | null
  attachmentName: string | null
  status: 'registered' | 'withdrawn'
  hidden: boolean
  hiddenReason: string | null
  answer: Answer | null
  answerJustification: string | null
  submittedOn: string
  mine?: boolean
  diff: DiffPart[] | null
}

/** One recommendation as the public reads it: number, author, text, proposed wording as a diff, answer. */
export function RecommendationCard(props: {
  recommendation: RecommendationCardData
  base: string
  showSection: boolean
  /** 2 where the card is the page's subject, right under its h1 (headings do not skip a level). */
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const r = props.recommendation
  const href = `${props.base}/recommendations/${r.id}`
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className="recommendation" aria-labelledby={`rec-${r.id}`}>
      <header>
        <Heading id={`rec-${r.id}`}>
          <Link to={href}>{r.registrationNumber}</Link> · {r.authorLabel}
          {r.mine ? <span className="badge">{t('plans.comment.yours')}</span> : null}
        </Heading>
        <p className="muted">
          {formatDate(r.submittedOn)}
          {props.showSection
            ? ` · ${r.sectionAnchor ? sectionTitle({ number: r.sectionNumber, heading: r.sectionHeading ?? '' }) : t('plans.page.wholePlan')}`
            : ''}
        </p>
      </header>
      {r.hidden ? (
        <p className="notice">
          {t('plans.moderation.hiddenPublic')} {r.hiddenReason}
        </p>
      ) : null}
      {r.text ? <PlainText text={r.text} /> : null}
      {r.diff ? (
        <details className="disclosure">
          <summary>{t('plans.comment.showProposal')}</summary>
          <DiffView parts={r.diff} label={t('plans.comment.proposedWording')} />
        </details>
      ) : null}
      {r.attachmentName ? (
        <p>
          <a href={`${href}/attachment`}>{t('plans.comment.attachmentLink', { name: r.attachmentName })}</a>
        </p>
      ) : null}
      <div className="answer">
        <AnswerBadge answer={r.answer} />
        {r.answerJustification ? <p className="pre-line">{r.answerJustification}</p> : null}
      </div>
    </article>
  )
}
