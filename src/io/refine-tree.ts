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
import { refineFile, type FileOutcome, type RefinedPolicy } from '../sources/scan.js'
import { isServerlessFile } from '../sources/serverless/find.js'
import { isTerraformPath, TerraformContext } from '../sources/terraform/module.js'
import type { ParserFiles } from './terraform-parser.js'
import {
  inOrder,
  readCandidate,
  readCandidateText,
  sizeRefusal,
  walkFiles,
  type WalkedFile
} from './walk.js'

/**
 * Files read ahead of the one being refined. libuv reads files on 4 threads by default, and a
 * read waits for the disk or the page cache: 16 in flight keep those threads busy while one file
 * is refined (a walk of 6,000 small files reads in about a third of the time it takes one after
 * another, and 64 were no faster), and bound the texts held at once to 16 × MAX_FILE_BYTES.
 */
export const READ_AHEAD = 16

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
   * IAM Access Analyzer's own recommendations: each refinement is compared with them, and with
   * `required` one that differs is withheld. Known before the walk (carried by the findings
   * files), or asked once for every policy refined (then every file's result is held until the
   * answer comes).
   */
  readonly agreement?: TreeAgreement
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

export type TreeAgreement = { readonly required: boolean } & (
  | { readonly recommendations: ReadonlyMap<string, PrincipalRecommendation> }
  | {
      readonly recommendationsFor: (
        policies: readonly RefinedPolicy[]
      ) => Promise<ReadonlyMap<string, PrincipalRecommendation>>
    }
)

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
  /** Refinements of this file AWS said are wrong: a bug of ours, exit 3. */
  readonly defects: number
}

export interface RefinedTree {
  /**
   * In walk order (then the included files outside the walk), those that could not be read
   * first: the files that hold policies or were reported (malformed, skipped), and explicitly
   * named files that hold none.
   */
  readonly files: readonly RefinedTreeFile[]
  /** Refinements AWS said are wrong: a bug of ours, exit 3. */
  readonly defects: number
}

/** `refineTreeFiles`, every file held: what a sweep needs to write one commit. */
export async function refineTree(options: RefineTreeOptions): Promise<RefinedTree> {
  const files: RefinedTreeFile[] = []
  let defects = 0
  for await (const file of refineTreeFiles(options)) {
    files.push(file)
    defects += file.defects
  }
  return { files, defects }
}

/**
 * The files of `refineTree`, in its order, each given as soon as it is refined, so that a caller
 * that prints and forgets them (`check`) holds one file at a time, not the whole tree: the files
 * that cannot be read for their size (and those named explicitly that cannot be read at all) are
 * found first, by their sizes; then each file is read (READ_AHEAD of them ahead), refined and
 * given. Terraform files are read before any file is refined (a module is a folder).
 */
export async function* refineTreeFiles(
  options: RefineTreeOptions
): AsyncGenerator<RefinedTreeFile> {
  const ignored = globMatcher(options.config.ignoreFiles)
  const include = options.include ?? (() => true)
  const walked = (await walkFiles(options.paths, options.root, rel => ignored(rel))).filter(f =>
    include(f.rel)
  )
  const included = await includedFiles(walked, ignored)
  const name = (file: WalkedFile): string => (options.relativeNames ? file.rel : file.path)
  const unread = (file: WalkedFile, message: string): RefinedTreeFile => ({
    path: file.path,
    rel: file.rel,
    explicit: file.explicit,
    report: {
      file: name(file),
      status: 'skipped',
      message,
      policies: [],
      notes: [],
      edits: []
    },
    defects: 0
  })
  // A file named explicitly is read now (only then is a binary one reported), a Terraform file
  // too (its module is read before any file is refined); any other, only its size.
  const early = new Map<WalkedFile, string>()
  const later: WalkedFile[] = []
  for await (const { item: file, result } of inOrder(
    [...walked, ...included.extra],
    file =>
      file.explicit || isTerraformPath(file.rel)
        ? readCandidate(file.path)
        : sizeRefusal(file.path),
    READ_AHEAD
  )) {
    if (result?.ok === true) {
      early.set(file, result.text)
      later.push(file)
    } else if (result === undefined) later.push(file)
    else if (result.reason === 'too-large' || file.explicit) yield unread(file, result.message)
    // A binary file met in a folder is not a policy; one named explicitly is reported.
  }
  const formats = await terraformContext(
    [...early].filter(([file]) => isTerraformPath(file.rel)),
    options.parserFiles
  )
  const refineOne = (file: WalkedFile, text: string): Refined => {
    const includes = included.byFile.get(file.rel)
    const outcome = refineFile(
      { file: name(file), path: file.rel, text, ...(includes ? { included: includes } : {}) },
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
  }
  async function* refined(): AsyncGenerator<Refined | RefinedTreeFile> {
    for await (const { item: file, result } of inOrder(
      later,
      async file => {
        const text = early.get(file)
        return text !== undefined ? ({ ok: true, text } as const) : readCandidateText(file.path)
      },
      READ_AHEAD
    )) {
      if (result.ok) yield refineOne(file, result.text)
      // it changed since its size was read
      else if (result.reason === 'too-large' || file.explicit) yield unread(file, result.message)
    }
  }
  const agreement = options.agreement
  if (agreement && 'recommendationsFor' in agreement) {
    // IAM Access Analyzer's recommendations, asked once for every policy refined.
    const all: (Refined | RefinedTreeFile)[] = []
    for await (const r of refined()) all.push(r)
    const recommendations = await agreement.recommendationsFor(
      all.flatMap(r => ('outcome' in r ? (r.outcome.policies ?? []) : []))
    )
    for (const r of all) {
      const done = 'outcome' in r ? await finish(r, options, recommendations) : r
      if (done) yield done
    }
    return
  }
  for await (const r of refined()) {
    const done = 'outcome' in r ? await finish(r, options, agreement?.recommendations) : r
    if (done) yield done
  }
}

/** A file read and refined, before IAM Access Analyzer's word on it. */
interface Refined {
  readonly file: WalkedFile
  readonly text: string
  readonly outcome: FileOutcome
}

/**
 * A refined file compared with IAM Access Analyzer's recommendations and proven with AWS, as
 * the options ask; undefined for a file holding no policy that was not named explicitly.
 */
async function finish(
  { file, text, outcome: refinedOutcome }: Refined,
  options: RefineTreeOptions,
  recommendations: ReadonlyMap<string, PrincipalRecommendation> | undefined
): Promise<RefinedTreeFile | undefined> {
  const name = options.relativeNames ? file.rel : file.path
  const at = { path: file.path, rel: file.rel, explicit: file.explicit, text }
  let outcome = refinedOutcome
  let defects = 0
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
  if (!outcome.report) return file.explicit ? { ...at, defects } : undefined
  return {
    ...at,
    report: outcome.report,
    ...(outcome.fixedText !== undefined ? { fixedText: outcome.fixedText } : {}),
    defects
  }
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
  terraform: readonly (readonly [WalkedFile, string])[],
  parserFiles: ParserFiles | undefined
): Promise<{ terraform?: TerraformContext }> {
  if (terraform.length === 0) return {}
  const { bundledParserFiles, loadTerraformParser } = await import('./terraform-parser.js')
  const parser = await loadTerraformParser(parserFiles ?? bundledParserFiles())
  return {
    terraform: new TerraformContext(
      parser,
      new Map(terraform.map(([file, text]) => [file.rel, text]))
    )
  }
}

async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile()
  } catch {
    return false
  }
}
