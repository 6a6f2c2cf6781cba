import { writeFile } from 'node:fs/promises'
import type { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer'
import type { IAMClient } from '@aws-sdk/client-iam'
import { ConfigurationError } from '../engine/errors.js'
import {
  createAccessAnalyzerClient,
  exportUnusedAccessFindings,
  exportedFindingsFile,
  type FindingJson
} from '../findings/access-analyzer.js'
import { attachRecommendations } from '../findings/recommendations.js'
import {
  createIamClient,
  DEFAULT_UNUSED_DAYS,
  lastAccessedFindings
} from '../findings/last-accessed.js'
import { EXIT, type Command } from './io.js'
import { parseOptions } from './options.js'
import { guarded } from './guard.js'

export const FINDINGS_USAGE = `usage: iam-refine findings export [--analyzer-arn ARN] [--principal ARN]... [--out FILE]
                                 [--without-recommendations]
       iam-refine findings export --last-accessed ARN... [--unused-days N] [--out FILE]
  Writes the active unused-access findings as a JSON array of GetFindingV2 objects (the form
  --findings reads), each UnusedPermission finding with IAM Access Analyzer's recommendation next
  to it ("findingRecommendation"; --without-recommendations leaves them out). Without
  --analyzer-arn, the account's unused-access analyzer is used.
  --last-accessed reads IAM's last-accessed data of the roles or users named instead (add
  --analyzer-arn to read both). AWS credentials and region come from the environment.`

/** The AWS clients the command uses; tests give clients with short retry delays. */
export interface FindingsCommandDeps {
  accessAnalyzer(): AccessAnalyzerClient
  iam(): IAMClient
  now(): Date
}

const defaultDeps: FindingsCommandDeps = {
  accessAnalyzer: () => createAccessAnalyzerClient(),
  iam: () => createIamClient(),
  now: () => new Date()
}

export function createFindingsCommand(deps: FindingsCommandDeps = defaultDeps): Command {
  return async (args, io) => {
    const [sub, ...rest] = args
    if (sub !== 'export') {
      throw new ConfigurationError(
        `${sub === undefined ? 'name a subcommand' : `unknown subcommand "${sub}"`}\n${FINDINGS_USAGE}`
      )
    }
    const { values, positionals } = parseOptions(
      rest,
      {
        'analyzer-arn': { type: 'string' },
        principal: { type: 'string', multiple: true },
        out: { type: 'string' },
        'last-accessed': { type: 'string', multiple: true },
        'unused-days': { type: 'string' },
        'without-recommendations': { type: 'boolean' }
      },
      FINDINGS_USAGE
    )
    if (positionals.length > 0) {
      throw new ConfigurationError(`unexpected argument "${positionals[0]}"\n${FINDINGS_USAGE}`)
    }
    const analyzerArn = values['analyzer-arn'] as string | undefined
    const principals = values.principal as string[] | undefined
    const lastAccessed = (values['last-accessed'] as string[] | undefined) ?? []
    const unusedDays = readUnusedDays(values['unused-days'] as string | undefined)
    if (unusedDays !== undefined && lastAccessed.length === 0) {
      throw new ConfigurationError(`--unused-days applies to --last-accessed\n${FINDINGS_USAGE}`)
    }
    const log = (line: string) => io.err(`${line}\n`)

    const findings: FindingJson[] = []
    let coverage: Record<string, unknown> = {}
    if (analyzerArn !== undefined || lastAccessed.length === 0) {
      const client = deps.accessAnalyzer()
      let exported = await exportUnusedAccessFindings(client, {
        ...(analyzerArn === undefined ? {} : { analyzerArn }),
        ...(principals === undefined ? {} : { resources: principals }),
        log
      })
      if (values['without-recommendations'] !== true) {
        exported = await attachRecommendations(client, exported, { log })
      }
      const { findings: own, ...rest } = exportedFindingsFile(exported)
      coverage = rest
      findings.push(...(own as FindingJson[]))
    }
    if (lastAccessed.length > 0) {
      const synthesized = await lastAccessedFindings(deps.iam(), lastAccessed, {
        unusedDays: unusedDays ?? DEFAULT_UNUSED_DAYS,
        now: deps.now(),
        log
      })
      log(`${synthesized.length} principal(s) with unused access in IAM's last-accessed data`)
      findings.push(...synthesized)
      // IAM answered for each principal asked about: covered, whatever it reported.
      const asked = [
        ...((coverage.coveredPrincipals as string[] | undefined) ?? []),
        ...lastAccessed
      ]
      coverage = { ...coverage, coveredPrincipals: [...new Set(asked)] }
    }

    const text = `${JSON.stringify({ ...coverage, findings }, null, 2)}\n`
    const out = values.out as string | undefined
    if (out === undefined) io.out(text)
    else {
      try {
        await writeFile(out, text, 'utf8')
      } catch (error) {
        throw new ConfigurationError(
          `${out}: cannot write the findings (${(error as { code?: string }).code ?? String(error)})`
        )
      }
      log(`wrote ${findings.length} finding(s) to ${out}`)
    }
    return EXIT.ok
  }
}

/** `iam-refine findings export`. */
export const findingsCommand: Command = createFindingsCommand()

function readUnusedDays(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ConfigurationError(
      `--unused-days must be a whole number of days, 1 or more; got "${raw}"`
    )
  }
  return Number(raw)
}

/** `iam-refine findings` as the dispatcher runs it (src/commands/run.ts): failures as exit codes. */
export const main = guarded(findingsCommand)
