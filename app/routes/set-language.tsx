import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLocale } from '~/i18n'
import { updateUserProfile } from '~/models/user.server'
import { getUser, safeRedirect } from '~/utils/auth.server'
import { localeCookie } from '~/utils/i18n.server'

/** The language switch: remembered in a cookie, and on the account of a signed-in user. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const lng = form.get('lng')
  if (!isLocale(lng)) return new Response('Unsupported language', { status: 400 })
  const user = getUser(request)
  if (user && user.locale !== lng) updateUserProfile(user, { locale: lng })
  return redirect(safeRedirect(form.get('redirectTo')), {
    headers: { 'Set-Cookie': await localeCookie.serialize(lng) },
  })
}

export function loader() {
  return redirect('/')
}
