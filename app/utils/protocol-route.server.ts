import type { Action } from '~/domain/permissions'
import { termFromForm, type ProtocolFormValue } from '~/domain/protocol-form'
import { getAuthorityBySlug, listStaff, type Authority } from '~/models/authority.server'
import { getProtocol, type ProtocolDetail, type ProtocolInput } from '~/models/protocol.server'
import { notFound, requirePermission } from '~/utils/auth.server'

/** The authority of the URL, if the user may do `action` in it. */
export function authorityFor(request: Request, slug: string | undefined, action: Action) {
  const authority = getAuthorityBySlug(slug ?? '')
  if (!authority) throw notFound()
  return { authority, ...requirePermission(request, action, { type: 'authority', authorityId: authority.id }) }
}

/** A protocol of the URL's authority (a protocol of another authority is not found). */
export function protocolFor(request: Request, slug: string | undefined, id: string | undefined, action: Action) {
  const context = authorityFor(request, slug, action)
  const detail = getProtocol(id ?? '')
  if (!detail || detail.protocol.authorityId !== context.authority.id) throw notFound()
  return { ...context, detail }
}

export function staffOptions(authorityId: string) {
  return listStaff(authorityId).map((s) => ({ userId: s.userId, name: s.name }))
}

/** A submitted protocol form as the model's input; the responsible person must be staff. */
export function protocolInput(value: ProtocolFormValue, authority: Authority): ProtocolInput {
  const staff = new Set(listStaff(authority.id).map((s) => s.userId))
  return {
    kind: value.kind,
    listNumber: value.listNumber || null,
    title: value.title,
    object: value.object || null,
    signedOn: value.signedOn,
    parties: [
      {
        name: authority.name,
        isAuthority: true,
        registrationNumber: value.authorityRegistrationNumber || null,
        registrationDate: value.authorityRegistrationDate,
      },
      ...value.partners
        .filter((p) => p.name)
        .map((p) => ({
          name: p.name!,
          isAuthority: false,
          registrationNumber: p.registrationNumber || null,
          registrationDate: p.registrationDate,
          contactName: p.contactName || null,
          contactEmail: p.contactEmail || null,
        })),
    ],
    term: termFromForm({ ...value, start: value.start, end: value.end }),
    responsibleUserId: value.responsibleUserId && staff.has(value.responsibleUserId) ? value.responsibleUserId : null,
    isPublic: value.isPublic === 'on',
    remindPartners: value.remindPartners === 'on',
  }
}

/** The form's default values from a stored protocol (for editing). */
export function protocolFormDefaults(detail: ProtocolDetail) {
  const authorityParty = detail.parties.find((p) => p.isAuthority)
  return {
    kind: detail.protocol.kind,
    listNumber: detail.protocol.listNumber ?? '',
    title: detail.protocol.title,
    object: detail.protocol.object ?? '',
    signedOn: detail.protocol.signedOn ?? '',
    authorityRegistrationNumber: authorityParty?.registrationNumber ?? '',
    authorityRegistrationDate: authorityParty?.registrationDate ?? '',
    partners: detail.parties
      .filter((p) => !p.isAuthority)
      .map((p) => ({
        name: p.name,
        registrationNumber: p.registrationNumber ?? '',
        registrationDate: p.registrationDate ?? '',
        contactName: p.contactName ?? '',
        contactEmail: p.contactEmail ?? '',
      })),
    responsibleUserId: detail.protocol.responsibleUserId ?? '',
    isPublic: detail.protocol.isPublic ? 'on' : undefined,
    remindPartners: detail.protocol.remindPartners ? 'on' : undefined,
  }
}

export type { Authority }
