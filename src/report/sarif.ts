import type { SourceRange } from '../sources/model.js'
import { agreementLine } from './agreement.js'
import type {
  FileReport,
  PolicyReport,
  Report,
  ReportEdit,
  StatementReport
} from './json-report.js'
import { visible } from './markdown.js'

/** A SARIF message quotes files and policies; longer messages are cut. */
const MAX_MESSAGE_CHARACTERS = 4_000

/**
 * SARIF message text is plain text in which `[text](id)` is an embedded link (SARIF 2.1.0
 * §3.11.6), so brackets and backslashes from outside text are escaped, and what a reader should
 * see of line breaks and invisible characters is shown.
 */
export function sarifText(message: string): string {
  return visible(message, MAX_MESSAGE_CHARACTERS).replace(/[\\[\]]/g, c => `\\${c}`)
}

/** The subset of SARIF 2.1.0 that iam-refine writes. */
export interface SarifLog {
  readonly $schema: string
  readonly version: '2.1.0'
  readonly runs: readonly SarifRun[]
}

export interface SarifRun {
  readonly tool: {
    readonly driver: {
      readonly name: string
      readonly informationUri?: string
      readonly version?: string
      readonly rules: readonly SarifRule[]
    }
  }
  readonly results: readonly SarifResult[]
}

export interface SarifRule {
  readonly id: string
  readonly name: string
  readonly shortDescription: { readonly text: string }
  readonly fullDescription: { readonly text: string }
  readonly defaultConfiguration: { readonly level: SarifLevel }
  readonly help: { readonly text: string }
}

export type SarifLevel = 'error' | 'warning' | 'note'

export interface SarifRegion {
  readonly startLine: number
  readonly startColumn: number
  readonly endLine: number
  readonly endColumn: number
}

export interface SarifResult {
  readonly ruleId: string
  readonly ruleIndex: number
  readonly level: SarifLevel
  readonly message: { readonly text: string }
  readonly locations: readonly {
    readonly physicalLocation: {
      readonly artifactLocation: { readonly uri: string }
      readonly region: SarifRegion
    }
  }[]
  /**
   * `awsAgreement`: IAM Access Analyzer's verdict on the policy's refinement (`agrees`, `differs`,
   * `unavailable`), `awsAgreementSummary` the sentence that explains it.
   */
  readonly properties?: { readonly awsAgreement: string; readonly awsAgreementSummary: string }
  readonly fixes?: readonly {
    readonly description: { readonly text: string }
    readonly artifactChanges: readonly {
      readonly artifactLocation: { readonly uri: string }
      readonly replacements: readonly {
        readonly deletedRegion: SarifRegion
        readonly insertedContent: { readonly text: string }
      }[]
    }[]
  }[]
}

const RULES: readonly SarifRule[] = [
  rule(
    'unused-actions',
    'UnusedActions',
    'warning',
    'A statement allows actions its principal has not used',
    'IAM Access Analyzer reports actions that the role or user this policy belongs to has not used. The fix removes them, or replaces a wildcard by narrower ones that exclude them and keep every used action.'
  ),
  rule(
    'unused-statement',
    'UnusedStatement',
    'warning',
    'A statement allows only unused actions',
    'Every action the statement allows is unused; the fix removes the statement.'
  ),
  rule(
    'unused-policy',
    'UnusedPolicy',
    'warning',
    'A policy allows only unused actions',
    'No statement of the policy is used: detach the policy from its principals or delete it rather than keep an empty policy.'
  ),
  rule(
    'unmapped-policy',
    'UnmappedPolicy',
    'note',
    'A policy could not be matched to a role or user',
    'Add the file to the principals of .github/iam-refine.yml, or name the stack of a template in its stacks, so that iam-refine knows whose findings apply.'
  ),
  rule(
    'unreadable-file',
    'UnreadableFile',
    'note',
    'A policy or template file could not be read',
    'The file looks like an IAM policy or a CloudFormation template but is malformed, too large or too deeply nested.'
  )
]

function rule(id: string, name: string, level: SarifLevel, short: string, full: string): SarifRule {
  return {
    id,
    name,
    shortDescription: { text: short },
    fullDescription: { text: full },
    defaultConfiguration: { level },
    help: { text: full }
  }
}

/** A SARIF 2.1.0 log of a report: a result per refined statement, with a fix from its edits. */
export function toSarif(report: Pick<Report, 'files'>, toolVersion?: string): SarifLog {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iam-refine',
            ...(toolVersion ? { version: toolVersion } : {}),
            rules: RULES
          }
        },
        results: report.files.flatMap(sarifResults)
      }
    ]
  }
}

/** The SARIF results of one file of a report. */
export function sarifResults(file: FileReport): SarifResult[] {
  const uri = toUri(file.file)
  if (file.status !== 'policies') {
    const line = file.line ?? 1
    const column = file.column ?? 1
    return [
      result('unreadable-file', `${file.file} ${file.message ?? 'could not be read'}`, uri, {
        startLine: line,
        startColumn: column,
        endLine: line,
        endColumn: column
      })
    ]
  }
  const results: SarifResult[] = []
  for (const policy of file.policies) {
    const agreement = policy.awsAgreement
    const properties = agreement
      ? { awsAgreement: agreement.verdict, awsAgreementSummary: agreementLine(agreement) }
      : undefined
    for (const r of policyResults(policy, uri)) results.push(properties ? { ...r, properties } : r)
  }
  return results
}

function policyResults(policy: PolicyReport, uri: string): SarifResult[] {
  const where = policy.pointer ? ` (${policy.pointer})` : ''
  const whose = policy.principals.length > 0 ? ` for ${policy.principals.join(' and ')}` : ''
  if (policy.status === 'unmapped') {
    return [
      result(
        'unmapped-policy',
        `Policy${where} is not refined: ${policy.reason ?? 'no principal'}`,
        uri,
        region(policy.range)
      )
    ]
  }
  if (policy.status === 'unused-policy') {
    return [
      result(
        'unused-policy',
        `Policy${where} allows only unused actions${whose}: ${policy.reason ?? ''}`,
        uri,
        region(policy.range)
      )
    ]
  }
  if (
    policy.status !== 'refined' &&
    policy.status !== 'fixed' &&
    policy.status !== 'not-editable'
  ) {
    return []
  }
  const out: SarifResult[] = []
  for (const s of policy.statements) {
    if (s.status !== 'refined' && s.status !== 'removed') continue
    const removed = s.status === 'removed'
    const label = s.sid !== undefined ? `Statement "${s.sid}"` : `Statement #${s.index + 1}`
    let text = `${label}${where}${whose}: ${s.reasons.join('; ')}`
    if (policy.status === 'not-editable') text += ` (no fix: ${policy.reason ?? 'not editable'})`
    const edits =
      policy.status === 'refined' ? policy.edits.filter(e => e.statement === s.index) : []
    out.push(
      result(
        removed ? 'unused-statement' : 'unused-actions',
        text,
        uri,
        region(removed ? s.range : (s.actionRange ?? s.range)),
        edits.length > 0 ? fixOf(s, edits, uri) : undefined
      )
    )
  }
  return out
}

function fixOf(
  s: StatementReport,
  edits: readonly ReportEdit[],
  uri: string
): SarifResult['fixes'] {
  return [
    {
      description: {
        text: s.status === 'removed' ? 'Remove the unused statement' : 'Remove the unused actions'
      },
      artifactChanges: [
        {
          artifactLocation: { uri },
          replacements: edits.map(e => ({
            deletedRegion: region(e.range),
            insertedContent: { text: e.text }
          }))
        }
      ]
    }
  ]
}

function result(
  id: string,
  text: string,
  uri: string,
  where: SarifRegion,
  fixes?: SarifResult['fixes']
): SarifResult {
  const ruleIndex = RULES.findIndex(r => r.id === id)
  return {
    ruleId: id,
    ruleIndex,
    level: RULES[ruleIndex]?.defaultConfiguration.level ?? 'warning',
    message: { text: sarifText(text) },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: where } }],
    ...(fixes ? { fixes } : {})
  }
}

function region(r: SourceRange): SarifRegion {
  return {
    startLine: r.startLine,
    startColumn: r.startColumn,
    endLine: r.endLine,
    endColumn: r.endColumn
  }
}

/** A relative URI reference for a path: `/` separators, each segment percent-encoded. */
function toUri(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/')
}
