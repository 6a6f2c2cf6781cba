/**
 * A census of a corpus of real files (`IAM_REFINE_CORPUS=<folder> npm run bench corpus`): how many
 * IAM statements the folder holds, read deliberately simply and independently of src/, and how
 * many of them iam-refine finds. Without the variable it says how to use it and does nothing, so
 * `npm run bench` is unchanged.
 *
 * Present: every .json/.yaml/.yml file (not under .git or node_modules) that contains the word
 * "Effect" is parsed with `yaml`, every `!Tag` read as the mapping `{"Fn::Tag": value}` (`!Ref` as
 * `{"Ref": value}`), and every mapping with an `Effect` and an `Action` or `NotAction` key that
 * sits under a key named `Statement`, `statements` or `iamRoleStatements` is one statement, unless
 * it has a `Principal` or `NotPrincipal` (a resource or trust policy, which iam-refine leaves
 * alone) or is in an `AWS::IoT::Policy` (an IoT policy, not IAM).
 *
 * Found: `dist/cli.js check --format json` (run `npm run bundle` first if src/ changed; or the
 * command line IAM_REFINE_CORPUS_CLI names, e.g. an older commit's `dist/cli.js`) on the folder
 * with an empty findings file, so nothing is refined and every policy found is reported, unmapped,
 * unchecked or invalid included. A statement is found when it is the node at a reported
 * policy's `path`, or an entry of the list or of the `Statement` of that node (the same simple
 * reading); a `Fn::If` item of a `Statement` list counts through the branches reported as
 * policies of their own.
 *
 * Printed: found / present per kind of file (and how many of the statements missed are in files
 * check reports as malformed or did not read: the gate counts those as unchecked), the forms of
 * the other statements missed (the path with indexes and names generalised) with a few examples,
 * the policies' statuses, and the most frequent notes (unchecked ones and "not refinable here"
 * ones) and reasons a file was not read.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join, resolve } from 'node:path'
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml'

const CORPUS = process.env.IAM_REFINE_CORPUS
const CLI = resolve(process.env.IAM_REFINE_CORPUS_CLI ?? 'dist/cli.js')
/** How many forms of missed statements, notes and examples are printed. */
const TOP = 12
const EXAMPLES_PER_FORM = 3
/** The keys under which a mapping with Effect and Action is read as a statement. */
const STATEMENT_KEYS = new Set(['Statement', 'statements', 'iamRoleStatements'])
/** The JSON report of a corpus of thousands of files is tens of megabytes. */
const MAX_REPORT_BYTES = 1024 * 1024 * 1024

if (CORPUS === undefined || CORPUS === '') {
  console.log(
    'corpus census: set IAM_REFINE_CORPUS=<folder> to count the IAM statements in a folder of ' +
      'real files and those `dist/cli.js check` finds (IAM_REFINE_CORPUS=/tmp/corpus npm run ' +
      'bench corpus); skipped'
  )
  process.exit(0)
}

type Kind =
  | 'JSON policies'
  | 'CloudFormation JSON'
  | 'CloudFormation YAML'
  | 'SAM'
  | 'Serverless Framework serverless.yml'
  | 'other JSON/YAML'
const KINDS: readonly Kind[] = [
  'JSON policies',
  'CloudFormation JSON',
  'CloudFormation YAML',
  'SAM',
  'Serverless Framework serverless.yml',
  'other JSON/YAML'
]

type Segment = string | number
interface Statement {
  readonly path: readonly Segment[]
  readonly offset: number
}
interface CensusFile {
  readonly kind: Kind
  readonly text: string
  /** The first document's plain value: what the report's paths walk. */
  readonly root: unknown
  /** Every statement of every document, by the plain object that holds it. */
  readonly statements: Map<object, Statement>
}

/** The plain value of a YAML node; a tagged node becomes `{"Fn::Tag": value}` (`!Ref`: `Ref`). */
function plain(node: unknown, doc: Document, offsets: Map<object, number>, depth = 0): unknown {
  if (depth > 200) return null
  if (isAlias(node)) return plain(node.resolve(doc), doc, offsets, depth + 1)
  let value: unknown
  if (isMap(node)) {
    const out: Record<string, unknown> = {}
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      out[key] = plain(pair.value, doc, offsets, depth + 1)
    }
    value = out
  } else if (isSeq(node)) {
    value = node.items.map(item => plain(item, doc, offsets, depth + 1))
  } else if (isScalar(node)) {
    value = node.value
  } else return null
  const n = node as Node
  if (value !== null && typeof value === 'object' && n.range) offsets.set(value, n.range[0])
  const tag = n.tag
  if (tag !== undefined && tag.startsWith('!') && !tag.startsWith('!!')) {
    const name = tag.slice(1)
    return { [name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`]: value }
  }
  return value
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
const isStatement = (v: unknown): v is Record<string, unknown> =>
  isObject(v) && 'Effect' in v && ('Action' in v || 'NotAction' in v)
/** A statement of a resource or trust policy (it names whom it lets in): not iam-refine's. */
const namesPrincipal = (v: Record<string, unknown>): boolean =>
  'Principal' in v || 'NotPrincipal' in v
/** Resources whose documents are not IAM policies though they are written like them. */
const NOT_IAM = new Set(['AWS::IoT::Policy'])

function collectStatements(
  value: unknown,
  path: Segment[],
  under: boolean,
  offsets: Map<object, number>,
  out: Map<object, Statement>
): void {
  if (value === null || typeof value !== 'object') return
  if (under && isStatement(value)) {
    if (!namesPrincipal(value)) out.set(value, { path: [...path], offset: offsets.get(value) ?? 0 })
    return
  }
  const entries: [Segment, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>).filter(
        // the resources of a template, less those that only look like IAM
        ([, r]) =>
          !(
            path.length === 1 &&
            path[0] === 'Resources' &&
            isObject(r) &&
            NOT_IAM.has(String(r.Type))
          )
      )
  for (const [key, child] of entries) {
    path.push(key)
    collectStatements(child, path, under || STATEMENT_KEYS.has(String(key)), offsets, out)
    path.pop()
  }
}

function classify(file: string, root: unknown): Kind {
  if (/^serverless\.ya?ml$/i.test(basename(file))) return 'Serverless Framework serverless.yml'
  const json = extname(file).toLowerCase() === '.json'
  if (isObject(root)) {
    const transform = root.Transform
    const transforms = Array.isArray(transform) ? transform : [transform]
    if (transforms.some(t => typeof t === 'string' && t.startsWith('AWS::Serverless'))) return 'SAM'
    if (isObject(root.Resources) || 'AWSTemplateFormatVersion' in root) {
      return json ? 'CloudFormation JSON' : 'CloudFormation YAML'
    }
    if (json && 'Statement' in root) return 'JSON policies'
  }
  return 'other JSON/YAML'
}

function readCensusFile(path: string): CensusFile | undefined {
  const text = readFileSync(path, 'utf8')
  if (!text.includes('Effect')) return undefined
  let docs
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false })
  } catch {
    return undefined
  }
  const list = Array.isArray(docs) ? docs : [docs]
  const statements = new Map<object, Statement>()
  let root: unknown
  list.forEach((doc, i) => {
    const offsets = new Map<object, number>()
    const value = plain(doc.contents, doc, offsets)
    if (i === 0) root = value
    collectStatements(value, [], false, offsets, statements)
  })
  if (statements.size === 0) return undefined
  return { kind: classify(path, root), text, root, statements }
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules') continue
    const path = join(dir, e.name)
    if (e.isDirectory()) walk(path, out)
    else if (e.isFile() && /\.(json|ya?ml)$/i.test(e.name)) out.push(path)
  }
}

/** The node at a report's path; a `Fn::If` segment walks `{"Fn::If": [...]}`. */
function nodeAt(root: unknown, path: readonly Segment[]): unknown {
  let node = root
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[segment as string]
  }
  return node
}

/** The statements a reported policy holds, by the same simple reading. */
function statementsOf(node: unknown): object[] {
  if (isStatement(node)) return [node]
  const list = Array.isArray(node)
    ? node
    : isObject(node) && 'Statement' in node
      ? Array.isArray(node.Statement)
        ? node.Statement
        : [node.Statement]
      : []
  return list.filter(isStatement)
}

/** A statement's path with what varies between files generalised: the form it is written in. */
function formOf(file: CensusFile, path: readonly Segment[]): string {
  const out: string[] = []
  let node: unknown = file.root
  path.forEach((segment, i) => {
    const parent = node
    node = isObject(parent) || Array.isArray(parent) ? (parent as never)[segment] : undefined
    const previous = path[i - 1]
    if (typeof segment === 'number') out.push('[]')
    else if (previous === 'Resources' && i === 1) {
      const type = isObject(node) && typeof node.Type === 'string' ? node.Type : '?'
      out.push(`.<${type}>`)
    } else if (previous === 'functions' && i === 1) out.push('.<fn>')
    else if (/^[A-Za-z0-9_:-]+$/.test(segment)) out.push(out.length === 0 ? segment : `.${segment}`)
    else out.push('.<key>')
  })
  return out.join('')
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length

/** A note's message with its particulars (names, quoted text, numbers) generalised. */
function reasonClass(message: string): string {
  return message
    .replace(/arn:[^\s,;:)]*(:[^\s,;)]*)*/g, '<arn>')
    .replace(/`[^`]*`|"[^"]*"|'[^']*'/g, '<…>')
    .replace(/\$\{[^}]*\}/g, '${…}')
    .replace(
      /\b(managed policy|template|policy template|role|user|group|function) (?!given\b)[^\s:,;]+/g,
      '$1 <name>'
    )
    .replace(/\d+/g, 'N')
    .slice(0, 160)
}

interface ReportPolicy {
  readonly path: readonly Segment[]
  readonly status: string
}
interface ReportFile {
  readonly file: string
  readonly status: string
  readonly message?: string
  readonly policies: readonly ReportPolicy[]
  readonly notes: readonly { readonly message: string; readonly unchecked?: boolean }[]
}

function runCheck(folder: string): ReportFile[] {
  const scratch = mkdtempSync(join(tmpdir(), 'iam-refine-corpus-'))
  try {
    const findings = join(scratch, 'findings.json')
    writeFileSync(findings, '[]\n')
    const run = spawnSync(
      'node',
      [CLI, 'check', folder, '--findings', findings, '--format', 'json'],
      { maxBuffer: MAX_REPORT_BYTES, encoding: 'utf8' }
    )
    if (run.status !== 0 && run.status !== 1) {
      throw new Error(`check exited ${run.status}: ${run.stderr.slice(0, 1000)}`)
    }
    return (JSON.parse(run.stdout) as { files: ReportFile[] }).files
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

const count = <K>(map: Map<K, number>, key: K, by = 1): void => {
  map.set(key, (map.get(key) ?? 0) + by)
}
const top = <K>(map: Map<K, number>, n = TOP): [K, number][] =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n)

const folder = resolve(CORPUS)
const paths: string[] = []
walk(folder, paths)
paths.sort()
const census = new Map<string, CensusFile>()
for (const path of paths) {
  const file = readCensusFile(path)
  if (file) census.set(path, file)
}

const started = Date.now()
const report = runCheck(folder)
const checkSeconds = (Date.now() - started) / 1000

const present = new Map<Kind, number>()
const found = new Map<Kind, number>()
const filesOf = new Map<Kind, number>()
const missedForms = new Map<string, number>()
const examples = new Map<string, string[]>()
const statuses = new Map<string, number>()
const unchecked = new Map<string, number>()
const informational = new Map<string, number>()
const unread = new Map<string, number>()
/** Per kind, the files where found < present, with their counts. */
const shortFiles = new Map<Kind, string[]>()
/** Statements missed because check reported their file as malformed or did not read it. */
const inUnread = new Map<Kind, number>()
const unreadStatements = new Map<string, number>()
const outside: string[] = []

const reported = new Map<string, ReportFile>()
for (const f of report) reported.set(resolve(folder, f.file), f)
for (const f of report) {
  for (const p of f.policies) count(statuses, p.status)
  for (const n of f.notes) count(n.unchecked ? unchecked : informational, reasonClass(n.message))
  if (f.status !== 'policies') count(unread, `${f.status}: ${reasonClass(f.message ?? '')}`)
  // a policy the census's reading does not see (no Statement key above it, another extension)
  if (f.policies.length > 0 && !census.has(resolve(folder, f.file))) outside.push(f.file)
}

for (const [path, file] of census) {
  const kind = file.kind
  count(filesOf, kind)
  count(present, kind, file.statements.size)
  const seen = new Set<object>()
  const answer = reported.get(path)
  if (answer && answer.status !== 'policies') {
    count(inUnread, kind, file.statements.size)
    count(
      unreadStatements,
      `${answer.status}: ${reasonClass(answer.message ?? '')}`,
      file.statements.size
    )
    continue
  }
  for (const p of answer?.policies ?? []) {
    for (const s of statementsOf(nodeAt(file.root, p.path))) {
      if (file.statements.has(s)) seen.add(s)
    }
  }
  count(found, kind, seen.size)
  let missedHere = 0
  for (const [node, s] of file.statements) {
    if (seen.has(node)) continue
    missedHere++
    const form = `${kind}: ${formOf(file, s.path)}`
    count(missedForms, form)
    const list = examples.get(form) ?? []
    if (list.length < EXAMPLES_PER_FORM) {
      list.push(`${path.slice(folder.length + 1)}:${lineOf(file.text, s.offset)}`)
    }
    examples.set(form, list)
  }
  if (missedHere > 0) {
    const list = shortFiles.get(kind) ?? []
    list.push(`${path.slice(folder.length + 1)} (${seen.size} / ${file.statements.size})`)
    shortFiles.set(kind, list)
  }
}

console.log(
  `corpus ${folder}: ${paths.length} .json/.yaml/.yml files, ${census.size} holding statements; ` +
    `check took ${checkSeconds.toFixed(1)} s and reported ${report.length} files`
)
console.log(`command line: ${CLI}`)
console.log(
  '\n| kind | files | found / present | missed in files reported malformed |\n' +
    '| --- | ---: | ---: | ---: |'
)
for (const kind of KINDS) {
  const p = present.get(kind) ?? 0
  if (p === 0) continue
  console.log(
    `| ${kind} | ${filesOf.get(kind) ?? 0} | ${found.get(kind) ?? 0} / ${p} | ${inUnread.get(kind) ?? 0} |`
  )
}
const all = (m: Map<Kind, number>): number => [...m.values()].reduce((a, b) => a + b, 0)
console.log(`| all | ${census.size} | ${all(found)} / ${all(present)} | ${all(inUnread)} |`)
if (outside.length > 0) {
  console.log(
    `\nfiles with policies reported that hold no statement by the census's reading: ${outside.join(', ')}`
  )
}

console.log(
  '\nforms of the statements missed in files check read (path generalised), with examples:'
)
for (const [form, n] of top(missedForms, 2 * TOP)) {
  console.log(`${String(n).padStart(5)}  ${form}\n       ${(examples.get(form) ?? []).join(', ')}`)
}
console.log('\nfiles where found < present (first few per kind):')
for (const [kind, list] of shortFiles) {
  console.log(`  ${kind}: ${list.length} files; ${list.slice(0, EXAMPLES_PER_FORM).join(', ')}`)
}
console.log('\npolicy statuses (an empty findings file: unmapped or unchecked is expected):')
for (const [status, n] of top(statuses)) console.log(`${String(n).padStart(5)}  ${status}`)
console.log('\nmost frequent unchecked notes:')
for (const [reason, n] of top(unchecked)) console.log(`${String(n).padStart(5)}  ${reason}`)
console.log('\nmost frequent other notes (not refinable here, for information):')
for (const [reason, n] of top(informational)) console.log(`${String(n).padStart(5)}  ${reason}`)
console.log('\nfiles reported but not read (files, statements the census counts in them):')
for (const [reason, n] of top(unread)) {
  console.log(
    `${String(n).padStart(5)} ${String(unreadStatements.get(reason) ?? 0).padStart(5)}  ${reason}`
  )
}
