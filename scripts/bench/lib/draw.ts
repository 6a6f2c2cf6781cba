/**
 * The engine's benchmark inputs, drawn from the bundled catalog with a seeded generator: findings
 * with about 85% of the services wholly unused, and a policy of 300 wildcard statements.
 */
import { wordBoundaries } from '../../../src/engine/actions.js'
import type { Catalog } from '../../../src/engine/catalog.js'
import type { PrincipalUnused } from '../../../src/engine/unused.js'

/** ~85% of services wholly unused; of the rest, each action unused with probability 0.4. */
export function drawUnused(catalog: Catalog, rnd: () => number): PrincipalUnused {
  const services = [...catalog.services.keys()].sort().map(service => {
    if (rnd() < 0.85) return { service }
    const actions = (catalog.services.get(service) ?? [])
      .filter(() => rnd() < 0.4)
      .map(action => ({ action }))
    return { service, actions }
  })
  return {
    principal: 'arn:aws:iam::123456789012:role/Bench',
    wholePrincipal: false,
    services,
    sources: ['bench']
  }
}

/** Allow statements (300 by default) of 1-4 wildcards each: service-wide, word prefixes, mid-word, infix. */
export function drawPolicy(
  catalog: Catalog,
  rnd: () => number,
  statements = 300
): Record<string, unknown> {
  const names = [...catalog.services].flatMap(([s, actions]) => actions.map(a => `${s}:${a}`))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const wildcard = (): string => {
    const name = pick(names)
    const ends = wordBoundaries(name)
    const kind = rnd()
    if (kind < 0.15) return `${name.slice(0, ends[0])}*`
    if (kind < 0.75) return `${name.slice(0, pick(ends.slice(0, -1)))}*`
    if (kind < 0.9) return `${name.slice(0, (ends[0] as number) + 1 + Math.floor(rnd() * 4))}*`
    return `${name.slice(0, ends[0])}*${name.slice(ends[ends.length - 2])}`
  }
  const Statement = Array.from({ length: statements }, (_, i) => ({
    Sid: `S${i}`,
    Effect: 'Allow',
    Action: Array.from({ length: 1 + Math.floor(rnd() * 4) }, wildcard),
    Resource: '*'
  }))
  return { Version: '2012-10-17', Statement }
}
