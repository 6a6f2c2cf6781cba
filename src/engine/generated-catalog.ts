/**
 * The bundled catalog built from its generated data (src/engine/catalog-data.ts), which this
 * module does not import: the data is about 740 KB of source, and whoever needs it brings it in,
 * statically (src/engine/bundled-catalog.ts) or through `import()` (`refine`, which a run that
 * names its own catalog then never loads; docs/adr/0022-bundle-layout.md).
 */
import {
  catalogIndex,
  indexCatalogWith,
  servicesOf,
  type Catalog,
  type CatalogIndex
} from './catalog.js'

/** What scripts/generate-catalog.mjs writes (src/engine/catalog-data.ts). */
export interface GeneratedCatalogData {
  readonly BUNDLED_CATALOG_SOURCE: string
  readonly BUNDLED_CATALOG_UPDATED_AT: string
  /** A JSON array of `service:Action`, sorted by the lower-cased name, none alike lower-cased. */
  readonly BUNDLED_CATALOG_JSON: string
}

/** The catalogs built, by their text: a process has one (the bundled data), a test may add more. */
const built: { readonly json: string; readonly catalog: Catalog }[] = []

/**
 * The catalog of the generated data, one object for one text however the data module was reached
 * (a static import and an `import()` of it may hand over different namespace objects in a bundle;
 * the text is the same string, compared by reference first). Its names come already folded, sorted
 * and unique, so its index is two JSON.parse calls, built on first use; the per-service map only
 * when someone reads it.
 */
export function generatedCatalog(data: GeneratedCatalogData): Catalog {
  const json = data.BUNDLED_CATALOG_JSON
  const known = built.find(b => b.json === json)
  if (known) return known.catalog
  let services: ReadonlyMap<string, readonly string[]> | undefined
  const catalog: Catalog = {
    source: data.BUNDLED_CATALOG_SOURCE,
    updatedAt: data.BUNDLED_CATALOG_UPDATED_AT,
    get services() {
      return (services ??= servicesOf(catalogIndex(catalog)))
    }
  }
  indexCatalogWith(catalog, () => indexOf(json))
  built.push({ json, catalog })
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
function indexOf(json: string): CatalogIndex {
  return {
    names: JSON.parse(json.toLowerCase()) as string[],
    display: JSON.parse(json) as string[]
  }
}
