import { lstat } from 'node:fs/promises'
import { posix } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Catalog } from '../engine/catalog.js'
import type { PrincipalRecommendation } from '../engine/recommendation.js'
import type { LoadedFindings } from '../findings/select.js'
import { agreementDetails } from '../report/agreement.js'
import type { FileReport } from '../report/json-report.js'
import { withAwsAgreement, withholdDisagreements } from '../sources/agreement.js'
import type { IamRefineConfig } from '../sources/config.js'
import { globMatcher } from '../sources/config.js'
import { collectIncludes } from '../sources/format.js'
import type { StatementInclude } from '../sources/model.js'
import { withAwsProof, type Prover } from '../sources/proof.js'
import { refineFile, type RefinedPolicy } from '../sources/scan.js'
import { isServerlessFile } from '../sources/serverless/find.js'
import { isTerraformPath, TerraformContext } from '../sources/terraform/module.js'
import type { ParserFiles } from './terraform-parser.js'
import { readCandidate, walkFiles, type WalkedFile } from './walk.js'

/**
 * What `check --fix` runs and a sweep runs, in one place: every file under `paths` that may hold
 * a policy, in every format (with the files a Serverless service includes, and each Terraform
 * file's module), refined against the
 * findings with the configuration's principals and keep-actions, each refinement compared with
 * IAM Access Analyzer's recommendations when the findings carry them and proven with AWS when a
 * prover is given. Nothing is written: the command line writes `fixedText` to the file, a
 * sweep commits it.
 */
export interface RefineTreeOptions {
  /** Files or folders to walk. */
  readonly paths: readonly string[]
  /** The repository root: configuration globs and `rel` paths are relative to it. */
  readonly root: string
  readonly config: IamRefineConfig
  readonly catalog: Catalog
  readonly findings: LoadedFindings
  /** `--principal`: owns per-principal findings lists and maps what nothing else maps. */
  readonly fallbackPrincipals?: readonly string[]
  /** Besides `ignore-files`, paths (relative to `root`) to leave out (the action's `paths`). */
  readonly include?: (rel: string) => boolean
  /**
   * IAM Access Analyzer's own recommendations, given for the policies refined (carried by the
   * findings files, or asked live): each refinement is compared with them, and with `required`
   * one that differs is withheld.
   */
  readonly agreement?: {
    readonly recommendationsFor: (
      policies: readonly RefinedPolicy[]
    ) => Promise<ReadonlyMap<string, PrincipalRecommendation>>
    readonly required: boolean
  }
  /** Asks IAM Access Analyzer to confirm each refinement; an unconfirmed one is withheld. */
  readonly prove?: Prover
  /**
   * Reports name files by `rel` (the action: paths in the repository) instead of by the walked
   * path (the command line: as the user named them).
   */
  readonly relativeNames?: boolean
  /** The Terraform parser's WebAssembly files; default the copies next to the bundle. */
  readonly parserFiles?: ParserFiles
  /** Hears each withheld refinement (`defect`: AWS said it is wrong, a bug of ours). */
  readonly onWithheld?: (
    file: string,
    policy: RefinedPolicy,
    reason: string,
    defect: boolean
  ) => void
}

export interface RefinedTreeFile {
  /** The path to open, as walked. */
  readonly path: string
  /** The path relative to the root, `/` separators. */
  readonly rel: string
  /** Named on the command line rather than found in a folder. */
  readonly explicit: boolean
  /** The text as read; absent for a file that could not be read. */
  readonly text?: string
  /** Absent for a file read but holding no policy (kept only when named explicitly). */
  readonly report?: FileReport
  /** The text with every proven edit applied, when there are edits. */
  readonly fixedText?: string
}

export interface RefinedTree {
  /**
   * In walk order (then the included files outside the walk): the files that hold policies or
   * were reported (malformed, skipped), and explicitly named files that hold none.
   */
  readonly files: readonly RefinedTreeFile[]
  /** Refinements AWS said are wrong: a bug of ours, exit 3. */
  readonly defects: number
}

export async function refineTree(options: RefineTreeOptions): Promise<RefinedTree> {
  const ignored = globMatcher(options.config.ignoreFiles)
  const include = options.include ?? (() => true)
  const walked = (await walkFiles(options.paths, options.root, rel => ignored(rel))).filter(f =>
    include(f.rel)
  )
  const included = await includedFiles(walked, ignored)
  const files: RefinedTreeFile[] = []
  let defects = 0
  const texts: { file: WalkedFile; text: string }[] = []
  for (const file of [...walked, ...included.extra]) {
    const read = await readCandidate(file.path)
    if (read.ok) {
      texts.push({ file, text: read.text })
    } else if (read.reason === 'too-large' || file.explicit) {
      // A binary file met in a folder is not a policy; one named explicitly is reported.
      files.push({
        path: file.path,
        rel: file.rel,
        explicit: file.explicit,
        report: {
          file: options.relativeNames ? file.rel : file.path,
          status: 'skipped',
          message: read.message,
          policies: [],
          notes: [],
          edits: []
        }
      })
    }
  }
  // A Terraform module is a folder: its files are read before any of them is refined.
  const formats = await terraformContext(texts, options.parserFiles)
  const refined = texts.map(({ file, text }) => {
    const includes = included.byFile.get(file.rel)
    const outcome = refineFile(
      {
        file: options.relativeNames ? file.rel : file.path,
        path: file.rel,
        text,
        ...(includes ? { included: includes } : {})
      },
      {
        catalog: options.catalog,
        findings: options.findings,
        config: options.config,
        // The time bound of one file (src/sources/scan.ts) runs on the process's monotonic clock.
        clock: () => performance.now(),
        formats,
        ...(options.fallbackPrincipals ? { fallbackPrincipals: options.fallbackPrincipals } : {})
      }
    )
    return { file, text, outcome }
  })
  // IAM Access Analyzer's recommendations, asked once for every policy refined.
  const recommendations = options.agreement
    ? await options.agreement.recommendationsFor(refined.flatMap(r => r.outcome.policies ?? []))
    : undefined
  for (const { file, text, outcome: refinedOutcome } of refined) {
    const name = options.relativeNames ? file.rel : file.path
    const at = { path: file.path, rel: file.rel, explicit: file.explicit, text }
    let outcome = refinedOutcome
    if (outcome.report && recommendations) {
      outcome = withAwsAgreement(outcome, file.rel, {
        catalog: options.catalog,
        config: options.config,
        recommendations
      })
      if (options.agreement?.required) {
        outcome = withholdDisagreements(text, outcome, a => agreementDetails(a).join('; '))
      }
    }
    if (options.prove && outcome.report) {
      outcome = await withAwsProof(text, outcome, options.prove, (p, reason, defect) => {
        if (defect) defects++
        options.onWithheld?.(name, p, reason, defect)
      })
    }
    if (!outcome.report) {
      if (file.explicit) files.push(at)
      continue
    }
    files.push({
      ...at,
      report: outcome.report,
      ...(outcome.fixedText !== undefined ? { fixedText: outcome.fixedText } : {})
    })
  }
  return { files, defects }
}

/**
 * The Serverless `${file(...)}` includes of the walked service files, by the included file's
 * repository path, and the included files outside the walk (a service file named alone) to read
 * too. An included path was made repository-relative by the finder, which refuses any that leave
 * the repository; a symbolic link is not followed.
 */
async function includedFiles(
  walked: readonly WalkedFile[],
  ignored: (rel: string) => boolean
): Promise<{ byFile: Map<string, StatementInclude[]>; extra: WalkedFile[] }> {
  const services: { path: string; text: string }[] = []
  const onDiskOf = new Map<string, string>()
  for (const file of walked) {
    if (!isServerlessFile(file.rel)) continue
    const read = await readCandidate(file.path)
    if (!read.ok) continue
    services.push({ path: file.rel, text: read.text })
    onDiskOf.set(file.rel, file.path)
  }
  const byFile = collectIncludes(services)
  const inWalk = new Set(walked.map(f => f.rel))
  const extra: WalkedFile[] = []
  for (const [rel, includes] of byFile) {
    if (inWalk.has(rel) || ignored(rel)) continue
    // beside the file that includes it, on disk as in the repository
    const from = includes[0]?.from.file ?? ''
    const dir = posix.dirname(from)
    const path = posix.join(
      posix.dirname(onDiskOf.get(from) ?? from),
      posix.relative(dir === '.' ? '' : dir, rel)
    )
    if (!(await isRegularFile(path))) continue
    extra.push({ path, rel, explicit: false })
  }
  return { byFile, extra }
}

/** The Terraform parser and files, loaded only when the walk met a Terraform file. */
async function terraformContext(
  texts: readonly { file: WalkedFile; text: string }[],
  parserFiles: ParserFiles | undefined
): Promise<{ terraform?: TerraformContext }> {
  const terraform = texts.filter(t => isTerraformPath(t.file.rel))
  if (terraform.length === 0) return {}
  const { bundledParserFiles, loadTerraformParser } = await import('./terraform-parser.js')
  const parser = await loadTerraformParser(parserFiles ?? bundledParserFiles())
  return {
    terraform: new TerraformContext(parser, new Map(terraform.map(t => [t.file.rel, t.text])))
  }
}

async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile()
  } catch {
    return false
  }
}
