import { fold } from './actions.js'
import { ConfigurationError } from './errors.js'

/** The actions AWS defines, per service prefix, in AWS's casing. */
export interface Catalog {
  /** Where it came from: the bundled package version, a file name, or the live reference. */
  readonly source: string
  /** ISO date of the data, when known. */
  readonly updatedAt?: string
  /** Service prefix (lower case) -> action names (AWS casing, without the prefix). */
  readonly services: ReadonlyMap<string, readonly string[]>
}

/**
 * A catalog's actions in the shape every universe is built on: the `service:Action` names folded
 * (src/engine/actions.ts `fold`) and sorted by code unit, no two alike, beside the same names in
 * the catalog's casing. The names that start with a prefix are then one range of both lists.
 */
export interface CatalogIndex {
  readonly names: readonly string[]
  /** `display[i]` is `names[i]` in the catalog's casing. */
  readonly display: readonly string[]
}

// Catalogs are immutable values; every policy refined in a run with the same catalog shares one
// index instead of folding and sorting ~22,000 names again.
const indexes = new WeakMap<Catalog, CatalogIndex>()
/** Catalogs whose index is built another way than from their services (the bundled one). */
const indexBuilders = new WeakMap<Catalog, () => CatalogIndex>()

/** The index of a catalog, built once per catalog object. */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog)
  if (!index) {
    index = indexBuilders.get(catalog)?.() ?? indexServices(catalog.services)
    indexes.set(catalog, index)
  }
  return index
}

/**
 * Says how `catalog`'s index is built, for a catalog whose names come already indexed (the
 * bundled one, src/engine/bundled-catalog.ts); built on first use, once.
 */
export function indexCatalogWith(catalog: Catalog, build: () => CatalogIndex): void {
  indexBuilders.set(catalog, build)
}

/** Folds, sorts and deduplicates a catalog's names; of two casings of one name the last wins. */
function indexServices(services: ReadonlyMap<string, readonly string[]>): CatalogIndex {
  const byFolded = new Map<string, string>()
  for (const [service, actions] of services) {
    for (const action of actions) {
      const name = `${service}:${action}`
      byFolded.set(fold(name), name)
    }
  }
  const names = [...byFolded.keys()].sort()
  return { names, display: names.map(name => byFolded.get(name) as string) }
}

/** Service prefix -> its actions, as `Catalog.services` holds them: prefixes sorted, actions in index order. */
export function servicesOf(index: CatalogIndex): Map<string, string[]> {
  const byService = new Map<string, string[]>()
  index.names.forEach((name, i) => {
    const colon = name.indexOf(':')
    const service = name.slice(0, colon)
    let actions = byService.get(service)
    if (!actions) byService.set(service, (actions = []))
    actions.push((index.display[i] as string).slice(colon + 1))
  })
  return new Map([...byService].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * Reads a catalog file's parsed JSON, in either form: `{"s3": ["GetObject", ...]}` or
 * `{"updatedAt": "...", "services": {...}}`. `file` names it in error messages.
 */
export function parseCatalog(value: unknown, file: string): Catalog {
  if (!isRecord(value))
    throw new ConfigurationError(`${file}: a catalog is a JSON object of service prefixes`)
  let body: Record<string, unknown> = value
  let updatedAt: string | undefined
  if ('services' in value) {
    if (!isRecord(value.services)) {
      throw new ConfigurationError(`${file}: "services" must be an object of service prefixes`)
    }
    if (value.updatedAt !== undefined && typeof value.updatedAt !== 'string') {
      throw new ConfigurationError(`${file}: "updatedAt" must be a date string`)
    }
    body = value.services
    updatedAt = value.updatedAt as string | undefined
  }
  const services = new Map<string, string[]>()
  for (const [service, actions] of Object.entries(body)) {
    if (!/^[a-z0-9-]+$/i.test(service)) {
      throw new ConfigurationError(`${file}: "${service}" is not a service prefix`)
    }
    if (
      !Array.isArray(actions) ||
      actions.some(a => typeof a !== 'string' || !/^[A-Za-z0-9_-]+$/.test(a))
    ) {
      throw new ConfigurationError(
        `${file}: "${service}" must list action names without wildcards, e.g. ["GetObject"]`
      )
    }
    services.set(service.toLowerCase(), [
      ...(services.get(service.toLowerCase()) ?? []),
      ...actions
    ])
  }
  if (services.size === 0) throw new ConfigurationError(`${file}: the catalog names no service`)
  return updatedAt === undefined
    ? { source: file, services }
    : { source: file, updatedAt, services }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
