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
  /** An inline statement list in an `AWS::Serverless::StateMachine`'s `Policies`. */
  | 'sam-state-machine'
  /** Serverless Framework `provider.iam.role.statements` (or legacy `provider.iamRoleStatements`). */
  | 'serverless-provider'
  /** Serverless Framework `functions.<fn>.iamRoleStatements` (or `iam.role.statements`): a per-function role. */
  | 'serverless-function'
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
  /**
   * The statement, or its `Action`, is a `Fn::If` whose branches are locations of their own: what
   * the engine cannot read here is checked there.
   */
  readonly branched?: boolean
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
  /** The SAM function or state machine whose generated role this is. */
  readonly samResource?: string
  /** Why the attachment cannot be resolved to a name (`!ImportValue`, a parameter). */
  readonly unresolved?: string
  /** How the name was derived, said with the mapping (a framework's naming rule). */
  readonly derivation?: string
  /** Terraform `name_prefix`: the deployed name is the prefix and 26 generated characters. */
  readonly namePrefix?: string
  /** How the name was learned, when not a literal of the template (Terraform variables, a module). */
  readonly source?: PrincipalSource
  /** How the policy reaches the principal (`aws_iam_role_policy_attachment.app`), for the report. */
  readonly via?: string
}

/**
 * One side of a CloudFormation `Fn::If` on the way to a policy: the location is the policy as
 * CloudFormation deploys it when `condition` is `value`. Branches are never merged: each literal
 * branch is its own location, refined for the same principals.
 */
export interface ConditionBranch {
  readonly condition: string
  readonly value: boolean
}

/**
 * What the node at a location's `path` holds: a policy document; a list of statements that a
 * framework wraps in a document (Serverless `iamRoleStatements`); one statement (a branch of a
 * `Fn::If` in a `Statement` list); or the `Action` of one statement (a branch of a `Fn::If`).
 * The engine always refines a whole document: for the last three it is built around the node.
 */
export type LocationForm = 'document' | 'statements' | 'statement' | 'action'

export interface PolicyLocation {
  readonly file: string
  readonly syntax: SourceSyntax
  /**
   * Keys and indexes from the root to the policy document (or what `form` says); a `Fn::If` is
   * passed as its long form, `"Fn::If", 1` (true) or `"Fn::If", 2` (false), short form or not.
   */
  readonly path: readonly (string | number)[]
  /** The same path, readable: `Resources.AppRole.Properties.Policies[0].PolicyDocument`. */
  readonly pointer: string
  /** What the node at `path` holds; `document` when absent. */
  readonly form?: LocationForm
  /** For `form: 'action'`: the path of the statement whose `Action` it is. */
  readonly statementPath?: readonly (string | number)[]
  /** The `Fn::If` branches taken on the way to it, outermost first; absent when none. */
  readonly branches?: readonly ConditionBranch[]
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

/**
 * A Serverless Framework `${file(...)}` that brings statements from another file of the
 * repository. The finder of the including file cannot read it (no I/O): the edge reads the file
 * and scans it with this include, so that its statements are refined for the roles named here.
 */
export interface StatementInclude {
  /** The included file, relative to the repository root (`/` separators, normalised). */
  readonly file: string
  /** The keys after `:` in `${file(x.yml):a.b}`, the part of the file that holds the statements. */
  readonly selector: readonly string[]
  /** Whether the file holds the whole list, or one entry of the including list. */
  readonly holds: 'list' | 'entry'
  readonly kind: PolicyKind
  readonly quota: Quota
  readonly attachments: readonly Attachment[]
  /** Where the include is written, for messages. */
  readonly from: { readonly file: string; readonly line: number; readonly pointer: string }
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
  /** Files whose statements this file includes (Serverless `${file(...)}`), for the edge to read. */
  readonly includes?: readonly StatementInclude[]
}
