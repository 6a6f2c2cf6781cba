/**
 * Agreement with IAM Access Analyzer's own recommendation: a refinement compared, statement by
 * statement, with the policy AWS recommends for the same principal and policy. Both sides are
 * expanded over one universe with the engine's own matching, so "the same" means the same actions
 * under the catalog, and every difference names its actions and the reason that explains them —
 * computed from the findings, the catalog and the two documents, never assumed. Pure.
 * (docs/adr/0017-agreement-with-access-analyzer.md)
 */
import { fold, hasWildcard, PatternIndex } from './actions.js'
import type { Catalog } from './catalog.js'
import { isRecord } from './catalog.js'
import type { PolicyRefinement } from './model.js'
import { readStatements } from './policy.js'
import type { PrincipalRecommendation, RecommendedStep } from './recommendation.js'
import { Universe } from './universe.js'
import { namedActions, type PrincipalUnused } from './unused.js'
import { UnusedSet } from './unused-set.js'

export type AgreementVerdict = 'agrees' | 'differs' | 'unavailable'

export type AgreementReasonKind =
  /**
   * iam-refine keeps used actions the recommendation drops, which the policy reaches only through
   * a wildcard and iam-refine's catalog has: AWS's catalog lacked them when it refined.
   */
  | 'aws-catalog'
  /** The recommendation allows actions iam-refine's catalog does not know. */
  | 'our-catalog'
  /** The recommendation drops actions the findings do not report unused (named, or unknown). */
  | 'removes-used'
  /** The recommendation still allows actions the findings report unused. */
  | 'keeps-unused'
  /** A shared policy: iam-refine keeps what another of its principals uses. */
  | 'shared'
  /** The configuration's keep-actions keep them. */
  | 'keep-actions'
  /** iam-refine leaves the statement as it is (NotAction, Deny, an odd shape); AWS changes it. */
  | 'not-refined-by-us'
  /** The recommendation leaves the statement as it is; iam-refine refines it. */
  | 'not-refined-by-aws'
  /** The same actions under the catalog, written with other entries (the succinctness rule). */
  | 'written-differently'
  /** The recommendation detaches the policy; iam-refine keeps some of it. */
  | 'detached'
  /** A statement of the recommendation that lines up with no statement of this policy. */
  | 'unaligned'

export interface AgreementReason {
  readonly kind: AgreementReasonKind
  /** The statement of the policy it concerns (index in the original list); absent: the policy. */
  readonly statement?: { readonly index: number; readonly sid?: string }
  /** The actions concerned, in the catalog's casing, sorted. */
  readonly actions?: readonly string[]
  /** `written-differently`: the two sides' entries. */
  readonly ours?: readonly string[]
  readonly aws?: readonly string[]
  /** `shared`: the principals that use the actions. */
  readonly usedBy?: readonly string[]
  /** `not-refined-by-us`: why iam-refine leaves it. `unaligned`: the recommended statement's index. */
  readonly note?: string
  readonly recommendedStatement?: number
}

export interface PrincipalAgreement {
  readonly principal: string
  readonly verdict: AgreementVerdict
  /** How the recommended step was found: it names the policy, or its content lines up. */
  readonly matchedBy?: 'id' | 'content'
  readonly existingPolicyId?: string
  /** The recommendation detaches the policy (DETACH_POLICY without a CREATE_POLICY). */
  readonly detach?: boolean
  readonly completedAt?: string
  /** `differs`: every difference, computed. */
  readonly reasons: readonly AgreementReason[]
  /** `unavailable`: why there is nothing to compare with. */
  readonly unavailable?: string
}

export interface AwsAgreement {
  /** `differs` when any principal's differs; `unavailable` when none differs and one is missing. */
  readonly verdict: AgreementVerdict
  readonly principals: readonly PrincipalAgreement[]
}

export interface AgreementInput {
  readonly catalog: Catalog
  /** The original policy document, as refined. */
  readonly document: unknown
  readonly refinement: PolicyRefinement
  /** The findings of each principal the policy was refined for (several: a shared policy). */
  readonly principals: readonly PrincipalUnused[]
  readonly keepActions?: readonly string[]
  /** Names AWS may give this policy in `existingPolicyId` (an inline policy's or managed policy's name). */
  readonly policyNames: readonly string[]
  /** Prefixes of names CloudFormation generates for it (`stack-LogicalId-`). */
  readonly generatedNamePrefixes?: readonly string[]
  readonly recommendations: ReadonlyMap<string, PrincipalRecommendation>
}

/**
 * Policies with more statements are not compared (the alignment is quadratic in statements). A
 * policy within IAM's largest quota, 10,240 characters, holds far fewer.
 */
export const MAX_COMPARED_STATEMENTS = 500

/** Compares a refinement with AWS's recommendation for each of its principals. */
export function compareWithRecommendation(input: AgreementInput): AwsAgreement {
  const principals = input.principals.map(p => comparePrincipal(input, p))
  const verdict = principals.some(p => p.verdict === 'differs')
    ? 'differs'
    : principals.length === 0 || principals.some(p => p.verdict === 'unavailable')
      ? 'unavailable'
      : 'agrees'
  return { verdict, principals }
}

function unavailable(principal: string, why: string): PrincipalAgreement {
  return { principal, verdict: 'unavailable', reasons: [], unavailable: why }
}

function comparePrincipal(input: AgreementInput, p: PrincipalUnused): PrincipalAgreement {
  const who = p.principal || 'the principal'
  if (p.wholePrincipal) {
    return unavailable(
      p.principal,
      `${who} is unused as a whole (UnusedIAMRole); IAM Access Analyzer recommends policies only for unused-permission findings`
    )
  }
  const recommendation = input.recommendations.get(p.principal)
  if (!recommendation)
    return unavailable(p.principal, `the findings hold no recommendation for ${who}`)
  if (recommendation.status === 'unavailable')
    return unavailable(p.principal, recommendation.reason)
  const found = findStep(recommendation.steps, input)
  if ('unavailable' in found) return unavailable(p.principal, found.unavailable)
  const statements = readStatements(input.document).statements
  const recommended = found.create ? readStatements(found.create.recommendedPolicy).statements : []
  if (statements.length > MAX_COMPARED_STATEMENTS || recommended.length > MAX_COMPARED_STATEMENTS) {
    return unavailable(
      p.principal,
      `the policy or the recommendation has more than ${MAX_COMPARED_STATEMENTS} statements; not compared`
    )
  }
  const reasons = compareStatements(input, p, statements, recommended, found.create === undefined)
  const existingPolicyId = found.create?.existingPolicyId ?? found.detachId
  return {
    principal: p.principal,
    verdict: reasons.length === 0 ? 'agrees' : 'differs',
    matchedBy: found.matchedBy,
    ...(existingPolicyId === undefined ? {} : { existingPolicyId }),
    ...(found.create === undefined ? { detach: true } : {}),
    ...(recommendation.completedAt === undefined
      ? {}
      : { completedAt: recommendation.completedAt }),
    reasons
  }
}

// ------------------------------------------------------------------ which step is this policy's

type FoundStep =
  | {
      readonly create?: RecommendedStep
      readonly detachId?: string
      readonly matchedBy: 'id' | 'content'
    }
  | { readonly unavailable: string }

/** The step for this policy: by `existingPolicyId` (its name or ARN), else by content. */
function findStep(steps: readonly RecommendedStep[], input: AgreementInput): FoundStep {
  const names = new Set(input.policyNames.map(fold))
  const prefixes = (input.generatedNamePrefixes ?? []).map(fold)
  const namesThisPolicy = (id: string): boolean => {
    const name = fold(policyNameOf(id))
    return names.has(name) || prefixes.some(prefix => name.startsWith(prefix))
  }
  const byId = steps.filter(
    s => s.existingPolicyId !== undefined && namesThisPolicy(s.existingPolicyId)
  )
  if (byId.length > 0) {
    const creates = byId.filter(s => s.action === 'CREATE_POLICY')
    if (creates.length > 1) {
      return {
        unavailable: `the recommendation has ${creates.length} CREATE_POLICY steps for this policy`
      }
    }
    const detach = byId.find(s => s.action === 'DETACH_POLICY')
    return {
      ...(creates[0] ? { create: creates[0] } : {}),
      ...(detach?.existingPolicyId ? { detachId: detach.existingPolicyId } : {}),
      matchedBy: 'id'
    }
  }
  const original = readStatements(input.document).statements
  const candidates = steps.filter(s => {
    if (s.action !== 'CREATE_POLICY' || s.recommendedPolicy === undefined) return false
    const recommended = readStatements(s.recommendedPolicy).statements
    if (recommended.length === 0 || recommended.length > MAX_COMPARED_STATEMENTS) return false
    return align(original, recommended, new Expander(comparisonUniverse(input, recommended)))
      .complete
  })
  if (candidates.length === 1)
    return { create: candidates[0] as RecommendedStep, matchedBy: 'content' }
  const ids = steps.map(s => s.existingPolicyId).filter((id): id is string => id !== undefined)
  if (candidates.length > 1) {
    return {
      unavailable:
        `${candidates.length} of the recommended policies could be this one by content (${unique(ids).join(', ')}); ` +
        'give the policy its name (PolicyName, ManagedPolicyName) so that it matches by name'
    }
  }
  if (steps.length === 0) return { unavailable: 'the recommendation has no steps' }
  return {
    unavailable: `no step of the recommendation is about this policy (they name ${unique(ids).join(', ') || 'no policy'})`
  }
}

/** `MyPolicy` of `arn:aws:iam::123456789012:policy/path/MyPolicy`; any other id is a name. */
export function policyNameOf(id: string): string {
  const m = /^arn:aws[a-z-]*:iam::(?:\d{12}|aws):policy\/(?:.*\/)?([^/]+)$/.exec(id)
  return m ? (m[1] as string) : id
}

// ------------------------------------------------------------------ statements

function compareStatements(
  input: AgreementInput,
  p: PrincipalUnused,
  original: readonly unknown[],
  recommended: readonly unknown[],
  detached: boolean
): AgreementReason[] {
  const universe = comparisonUniverse(input, recommended)
  const expander = new Expander(universe)
  const allowed = (statement: unknown) => expander.allowed(statement)
  const keep = input.keepActions ?? []
  const own = UnusedSet.resolve([p], universe)
  const everyone = input.principals.map(q => ({
    principal: q.principal,
    unused: UnusedSet.resolve([q], universe)
  }))
  const keepIndex = new PatternIndex(keep)
  const alignment = align(original, recommended, expander).pairs
  const ours = ourStatements(input.refinement, original.length)
  const reasons: AgreementReason[] = []

  const matched = new Set(alignment.filter((j): j is number => j !== undefined))
  // Original statements an unaligned recommended one was made for: that reason explains them.
  const explained = new Set<number>()
  recommended.forEach((r, j) => {
    if (matched.has(j)) return
    const best = original.findIndex(
      (o, i) => alignment[i] === undefined && skeleton(o) === skeleton(r)
    )
    if (best >= 0) explained.add(best)
    const extra = best >= 0 ? [...allowed(r)].filter(a => !allowed(original[best]).has(a)) : []
    reasons.push({
      kind: 'unaligned',
      recommendedStatement: j,
      ...(extra.length > 0 ? { actions: display(extra, universe) } : {})
    })
  })

  original.forEach((o, i) => {
    if (explained.has(i)) return
    const j = alignment[i]
    // Each side's statement, or null where it is removed (or the policy detached).
    const mine = { statement: ours[i] ?? null }
    const theirs = {
      statement: j === undefined ? null : (recommended[j] as Record<string, unknown>)
    }
    const ref = statementRef(o, i)
    const kept = canonical(mine.statement) === canonical(o)
    const theirsKept = canonical(theirs.statement) === canonical(o)
    if (!isAllowWithActions(o)) {
      // Deny and odd shapes: iam-refine leaves them verbatim; any change of AWS's is a difference.
      if (canonical(mine.statement) !== canonical(theirs.statement)) {
        reasons.push({ kind: 'not-refined-by-us', statement: ref, note: notRefinedNote(o) })
      }
      return
    }
    const a = allowed(mine.statement)
    const b = allowed(theirs.statement)
    const onlyOurs = [...a].filter(x => !b.has(x)).sort()
    const onlyAws = [...b].filter(x => !a.has(x)).sort()
    if (onlyOurs.length === 0 && onlyAws.length === 0) {
      if (
        (mine.statement === null) !== (theirs.statement === null) ||
        !sameEntries(mine.statement, theirs.statement)
      ) {
        reasons.push({
          kind: 'written-differently',
          statement: ref,
          ours: entriesOf(mine.statement),
          aws: entriesOf(theirs.statement)
        })
      }
      return
    }
    if (kept && !theirsKept && isNotAction(o)) {
      reasons.push({
        kind: 'not-refined-by-us',
        statement: ref,
        note: notRefinedNote(o),
        actions: display(onlyOurs, universe)
      })
      return
    }
    if (theirsKept && !kept && !detached) {
      reasons.push({
        kind: 'not-refined-by-aws',
        statement: ref,
        actions: display(onlyAws, universe)
      })
      return
    }
    const groups = new Map<AgreementReasonKind, string[]>()
    const usedBy = new Set<string>()
    const add = (kind: AgreementReasonKind, name: string) => {
      const list = groups.get(kind) ?? []
      list.push(name)
      groups.set(kind, list)
    }
    // An action the policy names itself is known to AWS whatever its catalog: dropping it is no
    // catalog gap. One AWS only reached through a wildcard, it may not have known.
    const named = new Set(
      entriesOf(o, 'Action')
        .filter(e => !hasWildcard(e))
        .map(fold)
    )
    for (const x of onlyOurs) {
      if (keep.length > 0 && keepIndex.allows(x)) add('keep-actions', x)
      else if (own.has(x)) {
        add('shared', x)
        for (const q of everyone) if (!q.unused.has(x)) usedBy.add(q.principal)
      } else if (universe.inCatalog(x) && !named.has(x)) add('aws-catalog', x)
      else add('removes-used', x)
    }
    for (const x of onlyAws) {
      if (own.has(x) || everyone.every(q => q.unused.has(x))) add('keeps-unused', x)
      else add('our-catalog', x)
    }
    for (const [kind, names] of groups) {
      reasons.push({
        kind,
        statement: ref,
        actions: display(names, universe),
        ...(kind === 'shared' ? { usedBy: [...usedBy].sort() } : {})
      })
    }
  })

  if (detached) {
    const keptActions = ours.some(s => s !== null)
    if (keptActions) {
      // Name the policy-level fact first: the statements' reasons say which actions and why.
      reasons.unshift({ kind: 'detached' })
    }
  }
  return reasons
}

/** The refined statement of each original index, or null where it was removed. */
function ourStatements(
  refinement: PolicyRefinement,
  count: number
): (Record<string, unknown> | null)[] {
  const refined = readStatements(refinement.document).statements
  const out: (Record<string, unknown> | null)[] = new Array(count).fill(null)
  let at = 0
  for (const s of refinement.statements) {
    if (s.status === 'removed') continue
    const statement = refined[at++]
    out[s.index] = isRecord(statement) ? statement : null
  }
  return out
}

/**
 * Lines up the recommended statements with the original ones, in order (AWS keeps the policy's
 * structure and drops statements left without actions): the longest match of statements whose
 * keys other than Action/NotAction are equal and whose recommended actions lie inside the
 * original's. `pairs[i]` is the recommended statement of original statement i; `complete` says
 * whether every recommended statement found one.
 */
function align(
  original: readonly unknown[],
  recommended: readonly unknown[],
  expander: Expander
): { pairs: (number | undefined)[]; complete: boolean } {
  const n = original.length
  const m = recommended.length
  const originalSkeletons = original.map(skeleton)
  const recommendedSkeletons = recommended.map(skeleton)
  // 0: no match; 1: a match; 2: a close match, whose every entry lies inside one of the original's
  // for all strings (as a refinement's do); 3: closer still, every entry one of the original's
  // verbatim. The closeness breaks ties between statements alike in all but their actions.
  const fit = (i: number, j: number): number => {
    if (originalSkeletons[i] !== recommendedSkeletons[j]) return 0
    const inside = expander.allowed(original[i])
    for (const x of expander.allowed(recommended[j])) if (!inside.has(x)) return 0
    if (entriesVerbatim(recommended[j], original[i])) return 3
    return entriesInside(recommended[j], original[i]) ? 2 : 1
  }
  const fits = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => fit(i, j)))
  // best[i][j]: the best score among original[i..] and recommended[j..]. A match weighs more than
  // all closeness bonuses together (at most 2 each), so the most statements are matched first.
  const weight = (f: number): number => (f === 0 ? 0 : 2 * m + 1 + (f - 1))
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1))
  const at = (i: number, j: number): number => best[i]![j]!
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const skip = Math.max(at(i + 1, j), at(i, j + 1))
      const f = fits[i]![j]!
      best[i]![j] = f > 0 ? Math.max(skip, weight(f) + at(i + 1, j + 1)) : skip
    }
  }
  const pairs: (number | undefined)[] = new Array<number | undefined>(n).fill(undefined)
  let i = 0
  let j = 0
  let matched = 0
  while (i < n && j < m) {
    const f = fits[i]![j]!
    if (f > 0 && at(i, j) === weight(f) + at(i + 1, j + 1)) {
      pairs[i++] = j++
      matched++
    } else if (at(i + 1, j) >= at(i, j + 1)) i++
    else j++
  }
  return { pairs, complete: matched === m }
}

/**
 * Whether `inner` keeps `outer`'s entries verbatim, compared as IAM does: each Action entry one of
 * the original's, each of the original's NotAction entries still there (a narrower NotAction adds).
 */
function entriesVerbatim(inner: unknown, outer: unknown): boolean {
  const has = (statement: unknown, key: 'Action' | 'NotAction') =>
    new Set(entriesOf(statement, key).map(fold))
  const action = has(outer, 'Action')
  const notAction = has(inner, 'NotAction')
  return (
    entriesOf(inner, 'Action').every(e => action.has(fold(e))) &&
    entriesOf(outer, 'NotAction').every(e => notAction.has(fold(e)))
  )
}

/** Whether every Action/NotAction entry of `inner` lies inside an entry of `outer`, for all strings. */
function entriesInside(inner: unknown, outer: unknown): boolean {
  const action = new PatternIndex(entriesOf(outer, 'Action'))
  const notAction = new PatternIndex(entriesOf(inner, 'NotAction'))
  return (
    entriesOf(inner, 'Action').every(e => action.covers(fold(e))) &&
    entriesOf(outer, 'NotAction').every(e => notAction.covers(fold(e)))
  )
}

// ------------------------------------------------------------------ expansion and shapes

/** The universe both sides are expanded over: catalog, findings, and both documents' literals. */
function comparisonUniverse(input: AgreementInput, recommended: readonly unknown[]): Universe {
  const literals: string[] = []
  for (const s of [...readStatements(input.document).statements, ...recommended]) {
    for (const entry of [...entriesOf(s, 'Action'), ...entriesOf(s, 'NotAction')]) {
      if (!hasWildcard(entry)) literals.push(entry)
    }
  }
  const keep = (input.keepActions ?? []).filter(k => !hasWildcard(k))
  return new Universe(input.catalog, namedActions(input.principals), literals, keep)
}

/**
 * The universe actions a statement allows (folded): Action's matches, or every universe action
 * NotAction's do not match. Each statement is expanded once per comparison.
 */
class Expander {
  private readonly cache = new Map<unknown, Set<string>>()
  constructor(readonly universe: Universe) {}

  allowed(statement: unknown): Set<string> {
    const cached = this.cache.get(statement)
    if (cached) return cached
    let out = new Set<string>()
    if (isRecord(statement) && statement.Effect === 'Allow') {
      if ('Action' in statement) out = expand(entriesOf(statement, 'Action'), this.universe)
      else if ('NotAction' in statement) {
        const excluded = expand(entriesOf(statement, 'NotAction'), this.universe)
        out = new Set(this.universe.names.filter(name => !excluded.has(name)))
      }
    }
    this.cache.set(statement, out)
    return out
  }
}

function expand(entries: readonly string[], universe: Universe): Set<string> {
  const names = new Set<string>()
  for (const entry of entries) {
    if (hasWildcard(entry)) for (const name of universe.matching(entry)) names.add(name)
    else names.add(fold(entry))
  }
  return names
}

function entriesOf(statement: unknown, key: 'Action' | 'NotAction' = 'Action'): string[] {
  if (!isRecord(statement)) return []
  const value = statement[key]
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return []
}

/**
 * Whether both sides' entries allow the same strings, not only the same catalog actions: the same
 * entries (as IAM compares them), or each inside one of the other side's, for all strings. An index
 * answers "inside one of them" without trying every pair (a refined `*` has thousands of entries).
 */
function sameEntries(
  a: Record<string, unknown> | null,
  b: Record<string, unknown> | null
): boolean {
  if (a === null || b === null) return a === b
  for (const key of ['Action', 'NotAction'] as const) {
    if (key in a !== key in b) return false
    const x = entriesOf(a, key).map(fold)
    const y = entriesOf(b, key).map(fold)
    const xs = new Set(x)
    const ys = new Set(y)
    if (xs.size === ys.size && [...xs].every(e => ys.has(e))) continue
    const inside = (from: string[], to: string[]) => {
      const index = new PatternIndex(to)
      return from.every(e => index.covers(e))
    }
    if (!inside(x, y) || !inside(y, x)) return false
  }
  return true
}

function isAllowWithActions(statement: unknown): boolean {
  if (!isRecord(statement) || statement.Effect !== 'Allow') return false
  const key = 'Action' in statement ? 'Action' : 'NotAction' in statement ? 'NotAction' : undefined
  if (key === undefined) return false
  const value = statement[key]
  return (
    typeof value === 'string' || (Array.isArray(value) && value.every(v => typeof v === 'string'))
  )
}

function isNotAction(statement: unknown): boolean {
  return isRecord(statement) && 'NotAction' in statement && !('Action' in statement)
}

function notRefinedNote(statement: unknown): string {
  if (!isRecord(statement)) return 'is not an object'
  if (statement.Effect === 'Deny') return 'is a Deny, which iam-refine never narrows'
  if (isNotAction(statement)) return 'uses NotAction, which iam-refine does not refine'
  return 'has a shape iam-refine leaves as it is'
}

/** Every key but Action and NotAction, canonical: which statement of the policy this is. */
function skeleton(statement: unknown): string {
  if (!isRecord(statement)) return canonical(statement)
  const rest: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(statement)) {
    if (k !== 'Action' && k !== 'NotAction') rest[k] = v
  }
  rest['#form'] = 'NotAction' in statement ? 'NotAction' : 'Action'
  return canonical(rest)
}

/**
 * JSON with sorted keys, where a one-element list reads as its element (IAM reads `"x"` and
 * `["x"]` alike everywhere in a policy), so that AWS's re-serialization compares equal.
 */
function canonical(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) {
    if (value.length === 1) return canonical(value[0])
    return `[${value.map(canonical).join(',')}]`
  }
  if (isRecord(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map(k => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function statementRef(statement: unknown, index: number): { index: number; sid?: string } {
  return isRecord(statement) && typeof statement.Sid === 'string'
    ? { index, sid: statement.Sid }
    : { index }
}

function display(folded: readonly string[], universe: Universe): string[] {
  return [...folded].sort().map(name => universe.displayOf(name))
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}
