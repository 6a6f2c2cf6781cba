import { lstat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { posix } from 'node:path'
import { performance } from 'node:perf_hooks'
import { type Catalog } from '../engine/catalog.js'
import { bundledCatalog } from '../engine/bundled-catalog.js'
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
import {
  refineFile,
  type FileInput,
  type FileOutcome,
  type RefinedPolicy,
  type RefineSourcesOptions
} from '../sources/scan.js'
import { isServerlessFile } from '../sources/serverless/find.js'
import { isTerraformPath, TerraformContext } from '../sources/terraform/module.js'
import type { ParserFiles } from './terraform-parser.js'
import {
  inOrder,
  readCandidate,
  readCandidateText,
  sizeRefusal,
  walkFiles,
  type ReadOutcome,
  type WalkedFile
} from './walk.js'
import { WorkerPool } from './worker-pool.js'

/**
 * Files read ahead of the one being printed. The reads themselves are synchronous now (walk.ts:
 * through the thread pool they cost the main thread more than they saved); what stays ahead is
 * the work on them, so that with workers 16 files are being refined while the main thread prints
 * the next in order (in process only the reads are ahead, which no longer overlap anything). It
 * also bounds the texts held at once to 16 × MAX_FILE_BYTES.
 */
export const READ_AHEAD = 16

/**
 * Below this many files to refine, they are refined in process. Measured on the benchmark's
 * repositories (2 cores): a worker costs about 0.2 s of CPU to start (it loads the bundle,
 * indexes the catalog, receives the findings and the configuration as clones and maps its
 * first principals cold) and 45 MiB, and each file refined in a worker about 0.25 ms more than
 * in process (the file's text and report cloned, the messages, a second heap to collect), against
 * about 1.4 ms to refine it. Two workers on two free cores break even near 300 files.
 */
export const MIN_FILES_FOR_WORKERS = 300

/**
 * At most this many worker threads: GitHub's larger public runners have 4 vCPUs. The main thread
 * still reads, diffs and prints every file, and each worker holds its own copy of the findings,
 * the configuration and the catalog index, so more would cost memory for little.
 */
export const MAX_WORKERS = 4

/**
 * Workers only with at least this many cores. In process, V8's own helper threads (the collector,
 * the compiler) already keep about 1.4 cores busy, so on 2 cores workers pay only for large runs
 * (MIN_FILES_FOR_WORKERS_ON_TWO_CORES); on one core never.
 */
export const MIN_CORES_FOR_WORKERS = 2

/**
 * On exactly 2 cores (GitHub's runners for private repositories), workers only from this many
 * files to refine. Measured on a quiet 2-core machine, the benchmark's repositories, two workers
 * against in process (ADR 25): 1,000 files 1.53 s against 1.39 s (slower: the workers' start and
 * the clones), 2,500 files 2.64 s against 2.74 s (even, for twice the memory), 5,000 files 5.0 s
 * against 6.0 s. From 4,000 the gain is clear of the noise.
 */
export const MIN_FILES_FOR_WORKERS_ON_TWO_CORES = 4000

/**
 * How many workers `auto` starts for `files` files on `cores` cores (0: in process): see
 * MIN_FILES_FOR_WORKERS, MIN_CORES_FOR_WORKERS, MIN_FILES_FOR_WORKERS_ON_TWO_CORES, MAX_WORKERS.
 */
export function autoWorkers(files: number, cores: number): number {
  if (cores < MIN_CORES_FOR_WORKERS || files < MIN_FILES_FOR_WORKERS) return 0
  if (cores === 2 && files < MIN_FILES_FOR_WORKERS_ON_TWO_CORES) return 0
  return Math.min(cores, MAX_WORKERS)
}

/** The worker's module, beside the bundle's chunks in dist/ (scripts/bundle.mjs). */
const WORKER_ENTRY = new URL('./refine-worker.js', import.meta.url)

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
  /**
   * Refine files in a pool of worker threads (`check`): `auto` when there are enough of them
   * (`autoWorkers`: MIN_FILES_FOR_WORKERS, more on 2 cores), or that many workers (0: in process). Runs that
   * prove with AWS or ask IAM Access Analyzer for every policy at once always run in process.
   * Default: in process.
   */
  readonly workers?: 'auto' | number
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
  const terraformFiles = new Map(
    [...early].filter(([file]) => isTerraformPath(file.rel)).map(([file, text]) => [file.rel, text])
  )
  // Loaded here also when workers refine: a parser that cannot load ends the run before any file.
  const parserFiles = terraformFiles.size > 0 ? await resolvedParserFiles(options) : undefined
  const formats = await terraformContext(terraformFiles, parserFiles)
  const refineOptions: RefineSourcesOptions = {
    catalog: options.catalog,
    findings: options.findings,
    config: options.config,
    // The time bound of one file (src/sources/scan.ts) runs on the process's monotonic clock.
    clock: () => performance.now(),
    formats,
    ...(options.fallbackPrincipals ? { fallbackPrincipals: options.fallbackPrincipals } : {})
  }
  const inputOf = (file: WalkedFile, text: string): FileInput => {
    const includes = included.byFile.get(file.rel)
    return { file: name(file), path: file.rel, text, ...(includes ? { included: includes } : {}) }
  }
  const workers = poolSize(later.length, options)
  const pool =
    workers > 0
      ? new WorkerPool<FileInput, WorkerOutcome>(
          WORKER_ENTRY,
          workerStart(options, terraformFiles, parserFiles),
          workers
        )
      : undefined
  // The file's text, and what a worker made of it when workers refine.
  type Read = { readonly read: ReadOutcome; readonly refined?: WorkerOutcome }
  async function* refined(): AsyncGenerator<Refined | RefinedTreeFile> {
    for await (const { item: file, result } of inOrder(
      later,
      async (file): Promise<Read> => {
        const text = early.get(file)
        const read =
          text !== undefined ? ({ ok: true, text } as const) : await readCandidateText(file.path)
        return pool && read.ok
          ? { read, refined: await pool.run(inputOf(file, read.text)) }
          : { read }
      },
      READ_AHEAD
    )) {
      const { read, refined } = result
      if (read.ok && refined) {
        const done = treeFile(file, read.text, refined, 0)
        if (done) yield done
      } else if (read.ok) {
        yield {
          file,
          text: read.text,
          outcome: refineFile(inputOf(file, read.text), refineOptions)
        }
      }
      // it changed since its size was read
      else if (read.reason === 'too-large' || file.explicit) yield unread(file, read.message)
    }
  }
  try {
    yield* agreedFiles(refined(), options)
  } finally {
    await pool?.close()
  }
}

/** The refined files compared with IAM Access Analyzer's recommendations and proven with AWS. */
async function* agreedFiles(
  refined: AsyncIterable<Refined | RefinedTreeFile>,
  options: RefineTreeOptions
): AsyncGenerator<RefinedTreeFile> {
  const agreement = options.agreement
  if (agreement && 'recommendationsFor' in agreement) {
    // IAM Access Analyzer's recommendations, asked once for every policy refined.
    const all: (Refined | RefinedTreeFile)[] = []
    for await (const r of refined) all.push(r)
    const recommendations = await agreement.recommendationsFor(
      all.flatMap(r => ('outcome' in r ? (r.outcome.policies ?? []) : []))
    )
    for (const r of all) {
      const done = 'outcome' in r ? await finish(r, options, recommendations) : r
      if (done) yield done
    }
    return
  }
  for await (const r of refined) {
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
  let outcome = withAgreement(refinedOutcome, file.rel, text, options, {
    ...(recommendations ? { recommendations } : {}),
    required: options.agreement?.required === true
  })
  let defects = 0
  if (options.prove && outcome.report) {
    outcome = await withAwsProof(text, outcome, options.prove, (p, reason, defect) => {
      if (defect) defects++
      options.onWithheld?.(name, p, reason, defect)
    })
  }
  return treeFile(file, text, outcome, defects)
}

/**
 * A refined file compared with IAM Access Analyzer's recommendations, when there are any; with
 * `required`, a refinement that differs is withheld (the edits left proven again).
 */
export function withAgreement(
  outcome: FileOutcome,
  rel: string,
  text: string,
  options: { readonly catalog: Catalog; readonly config: IamRefineConfig },
  agreement: {
    readonly recommendations?: ReadonlyMap<string, PrincipalRecommendation>
    readonly required: boolean
  }
): FileOutcome {
  const recommendations = agreement.recommendations
  if (!outcome.report || !recommendations) return outcome
  const agreed = withAwsAgreement(outcome, rel, {
    catalog: options.catalog,
    config: options.config,
    recommendations
  })
  return agreement.required
    ? withholdDisagreements(text, agreed, a => agreementDetails(a).join('; '))
    : agreed
}

/** What is given for a file: undefined for one holding no policy that was not named explicitly. */
function treeFile(
  file: WalkedFile,
  text: string,
  outcome: WorkerOutcome,
  defects: number
): RefinedTreeFile | undefined {
  const at = { path: file.path, rel: file.rel, explicit: file.explicit, text }
  if (!outcome.report) return file.explicit ? { ...at, defects } : undefined
  return {
    ...at,
    report: outcome.report,
    ...(outcome.fixedText !== undefined ? { fixedText: outcome.fixedText } : {}),
    defects
  }
}

// ---------------------------------------------------------------- worker threads

/**
 * What a worker is given once at its start: everything refining a file needs besides the file,
 * as plain data (a structured clone). The bundled catalog is not sent: the worker has it too.
 */
export interface WorkerStart {
  readonly catalog?: Catalog
  readonly findings: LoadedFindings
  readonly config: IamRefineConfig
  readonly fallbackPrincipals?: readonly string[]
  readonly recommendations?: ReadonlyMap<string, PrincipalRecommendation>
  readonly requireAgreement: boolean
  /** Every Terraform file read, by `rel` (a module is a folder), and the parser to read them. */
  readonly terraform?: {
    readonly files: ReadonlyMap<string, string>
    readonly parserFiles: ParserFiles
  }
}

/**
 * What a worker gives back for a file: the file's outcome as plain data (the outcome's `prove`
 * and `policies` stay behind: only the AWS proof and a sweep use them, and those run in
 * process).
 */
export type WorkerOutcome = Pick<FileOutcome, 'report' | 'fixedText'>

/** How many workers refine: 0 for in process (see `RefineTreeOptions.workers`). */
function poolSize(files: number, options: RefineTreeOptions): number {
  const wanted = options.workers ?? 0
  // The AWS proof calls a prover of this process; recommendations asked for every policy at once
  // need every file's policies in this process.
  if (wanted === 0 || options.prove) return 0
  if (options.agreement && 'recommendationsFor' in options.agreement) return 0
  if (wanted !== 'auto') return wanted
  return autoWorkers(files, availableParallelism())
}

function workerStart(
  options: RefineTreeOptions,
  terraformFiles: ReadonlyMap<string, string>,
  parserFiles: ParserFiles | undefined
): WorkerStart {
  const agreement = options.agreement
  return {
    ...(options.catalog === bundledCatalog() ? {} : { catalog: options.catalog }),
    findings: options.findings,
    config: options.config,
    ...(options.fallbackPrincipals ? { fallbackPrincipals: options.fallbackPrincipals } : {}),
    ...(agreement && 'recommendations' in agreement
      ? { recommendations: agreement.recommendations }
      : {}),
    requireAgreement: agreement?.required === true,
    ...(parserFiles ? { terraform: { files: terraformFiles, parserFiles } } : {})
  }
}

/** A worker's refining of one file: what `refineTreeFiles` does in process, before AWS's proof. */
export async function workerRefiner(
  start: WorkerStart
): Promise<(input: FileInput) => WorkerOutcome> {
  const catalog = start.catalog ?? bundledCatalog()
  const options: RefineSourcesOptions = {
    catalog,
    findings: start.findings,
    config: start.config,
    clock: () => performance.now(),
    formats: await terraformContext(
      start.terraform?.files ?? new Map(),
      start.terraform?.parserFiles
    ),
    ...(start.fallbackPrincipals ? { fallbackPrincipals: start.fallbackPrincipals } : {})
  }
  const agreement = {
    ...(start.recommendations ? { recommendations: start.recommendations } : {}),
    required: start.requireAgreement
  }
  return input => {
    const outcome = withAgreement(
      refineFile(input, options),
      input.path,
      input.text,
      options,
      agreement
    )
    return {
      report: outcome.report,
      ...(outcome.fixedText !== undefined ? { fixedText: outcome.fixedText } : {})
    }
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

/** The Terraform parser's files: those given, or the copies next to the bundle. */
async function resolvedParserFiles(options: RefineTreeOptions): Promise<ParserFiles> {
  return options.parserFiles ?? (await import('./terraform-parser.js')).bundledParserFiles()
}

/** The Terraform parser and files (by `rel`), loaded only when the walk met a Terraform file. */
async function terraformContext(
  files: ReadonlyMap<string, string>,
  parserFiles: ParserFiles | undefined
): Promise<{ terraform?: TerraformContext }> {
  if (files.size === 0 || !parserFiles) return {}
  const { loadTerraformParser } = await import('./terraform-parser.js')
  return { terraform: new TerraformContext(await loadTerraformParser(parserFiles), files) }
}

async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile()
  } catch {
    return false
  }
}
