import { principalEntryFor, stackFor, type IamRefineConfig } from './config.js'
import type { Attachment, PolicyLocation, PrincipalSource } from './model.js'

export interface PrincipalContext {
  /** The policy's file, relative to the repository root, with `/` separators. */
  readonly file: string
  readonly config: IamRefineConfig
  /**
   * The principal ARNs the findings know: every one a finding names, whatever its status (a role
   * whose last finding was resolved is known, and uses everything).
   */
  readonly known: readonly string[]
  /** Whether the findings say anything about an ARN (a finding names it, or its whole account). */
  readonly covered: (arn: string) => boolean
  /** Principals named on the command line, for policies nothing else maps. */
  readonly fallback?: readonly string[]
}

export type { PrincipalSource }

export type PrincipalMapping =
  | {
      readonly mapped: true
      /**
       * The principals the policy belongs to, as ARNs; several = a shared policy, refined with the
       * intersection of their unused access.
       */
      readonly principals: readonly string[]
      readonly via: PrincipalSource
      readonly notes: readonly string[]
      /**
       * Principals the findings say nothing about (no finding names them, their account is not
       * covered whole): whether they use everything or were never analyzed cannot be told, so the
       * policy counts as unchecked. Empty when every principal is covered.
       */
      readonly uncovered: readonly string[]
    }
  | {
      readonly mapped: false
      readonly reason: string
      /** A name that matches principals in several accounts, with no account to choose. */
      readonly ambiguous?: boolean
    }

/**
 * The principals a policy belongs to, in the order of DESIGN §2: the configuration's first
 * matching entry; the roles or users the template attaches it to; a file or folder named like a
 * role or user the findings hold; then `--principal`. Nothing is guessed: a name is matched by ARN
 * in one account — the one the configuration or the template names, else the only account the
 * findings know of such a name — and a name held in several accounts with none chosen is
 * ambiguous, never the intersection of strangers (docs/adr/0013-principals-by-arn-and-coverage.md).
 */
export function mapPrincipals(location: PolicyLocation, ctx: PrincipalContext): PrincipalMapping {
  const entry = principalEntryFor(ctx.config, ctx.file)
  if (entry) return mappedTo(entry.principals, 'config', [], ctx)
  let reason: string
  if (location.attachments.length > 0) {
    const resolved = resolveAttachments(location.attachments, ctx)
    if (resolved.ok) {
      return mappedTo(
        resolved.principals,
        attachmentSource(location.attachments),
        resolved.notes,
        ctx
      )
    }
    if (resolved.ambiguous) return { mapped: false, reason: resolved.reason, ambiguous: true }
    reason = resolved.reason
  } else if (location.kind !== 'json-policy') {
    reason = 'the template attaches it to no role or user'
  } else {
    const byName = principalsNamedLike(ctx.file, ctx.known, accountFor(ctx))
    if (byName.kind === 'found') return mappedTo(byName.principals, 'file-name', [], ctx)
    if (byName.kind === 'ambiguous') {
      return { mapped: false, reason: byName.reason, ambiguous: true }
    }
    reason =
      'no configuration entry matches it, and no role or user in the findings is named like its file or folder'
  }
  if (ctx.fallback && ctx.fallback.length > 0) {
    return mappedTo(ctx.fallback, 'command-line', [], ctx)
  }
  return { mapped: false, reason }
}

function mappedTo(
  principals: readonly string[],
  via: PrincipalSource,
  notes: readonly string[],
  ctx: PrincipalContext
): PrincipalMapping {
  const unique = [...new Set(principals)]
  return {
    mapped: true,
    principals: unique,
    via,
    notes,
    uncovered: unique.filter(p => !ctx.covered(p))
  }
}

type Resolved =
  | { ok: true; principals: string[]; notes: string[] }
  | { ok: false; reason: string; ambiguous?: boolean }

function resolveAttachments(attachments: readonly Attachment[], ctx: PrincipalContext): Resolved {
  const principals: string[] = []
  const notes: string[] = []
  const stackEntry = stackFor(ctx.config, ctx.file)
  const stack = stackEntry?.name
  for (const a of attachments) {
    const label = describe(a)
    if (a.type === 'group') {
      return {
        ok: false,
        reason: `it is attached to ${label}: findings are about roles and users, so map the file in the configuration's principals`
      }
    }
    if (a.unresolved)
      return {
        ok: false,
        reason: `${a.unresolved}${a.via ? ` (through ${a.via})` : ''}; map the file in the configuration's principals`
      }
    const kind = a.type
    if (a.via) notes.push(`mapped through ${a.via}`)
    if (a.namePrefix !== undefined) {
      // Terraform's PrefixedUniqueId: the prefix, an 18-digit timestamp, an 8-hex-digit counter
      const prefixed = new RegExp(
        `:${kind}${pathPattern(a.path)}${escape(a.namePrefix)}\\d{18}[0-9a-f]{8}$`,
        'i'
      )
      const account = a.account ?? accountFor(ctx)
      const matches = namedWithPrefix(ctx.known, a.namePrefix.toLowerCase()).filter(
        arn => prefixed.test(arn) && (account === undefined || accountOf(arn) === account)
      )
      const accounts = [...new Set(matches.map(accountOf))]
      if (accounts.length > 1) {
        return {
          ok: false,
          ambiguous: true,
          reason: `${label} names roles in ${accounts.length} accounts the findings cover (${accounts.join(', ')}): say which account in the configuration`
        }
      }
      if (matches.length === 0) {
        // the generated suffix cannot be known without a finding that names the role
        return {
          ok: false,
          reason: `no finding names a ${kind} ${a.namePrefix}<26 characters> (${label}): map the file in the configuration's principals`
        }
      }
      principals.push(...matches)
      continue
    }
    let pattern: PrincipalPattern
    let name: string
    let key: string
    if (a.name !== undefined) {
      pattern = { kinds: [kind], path: a.path, tail: a.name, caseless: true }
      name = `${a.path ?? '/'}${a.name}`
      key = a.name.toLowerCase()
    } else if (a.logicalId !== undefined) {
      if (stack === undefined) {
        return {
          ok: false,
          reason: `${label} has a name CloudFormation generates (${'<stack>'}-${a.logicalId}-<suffix>): name this template's stack in the configuration's stacks`
        }
      }
      pattern = {
        kinds: [kind],
        path: a.path,
        tail: `${stack}-${a.logicalId}-`,
        caseless: false,
        generatedSuffix: true
      }
      name = `/${stack}-${a.logicalId}-*`
      key = `${stack}-${a.logicalId}`.toLowerCase()
    } else {
      return { ok: false, reason: `${label} has no name` }
    }
    if (a.derivation !== undefined) notes.push(a.derivation)
    const account = a.account ?? stackEntry?.account ?? accountFor(ctx)
    const inAccount = candidates(ctx.known, key).filter(
      arn => matchesPrincipal(arn, pattern) && (account === undefined || accountOf(arn) === account)
    )
    const accounts = [...new Set(inAccount.map(accountOf))]
    if (accounts.length > 1) {
      return {
        ok: false,
        ambiguous: true,
        reason: `${label} is a name held in ${accounts.length} accounts the findings cover (${accounts.join(', ')}): say which account in the configuration (account, or the stack's account)`
      }
    }
    if (inAccount.length > 0) {
      principals.push(...inAccount)
      continue
    }
    if (account === undefined || a.name === undefined) {
      // No finding names it and no account says where it lives: nothing can vouch for it.
      return {
        ok: false,
        reason: `no finding names ${label}, and no account is named for it: map the file in the configuration's principals or name the account`
      }
    }
    const arn = `arn:aws:iam::${account}:${kind}${name}`
    principals.push(arn)
    notes.push(`no finding names ${arn}`)
  }
  return { ok: true, principals: [...new Set(principals)], notes: [...new Set(notes)] }
}

const SOURCE_ORDER: readonly PrincipalSource[] = [
  'terraform-name',
  'terraform-name-prefix',
  'terraform-variables',
  'terraform-module'
]

/** How a template's attachments were named: the least direct step any of them needed. */
function attachmentSource(attachments: readonly Attachment[]): PrincipalSource {
  let rank = -1
  for (const a of attachments) {
    rank = Math.max(rank, a.source ? SOURCE_ORDER.indexOf(a.source) : -1)
  }
  return SOURCE_ORDER[rank] ?? 'template'
}

/**
 * The account a bare name lives in when nothing else says: the configuration's `account`, else
 * the one account every ARN the findings know lives in (findings from one account leave no
 * choice); undefined when they span several.
 */
function accountFor(ctx: PrincipalContext): string | undefined {
  if (ctx.config.account !== undefined) return ctx.config.account
  return indexOf(ctx.known).onlyAccount
}

function accountOf(arn: string): string {
  return /^arn:[^:]*:iam::(\d{12}):/.exec(arn)?.[1] ?? ''
}

function describe(a: Attachment): string {
  if (a.samResource) return `the role SAM creates for ${a.samResource}`
  if (a.name !== undefined) return `${a.type} ${a.name}`
  if (a.namePrefix !== undefined) return `${a.type} with name_prefix ${a.namePrefix}`
  if (a.logicalId !== undefined) return `${a.type} ${a.logicalId}`
  return `a ${a.type}`
}

function pathPattern(path: string | undefined): string {
  if (path === undefined) return '/(?:[^/]+/)*'
  return escape(path.endsWith('/') ? path : `${path}/`)
}

type NamedLike =
  { kind: 'found'; principals: string[] } | { kind: 'ambiguous'; reason: string } | { kind: 'none' }

/**
 * Roles or users in the findings named like the file (without extensions), then each folder, in
 * one account: `account` when given, else the name must be held in one account only.
 */
export function principalsNamedLike(
  file: string,
  known: readonly string[],
  account?: string
): NamedLike {
  const parts = file.split('/').filter(p => p !== '' && p !== '.')
  const base = parts.pop()
  const names = [base?.split('.')[0] ?? '', ...parts.reverse()].filter(n => n !== '')
  for (const name of names) {
    const named = candidates(known, name.toLowerCase())
    const pattern: PrincipalPattern = { kinds: ['role', 'user'], tail: name, caseless: true }
    const matches = named.filter(
      arn => matchesPrincipal(arn, pattern) && (account === undefined || accountOf(arn) === account)
    )
    if (matches.length === 0) continue
    const accounts = [...new Set(matches.map(accountOf))]
    if (accounts.length > 1) {
      return {
        kind: 'ambiguous',
        reason: `${name} names principals in ${accounts.length} accounts the findings cover (${accounts.join(', ')}): map the file in the configuration's principals, or name the account`
      }
    }
    return { kind: 'found', principals: matches }
  }
  return { kind: 'none' }
}

/** What mapping asks of a list of known principals, computed once per list (a run has one). */
interface KnownIndex {
  /** By name (after the last `/`, lower case), and by the name before its last `-` plus `-*`. */
  readonly byName: ReadonlyMap<string, readonly string[]>
  /** Every ARN with its lower-case name, sorted by name, for names that start with a prefix. */
  readonly sorted: readonly { readonly name: string; readonly arn: string }[]
  /** The one account every ARN lives in; undefined when they span several (or there are none). */
  readonly onlyAccount: string | undefined
}

const indexes = new WeakMap<readonly string[], KnownIndex>()

/**
 * The index of a list of known principals, built once, so that mapping a policy costs the same
 * with thousands of findings as with one.
 */
function indexOf(known: readonly string[]): KnownIndex {
  let index = indexes.get(known)
  if (index) return index
  const byName = new Map<string, string[]>()
  const add = (key: string, arn: string): void => {
    const list = byName.get(key)
    if (list) list.push(arn)
    else byName.set(key, [arn])
  }
  const sorted: { name: string; arn: string }[] = []
  const accounts = new Set<string>()
  for (const arn of known) {
    const last = arn.slice(arn.lastIndexOf('/') + 1).toLowerCase()
    add(last, arn)
    const dash = last.lastIndexOf('-')
    if (dash > 0) add(`${last.slice(0, dash)}-*`, arn)
    sorted.push({ name: last, arn })
    accounts.add(accountOf(arn))
  }
  sorted.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  index = { byName, sorted, onlyAccount: accounts.size === 1 ? [...accounts][0] : undefined }
  indexes.set(known, index)
  return index
}

/** The ARNs whose name (after the last `/`) is `name`, or `name` and a `-suffix`. */
function candidates(known: readonly string[], name: string): string[] {
  const { byName } = indexOf(known)
  return [...(byName.get(name) ?? []), ...(byName.get(`${name}-*`) ?? [])]
}

/**
 * The ARNs whose name (after the last `/`, lower case) starts with `prefix` (lower case); all of
 * them for a prefix holding a `/`, which a name cannot.
 */
function namedWithPrefix(known: readonly string[], prefix: string): readonly string[] {
  if (prefix.includes('/')) return known
  const { sorted } = indexOf(known)
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] as { name: string }).name < prefix) lo = mid + 1
    else hi = mid
  }
  const out: string[] = []
  for (let i = lo; i < sorted.length && sorted[i]!.name.startsWith(prefix); i++) {
    out.push(sorted[i]!.arn)
  }
  return out
}

/**
 * What an ARN must end with to name a principal: `:`, one of `kinds`, the path (when undefined,
 * `/` and any number of `segment/`), then `tail`, and with `generatedSuffix` one or more ASCII
 * letters or digits (the suffix CloudFormation adds to a name it generates).
 */
export interface PrincipalPattern {
  readonly kinds: readonly string[]
  readonly path?: string
  readonly tail: string
  /** Letters match whatever their case, as the RegExp flag `i` matches them. */
  readonly caseless: boolean
  readonly generatedSuffix?: boolean
}

/**
 * Whether `arn` matches `pattern`: what `principalRegExp(pattern).test(arn)` says, without
 * compiling a RegExp for every policy (mapping 7,500 policies spent 4% of a check compiling
 * them). Outside ASCII the case rules of the flag `i` differ from lower-casing (the Kelvin sign
 * lower-cases to `k`, which `i` does not match), so such text takes the RegExp.
 */
export function matchesPrincipal(arn: string, pattern: PrincipalPattern): boolean {
  const { path, caseless } = pattern
  if (caseless && !isAscii(arn + pattern.tail + (path ?? ''))) {
    return principalRegExp(pattern).test(arn)
  }
  const text = caseless ? arn.toLowerCase() : arn
  const tail = caseless ? pattern.tail.toLowerCase() : pattern.tail
  if (!pattern.generatedSuffix) return endsWithPrincipal(text, text.length, tail, pattern)
  // the suffix is one or more letters or digits at the end; the tail ends where it starts
  let run = text.length
  while (run > 0 && isAsciiAlphanumeric(text.charCodeAt(run - 1))) run--
  for (let end = run; end < text.length; end++) {
    if (endsWithPrincipal(text, end, tail, pattern)) return true
  }
  return false
}

/** Whether `text` up to `end` ends with `:kind`, the pattern's path and `tail` (cased alike). */
function endsWithPrincipal(
  text: string,
  end: number,
  tail: string,
  { kinds, path, caseless }: PrincipalPattern
): boolean {
  if (end < tail.length || !text.startsWith(tail, end - tail.length)) return false
  const before = text.slice(0, end - tail.length)
  for (const kind of kinds) {
    if (path !== undefined) {
      const folder = path.endsWith('/') ? path : `${path}/`
      if (before.endsWith(`:${kind}${caseless ? folder.toLowerCase() : folder}`)) return true
      continue
    }
    // `:kind/` anywhere, then nothing or segments that each end with `/`
    const lead = `:${kind}/`
    for (let i = before.indexOf(lead); i >= 0; i = before.indexOf(lead, i + 1)) {
      const rest = before.slice(i + lead.length)
      if (rest === '' || (rest.endsWith('/') && !rest.startsWith('/') && !rest.includes('//'))) {
        return true
      }
    }
  }
  return false
}

/** The RegExp `matchesPrincipal` answers for (and asks, outside ASCII). */
export function principalRegExp(pattern: PrincipalPattern): RegExp {
  const kinds = pattern.kinds.map(escape).join('|')
  const suffix = pattern.generatedSuffix ? '[A-Za-z0-9]+' : ''
  return new RegExp(
    `:(?:${kinds})${pathPattern(pattern.path)}${escape(pattern.tail)}${suffix}$`,
    pattern.caseless ? 'i' : ''
  )
}

/** ASCII alone: where lower-casing matches letters as the RegExp flag `i` does. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false
  return true
}

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
