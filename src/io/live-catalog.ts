import { isRecord, parseCatalog, type Catalog } from '../engine/catalog.js'
import { bundledCatalog } from '../engine/bundled-catalog.js'
import { readJsonFile } from './files.js'

/** The AWS service reference: an index of services, then one JSON file per service. */
export const SERVICE_REFERENCE_URL = 'https://servicereference.us-east-1.amazonaws.com/'
/** Overrides the service reference's address (a mirror, or a loopback server in tests). */
export const SERVICE_REFERENCE_URL_ENV = 'IAM_REFINE_SERVICE_REFERENCE_URL'
/** A bundled catalog older than this is worth a warning. */
export const CATALOG_MAX_AGE_DAYS = 90

export interface LiveCatalogOptions {
  /** Defaults to $IAM_REFINE_SERVICE_REFERENCE_URL, then the AWS address. */
  readonly baseUrl?: string
  /** Called once when the live catalog cannot be used, with the reason and the fallback. */
  readonly warn: (message: string) => void
  readonly fetch?: typeof globalThis.fetch
  /** For the whole download, index and every service. */
  readonly timeoutMs?: number
  /** Service files in flight at once. */
  readonly concurrency?: number
}

const cache = new Map<string, Promise<Catalog>>()

/**
 * The catalog from the AWS service reference (`catalog: live`), read once per run and base URL.
 * Never fails: on any error it warns and returns the bundled catalog.
 */
export async function loadLiveCatalog(options: LiveCatalogOptions): Promise<Catalog> {
  const baseUrl = options.baseUrl ?? process.env[SERVICE_REFERENCE_URL_ENV] ?? SERVICE_REFERENCE_URL
  let pending = cache.get(baseUrl)
  if (!pending) {
    pending = fetchServiceReference(baseUrl, options)
    cache.set(baseUrl, pending)
  }
  try {
    return await pending
  } catch (error) {
    // A failure is not cached: a later call in the same run may find the service back.
    cache.delete(baseUrl)
    const fallback = bundledCatalog()
    options.warn(
      `could not read the AWS service reference at ${baseUrl} (${(error as Error).message}); ` +
        `using the bundled catalog (${fallback.source}${fallback.updatedAt ? `, ${fallback.updatedAt}` : ''})`
    )
    return fallback
  }
}

/** Forgets what loadLiveCatalog read (tests; a long-lived process that wants fresh data). */
export function clearLiveCatalogCache(): void {
  cache.clear()
}

async function fetchServiceReference(
  baseUrl: string,
  options: LiveCatalogOptions
): Promise<Catalog> {
  const fetch = options.fetch ?? globalThis.fetch
  const controller = new AbortController()
  const timeoutMs = options.timeoutMs ?? 60_000
  const timer = setTimeout(
    () => controller.abort(new Error(`no answer within ${timeoutMs / 1000} s`)),
    timeoutMs
  )
  try {
    const base = new URL(baseUrl)
    const getJson = async (url: URL): Promise<unknown> => {
      const response = await fetch(url, {
        signal: controller.signal,
        headers: { accept: 'application/json' }
      })
      if (!response.ok) throw new Error(`${url.href} answered HTTP ${response.status}`)
      return (await response.json()) as unknown
    }
    const index = await getJson(base)
    if (!Array.isArray(index) || index.length === 0) {
      throw new Error('its index is not a list of {"service", "url"}')
    }
    const entries = index.map(entry => {
      if (!isRecord(entry) || typeof entry.service !== 'string' || typeof entry.url !== 'string') {
        throw new Error('its index is not a list of {"service", "url"}')
      }
      const url = new URL(entry.url, base)
      // The index names files on its own host; anything else is not followed.
      if (url.origin !== base.origin) {
        throw new Error(`its index points outside ${base.origin} (${url.href})`)
      }
      return { service: entry.service, url }
    })
    const services = new Map<string, string[]>()
    const bodies = await mapConcurrent(entries, options.concurrency ?? 8, async entry => ({
      entry,
      body: await getJson(entry.url)
    }))
    for (const { entry, body } of bodies) {
      const actions = readServiceActions(body, entry.service)
      const key = entry.service.toLowerCase()
      services.set(key, [...(services.get(key) ?? []), ...actions])
    }
    return {
      source: `AWS service reference (${base.href})`,
      updatedAt: new Date().toISOString().slice(0, 10),
      services
    }
  } finally {
    clearTimeout(timer)
  }
}

function readServiceActions(body: unknown, service: string): string[] {
  if (!/^[a-z0-9-]+$/i.test(service)) throw new Error(`"${service}" is not a service prefix`)
  if (!isRecord(body) || !Array.isArray(body.Actions)) {
    throw new Error(`the file of ${service} has no "Actions" list`)
  }
  return body.Actions.map(action => {
    const name = isRecord(action) ? action.Name : undefined
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(name)) {
      throw new Error(`the file of ${service} holds an action without a valid "Name"`)
    }
    return name
  })
}

/**
 * A warning when a catalog is older than `CATALOG_MAX_AGE_DAYS` on `now`: actions AWS added since
 * are unknown to it (they are still removed when a finding names them, but a wildcard's
 * generalization cannot account for them).
 */
export function catalogAgeWarning(catalog: Catalog, now: Date): string | undefined {
  if (catalog.updatedAt === undefined) return undefined
  const updated = Date.parse(catalog.updatedAt)
  if (Number.isNaN(updated)) return undefined
  const days = Math.floor((now.getTime() - updated) / 86_400_000)
  if (days <= CATALOG_MAX_AGE_DAYS) return undefined
  return (
    `the action catalog (${catalog.source}) is from ${catalog.updatedAt.slice(0, 10)}, ${days} days ago: ` +
    'actions AWS added since are unknown to it. Update iam-refine, or use `catalog: live`.'
  )
}

/** Maps with at most `limit` calls in flight, keeping the input order. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++
      try {
        results[i] = await fn(items[i] as T, i)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

/**
 * The catalog an input names: `live` (the AWS service reference, bundled as fallback), a catalog
 * file, or nothing for the bundled one. The bundled catalog's age is checked against `now`.
 */
export async function catalogFromInput(
  value: string | undefined,
  options: { warn: (message: string) => void; now?: Date; baseUrl?: string }
): Promise<Catalog> {
  const trimmed = value?.trim()
  let catalog: Catalog
  if (trimmed === 'live') {
    catalog = await loadLiveCatalog({
      warn: options.warn,
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl })
    })
  } else if (trimmed) {
    catalog = parseCatalog(await readJsonFile(trimmed, 'catalog'), trimmed)
  } else {
    catalog = bundledCatalog()
  }
  if (catalog === bundledCatalog()) {
    const stale = catalogAgeWarning(catalog, options.now ?? new Date())
    if (stale) options.warn(stale)
  }
  return catalog
}
