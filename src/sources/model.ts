import type { Quota } from '../engine/model.js'
import type { Syntax } from './document/tree.js'

/** Where a policy sits and what it is attached to, as a file says it. */
export type PolicyKind =
  /** A JSON (or YAML) policy document, the whole file or nested in it. */
  | 'json-policy'
  /** An `AWS::IAM::Role`'s inline `Policies`. */
  | 'cfn-role-inline'
  /** An `AWS::IAM::User`'s inline `Policies`. */
  | 'cfn-user-inline'
  /** An `AWS::IAM::Group`'s inline `Policies`. */
  | 'cfn-group-inline'
  /** `AWS::IAM::Policy` (inline, attached through `Roles`, `Users`, `Groups`). */
  | 'cfn-policy'
  | 'cfn-managed-policy'
  | 'cfn-role-policy'
  | 'cfn-user-policy'
  | 'cfn-group-policy'
  /** An inline statement list in an `AWS::Serverless::Function`'s `Policies`. */
  | 'sam-function'
  /** Terraform `aws_iam_policy` (a managed policy, attached through attachment resources). */
  | 'tf-policy'
  | 'tf-role-policy'
  | 'tf-user-policy'
  | 'tf-group-policy'
  /** An `aws_iam_role`'s `inline_policy` block. */
  | 'tf-role-inline'
  /** `data "aws_iam_policy_document"`: statement blocks, used through its `.json`. */
  | 'tf-policy-document'
  /** Statement objects given to a module as an input (terraform-aws-modules shapes). */
  | 'tf-module-statements'

/**
 * How a policy's principals were found: the configuration; a CloudFormation template; a file
 * named like the principal; `--principal`; in Terraform, a literal `name`, a `name_prefix`, a
 * name built from the module's variables, locals and `.tfvars`, or one bound by a local module call.
 */
export type PrincipalSource =
  | 'config'
  | 'template'
  | 'file-name'
  | 'command-line'
  | 'terraform-name'
  | 'terraform-name-prefix'
  | 'terraform-variables'
  | 'terraform-module'

/** How a file is written: the JSON/YAML tree's syntaxes, or Terraform's native syntax. */
export type SourceSyntax = Syntax | 'hcl'

/** A range of the text: UTF-16 offsets and their 1-based line and column. */
export interface SourceRange {
  readonly start: number
  readonly end: number
  readonly startLine: number
  readonly startColumn: number
  readonly endLine: number
  readonly endColumn: number
}

export interface StatementLocation {
  /** Index in the original `Statement` list (0 when `Statement` is one object). */
  readonly index: number
  readonly range: SourceRange
  /** The `Action` value: its range and whether it was a string or a list. */
  readonly action?: {
    readonly range: SourceRange
    readonly form: 'string' | 'list' | 'other'
  }
  /** Why this statement is reported but never edited (an intrinsic `Action`, a block scalar). */
  readonly notEditable?: string
}

/**
 * A principal the template attaches the policy to. Several attachments mean a shared policy,
 * refined with the intersection of their unused access.
 */
export interface Attachment {
  readonly type: 'role' | 'user' | 'group'
  /** The resource in the same template, when the policy names one. */
  readonly logicalId?: string
  /** The literal name (`RoleName`, `UserName`, or a literal in `Roles`). */
  readonly name?: string
  /** The literal IAM path (`Path`), when there is one. */
  readonly path?: string
  /** The account, when the source names it (an ARN); else the configuration's or the findings'. */
  readonly account?: string
  /** The SAM function whose generated role this is. */
  readonly samFunction?: string
  /** Why the attachment cannot be resolved to a name (`!ImportValue`, a parameter). */
  readonly unresolved?: string
  /** Terraform `name_prefix`: the deployed name is the prefix and 26 generated characters. */
  readonly namePrefix?: string
  /** How the name was learned, when not a literal of the template (Terraform variables, a module). */
  readonly source?: PrincipalSource
  /** How the policy reaches the principal (`aws_iam_role_policy_attachment.app`), for the report. */
  readonly via?: string
}

export interface PolicyLocation {
  readonly file: string
  readonly syntax: SourceSyntax
  /** Keys and indexes from the root to the policy document. */
  readonly path: readonly (string | number)[]
  /** The same path, readable: `Resources.AppRole.Properties.Policies[0].PolicyDocument`. */
  readonly pointer: string
  readonly kind: PolicyKind
  /** The template resource that holds the policy. */
  readonly resource?: { readonly logicalId: string; readonly type: string }
  /** `PolicyName` or `ManagedPolicyName`, when a literal. */
  readonly policyName?: string
  readonly range: SourceRange
  /** The plain document the engine refines (short forms as long forms: `{"Ref": "X"}`). */
  readonly document: unknown
  /** Whether `Statement` was a list or one object. */
  readonly statementForm: 'list' | 'object'
  readonly statements: readonly StatementLocation[]
  /** The IAM size quota the refined policy must fit. */
  readonly quota: Quota
  readonly attachments: readonly Attachment[]
  /** Why this policy is reported but never edited; empty when it can be edited. */
  readonly notEditable: readonly string[]
}

/** Something a finder noticed and did not refine, with where it is. */
export interface SourceNote {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly pointer: string
  readonly message: string
  /**
   * What it found holds or may hold permissions it could not read (an `Action` that is not a
   * literal, a policy given by a reference it cannot resolve): the gate counts it as unchecked.
   * Unset for what is only said for information (a managed policy's name).
   */
  readonly unchecked?: boolean
}

/** What reading one file found. */
export interface FileScan {
  readonly file: string
  /**
   * `policies`: it holds policies (maybe none that can be refined, with notes saying why);
   * `none`: not a policy or template (ignored quietly); `malformed`: looks like a policy or
   * template but does not parse; `skipped`: refused (binary, too deep, an alias bomb).
   */
  readonly status: 'policies' | 'none' | 'malformed' | 'skipped'
  readonly syntax?: SourceSyntax
  /** A CloudFormation or SAM template. */
  readonly template?: boolean
  /** For `malformed` and `skipped`: why, with the line and column when known. */
  readonly message?: string
  readonly line?: number
  readonly column?: number
  readonly policies: readonly PolicyLocation[]
  readonly notes: readonly SourceNote[]
}
