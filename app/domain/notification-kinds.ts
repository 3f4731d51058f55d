/** The kinds of notification a person chooses how to receive (the others are essential). */
export const CHOOSABLE_KINDS = [
  'consultation_opened',
  'consultation_closing',
  'recommendation_answered',
  'debate_scheduled',
] as const
export type ChoosableKind = (typeof CHOOSABLE_KINDS)[number]

export const NOTIFICATION_MODES = ['immediate', 'daily', 'weekly', 'off'] as const
export type NotificationMode = (typeof NOTIFICATION_MODES)[number]

export function isChoosable(kind: string): kind is ChoosableKind {
  return (CHOOSABLE_KINDS as readonly string[]).includes(kind)
}
