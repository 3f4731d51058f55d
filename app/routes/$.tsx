import { notFound } from '~/utils/auth.server'

/** Any address no route claims: the friendly 404 page of the root error boundary. */
export function loader() {
  throw notFound()
}

export default function NotFound() {
  return null
}
