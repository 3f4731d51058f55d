import { useTranslation } from 'react-i18next'
import { parsePeriod } from '~/domain/calendar'
import { formatDate } from '~/domain/dates'
import type { ProtocolStatus } from '~/domain/protocol-types'

const TONE: Record<ProtocolStatus, string> = {
  upcoming: '',
  active: 'ok',
  renewed: 'ok',
  expiring: 'warn',
  in_notice_window: 'danger',
  expired: '',
  terminated: '',
  needs_review: 'warn',
}

/** A protocol's status as a coloured label with its words (never colour alone). */
export function StatusBadge({ status }: { status: ProtocolStatus }) {
  const { t } = useTranslation()
  return <span className={`badge ${TONE[status]}`}>{t(`protocolStatuses.${status}`)}</span>
}

/** 'P2Y' → "2 ani" / "2 years". */
export function usePeriodText() {
  const { t } = useTranslation()
  return (duration: string | null | undefined) => {
    if (!duration) return ''
    const p = parsePeriod(duration)
    return p ? t(`periods.${p.unit}`, { count: p.amount }) : duration
  }
}

/** A calendar date as dd.MM.yyyy, or a dash. */
export function DateText({ date }: { date: string | null | undefined }) {
  return date ? <time dateTime={date}>{formatDate(date)}</time> : <span aria-label="—">–</span>
}

/**
 * What a problem message quotes from the source (a date, a quoted phrase), shown after the
 * translated label: the messages themselves are in English (the CLI contract), the UI is not.
 */
export function problemDetail(message: string | null | undefined): string | null {
  if (!message) return null
  const date = /\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b/.exec(message)
  if (date) return date[0]
  const quoted = /["“„]([^"”]{1,80})["”]/.exec(message)
  return quoted ? quoted[1]! : null
}
