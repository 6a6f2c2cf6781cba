import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml'
import { ConfigurationError } from '../engine/errors.js'
import { LineIndex } from './document/tree.js'
import { firstMatching, globProblem, listProblem } from './glob.js'

export { globMatcher } from './glob.js'

/** `.github/iam-refine.yml`, read and checked (DESIGN §2, Configuration). */
export interface IamRefineConfig {
  /** The file it was read from, for messages; absent for the empty configuration. */
  readonly file?: string
  /** Explicit mappings; the first entry whose globs match a file wins. */
  readonly principals: readonly PrincipalEntry[]
  /** Stack names, for roles whose names CloudFormation generates. */
  readonly stacks: readonly StackEntry[]
  /** Patterns never removed, even when reported unused. */
  readonly keepActions: readonly string[]
  /** Globs of files never read. */
  readonly ignoreFiles: readonly string[]
  /**
   * The AWS account (12 digits) that role and user names without an account belong to, when the
   * findings cover several accounts.
   */
  readonly account?: string
}

export interface PrincipalEntry {
  readonly files: readonly string[]
  /** One ARN, or several for a shared policy (refined with the intersection). */
  readonly principals: readonly string[]
  readonly line: number
}

export interface StackEntry {
  readonly template: string
  readonly name: string
  /** The account the stack is deployed in, for its roles' names. */
  readonly account?: string
}

export const EMPTY_CONFIG: IamRefineConfig = {
  principals: [],
  stacks: [],
  keepActions: [],
  ignoreFiles: []
}

const principalIndexes = new WeakMap<object, (path: string) => number | undefined>()
const stackIndexes = new WeakMap<object, (path: string) => number | undefined>()

/**
 * The first `principals` entry whose files match `path` (repository-relative), which maps every
 * policy of that file; undefined when none does. One lookup per path, however many entries.
 */
export function principalEntryFor(
  config: IamRefineConfig,
  path: string
): PrincipalEntry | undefined {
  return entryFor(config.principals, principalIndexes, e => e.files, path)
}

/** The first `stacks` entry whose template glob matches `path`; undefined when none does. */
export function stackFor(config: IamRefineConfig, path: string): StackEntry | undefined {
  return entryFor(config.stacks, stackIndexes, e => [e.template], path)
}

/** Indexed once per list of entries (a configuration is read once and never changed). */
function entryFor<T>(
  entries: readonly T[],
  indexes: WeakMap<object, (path: string) => number | undefined>,
  globsOf: (entry: T) => readonly string[],
  path: string
): T | undefined {
  if (entries.length === 0) return undefined
  let index = indexes.get(entries)
  if (!index) {
    index = firstMatching(entries.map(globsOf))
    indexes.set(entries, index)
  }
  const found = index(path)
  return found === undefined ? undefined : entries[found]
}

const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/
const ACTION_PATTERN = /^([a-z0-9-]+:[A-Za-z0-9*?]+|\*)$/i
const ACCOUNT = /^\d{12}$/

/** Parses and checks a configuration file; every error names the file, line and key. */
export function parseConfig(text: string, file: string): IamRefineConfig {
  const lines = new LineIndex(text)
  const fail = (node: { range?: unknown } | null | undefined, key: string, what: string): never => {
    const range = (node?.range as [number, number, number] | undefined) ?? [0, 0, 0]
    const { line } = lines.position(range[0])
    throw new ConfigurationError(`${file}:${line}: ${key}: ${what}`)
  }
  if (text.includes('\u0000')) throw new ConfigurationError(`${file}: is binary, not YAML`)
  const doc = parseDocument(text, { version: '1.2', prettyErrors: false })
  const error = doc.errors[0]
  if (error) {
    const { line, column } = lines.position(error.pos[0])
    const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    throw new ConfigurationError(`${file}:${line}:${column}: is not valid YAML (${message})`)
  }
  const root = doc.contents as YamlNode | null
  if (root === null || (isScalar(root) && root.value === null)) return { ...EMPTY_CONFIG, file }
  if (!isMap(root)) return fail(root, 'configuration', 'must be a mapping')
  const config: {
    file: string
    principals: PrincipalEntry[]
    stacks: StackEntry[]
    keepActions: string[]
    ignoreFiles: string[]
    account?: string
  } = {
    file,
    principals: [],
    stacks: [],
    keepActions: [],
    ignoreFiles: []
  }
  for (const pair of root.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const value = pair.value
    switch (key) {
      case 'principals':
        listOf(value, key, fail).forEach((item, i) => {
          config.principals.push(readPrincipal(item, `principals[${i}]`, fail, lines))
        })
        break
      case 'stacks':
        listOf(value, key, fail).forEach((item, i) => {
          config.stacks.push(readStack(item, `stacks[${i}]`, fail))
        })
        break
      case 'keep-actions':
        config.keepActions = strings(value, key, fail)
        config.keepActions.forEach((a, i) => {
          if (!ACTION_PATTERN.test(a)) {
            fail(listItem(value, i), `${key}[${i}]`, `"${a}" is not an action such as iam:PassRole`)
          }
        })
        break
      case 'account':
        config.account = accountValue(value, key, fail)
        break
      case 'ignore-files':
        config.ignoreFiles = strings(value, key, fail)
        checkGlobList(config.ignoreFiles, value, key, fail)
        config.ignoreFiles.forEach((g, i) => checkGlob(g, listItem(value, i), `${key}[${i}]`, fail))
        break
      default:
        fail(
          pair.key,
          key || 'key',
          'unknown key; expected principals, stacks, account, keep-actions or ignore-files'
        )
    }
  }
  return config
}

type Fail = (node: { range?: unknown } | null | undefined, key: string, what: string) => never

function readPrincipal(item: YamlNode, key: string, fail: Fail, lines: LineIndex): PrincipalEntry {
  if (!isMap(item)) return fail(item, key, 'must be a mapping with files and principal')
  let files: string[] | undefined
  let principals: string[] | undefined
  for (const pair of item.items as Pair<YamlNode, YamlNode>[]) {
    const k = isScalar(pair.key) ? String(pair.key.value) : ''
    if (k === 'files') {
      files = stringOrList(pair.value, `${key}.files`, fail)
      checkGlobList(files, pair.value, `${key}.files`, fail)
      files.forEach((g, i) =>
        checkGlob(
          g,
          listItem(pair.value, i),
          `${key}.files${isSeq(pair.value) ? `[${i}]` : ''}`,
          fail
        )
      )
    } else if (k === 'principal') {
      principals = stringOrList(pair.value, `${key}.principal`, fail)
      for (const arn of principals) {
        if (!PRINCIPAL_ARN.test(arn)) {
          fail(
            pair.value,
            `${key}.principal`,
            `"${arn}" is not a role or user ARN (arn:aws:iam::123456789012:role/Name)`
          )
        }
      }
    } else fail(pair.key, `${key}.${k}`, 'unknown key; expected files and principal')
  }
  if (!files) return fail(item, key, 'needs files (a glob or a list of globs)')
  if (!principals) return fail(item, key, 'needs principal (an ARN or a list of ARNs)')
  const range = (item.range as [number, number, number] | undefined) ?? [0, 0, 0]
  return { files, principals, line: lines.position(range[0]).line }
}

function readStack(item: YamlNode, key: string, fail: Fail): StackEntry {
  if (!isMap(item)) return fail(item, key, 'must be a mapping with template and name')
  let template: string | undefined
  let name: string | undefined
  let account: string | undefined
  for (const pair of item.items as Pair<YamlNode, YamlNode>[]) {
    const k = isScalar(pair.key) ? String(pair.key.value) : ''
    if (k === 'template') {
      template = stringValue(pair.value, `${key}.template`, fail)
      checkGlob(template, pair.value, `${key}.template`, fail)
    } else if (k === 'name') {
      name = stringValue(pair.value, `${key}.name`, fail)
      if (!STACK_NAME.test(name)) {
        fail(pair.value, `${key}.name`, `"${name}" is not a CloudFormation stack name`)
      }
    } else if (k === 'account') {
      account = accountValue(pair.value, `${key}.account`, fail)
    } else fail(pair.key, `${key}.${k}`, 'unknown key; expected template, name and account')
  }
  if (template === undefined) return fail(item, key, 'needs template (a path or glob)')
  if (name === undefined) return fail(item, key, 'needs name (the stack name)')
  return { template, name, ...(account === undefined ? {} : { account }) }
}

/** A 12-digit account id, quoted: unquoted, YAML reads it as a number and drops leading zeros. */
function accountValue(value: YamlNode | null, key: string, fail: Fail): string {
  if (isScalar(value) && typeof value.value === 'number') {
    return fail(value, key, 'quote the account id ("012345678901"), or YAML reads it as a number')
  }
  const account = stringValue(value, key, fail)
  if (!ACCOUNT.test(account)) fail(value, key, `"${account}" is not a 12-digit AWS account id`)
  return account
}

function listOf(value: YamlNode | null, key: string, fail: Fail): YamlNode[] {
  if (!isSeq(value)) return fail(value, key, 'must be a list')
  return value.items as YamlNode[]
}

function listItem(value: YamlNode | null, i: number): YamlNode | null {
  return isSeq(value) ? ((value.items[i] as YamlNode | undefined) ?? value) : value
}

function strings(value: YamlNode | null, key: string, fail: Fail): string[] {
  return listOf(value, key, fail).map((item, i) => stringValue(item, `${key}[${i}]`, fail))
}

function stringOrList(value: YamlNode | null, key: string, fail: Fail): string[] {
  if (isSeq(value)) {
    const list = strings(value, key, fail)
    if (list.length === 0) fail(value, key, 'must not be empty')
    return list
  }
  return [stringValue(value, key, fail)]
}

function stringValue(value: YamlNode | null, key: string, fail: Fail): string {
  if (!isScalar(value) || typeof value.value !== 'string' || value.value === '') {
    return fail(value, key, 'must be a non-empty string')
  }
  return value.value
}

function checkGlob(glob: string, node: YamlNode | null, key: string, fail: Fail): void {
  const problem = globProblem(glob)
  if (problem) fail(node, key, `"${glob}" ${problem}`)
}

function checkGlobList(globs: readonly string[], node: YamlNode | null, key: string, fail: Fail) {
  const problem = listProblem(globs)
  if (problem) fail(node, key, problem)
}
