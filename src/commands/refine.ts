import { parseCatalog, type Catalog } from '../engine/catalog.js'
import { ConfigurationError } from '../engine/errors.js'
import { generatedCatalog } from '../engine/generated-catalog.js'
import { QUOTAS, refinePolicy } from '../engine/refine.js'
import { loadFindingsFiles } from '../findings/load.js'
import { selectPrincipals } from '../findings/select.js'
import { readJsonFile } from '../io/files.js'
import { describeRefinement } from '../report/reasons.js'
import { EXIT, type Command } from './io.js'
import { parseOptions } from './options.js'
import { guarded } from './guard.js'

export const REFINE_USAGE =
  'usage: iam-refine refine POLICY.json --findings FILE... [--principal ARN]... [--catalog FILE]'

/** `iam-refine refine`: the refined document on stdout, the reasons and warnings on stderr. */
export const refineCommand: Command = async (args, io) => {
  const { values, positionals } = parseOptions(
    args,
    {
      findings: { type: 'string', multiple: true },
      principal: { type: 'string', multiple: true },
      catalog: { type: 'string' }
    },
    REFINE_USAGE
  )
  const findingsFiles = [
    ...((values.findings as string[] | undefined) ?? []),
    ...positionals.slice(1)
  ]
  if (positionals.length === 0)
    throw new ConfigurationError(`name the policy file\n${REFINE_USAGE}`)
  if (findingsFiles.length === 0)
    throw new ConfigurationError(`name at least one --findings file\n${REFINE_USAGE}`)
  const policyFile = positionals[0] as string
  const policy = await readJsonFile(policyFile, 'policy')
  const catalog = await loadCatalog(values.catalog as string | undefined)
  const findings = await loadFindingsFiles(findingsFiles)
  const { principals, warnings } = selectPrincipals(
    findings,
    (values.principal as string[] | undefined) ?? []
  )

  let result
  try {
    result = refinePolicy(policy, { catalog, principals, quota: QUOTAS.managed })
  } catch (error) {
    if (error instanceof ConfigurationError)
      throw new ConfigurationError(`${policyFile}: ${error.message}`)
    throw error
  }
  io.out(`${JSON.stringify(result.document, null, 2)}\n`)
  for (const line of [
    ...findings.notes,
    ...warnings,
    ...describeRefinement(result),
    ...result.warnings
  ]) {
    io.err(`${line}\n`)
  }
  return EXIT.ok
}

/**
 * A catalog file (`--catalog`), or the bundled one, whose data is imported only then: its ~740 KB
 * are not loaded by a run that names its own (docs/adr/0022-bundle-layout.md). The same object as
 * `bundledCatalog()` (src/engine/generated-catalog.ts).
 */
export async function loadCatalog(file: string | undefined): Promise<Catalog> {
  if (file === undefined) return generatedCatalog(await import('../engine/catalog-data.js'))
  return parseCatalog(await readJsonFile(file, 'catalog'), file)
}

/** `iam-refine refine` as the dispatcher runs it (src/commands/run.ts): failures as exit codes. */
export const main = guarded(refineCommand)
