import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endSession } from '~/utils/auth.server'

export function action({ request }: ActionFunctionArgs) {
  return redirect('/', { headers: { 'Set-Cookie': endSession(request) } })
}

export function loader() {
  return redirect('/')
}
