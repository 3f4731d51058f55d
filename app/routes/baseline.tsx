/**
 * A page that renders a constant: no loader of its own, no database read beyond what the root
 * layout does for every page. `npm run bench` measures it as the baseline of this stack
 * (Express, its security middleware, Remix, React, the root layout) on the machine it runs on.
 */
import type { MetaFunction } from '@remix-run/node'

export const meta: MetaFunction = () => [{ title: 'Planuri sociale' }]

export default function Baseline() {
  return (
    <div className="page">
      <h1>Planuri sociale</h1>
    </div>
  )
}
