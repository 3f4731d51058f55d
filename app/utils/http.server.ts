import { data } from '@remix-run/node'

/** A form sent back with its errors: 400, so that scripts and tests see the refusal. */
export function invalid<T>(result: T) {
  return data(result, { status: 400 })
}
