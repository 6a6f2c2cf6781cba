import type { Quota } from '../../engine/model.js'
import { QUOTAS } from '../../engine/refine.js'

/**
 * Registry modules that take IAM statements as an input object and create the role themselves,
 * in the shapes public Terraform uses most (terraform-aws-modules). Their code is not in the
 * repository, so what each does with its inputs is written down here, from the modules' own
 * variables and resources (docs/adr/0016-terraform.md).
 */
export interface StatementModule {
  /** The `source` of the module call. */
  readonly source: RegExp
  /** The input holding the statement objects (a map, or a list, of `{ actions = [...] }`). */
  readonly statements: string
  /** The input that must be `true` for the statements to be applied, and its default. */
  readonly enabledBy: { readonly input: string; readonly default: boolean }
  /** The inputs that name the role, first set wins. */
  readonly roleName: readonly string[]
  /** Whether the name is a prefix (`name_prefix = "${name}-"`), by an input and its default. */
  readonly usePrefix?: {
    readonly input: string
    readonly default: boolean
    readonly suffix: string
  }
  /** The input that gives the role's IAM path. */
  readonly path: string
  readonly quota: Quota
}

export const STATEMENT_MODULES: readonly StatementModule[] = [
  {
    // terraform-aws-iam v6 modules/iam-role: an inline policy from `inline_policy_permissions`
    // when `create_inline_policy`; the role is `name_prefix = "${var.name}-"` unless
    // `use_name_prefix = false`.
    source: /^(registry\.terraform\.io\/)?terraform-aws-modules\/iam\/aws\/\/modules\/iam-role$/,
    statements: 'inline_policy_permissions',
    enabledBy: { input: 'create_inline_policy', default: false },
    roleName: ['name'],
    usePrefix: { input: 'use_name_prefix', default: true, suffix: '-' },
    path: 'path',
    quota: QUOTAS.role
  },
  {
    // terraform-aws-lambda: `policy_statements` become a policy attached to the function's role
    // when `attach_policy_statements`; the role is `role_name`, else the function's name.
    source: /^(registry\.terraform\.io\/)?terraform-aws-modules\/lambda\/aws$/,
    statements: 'policy_statements',
    enabledBy: { input: 'attach_policy_statements', default: false },
    roleName: ['role_name', 'function_name'],
    path: 'role_path',
    quota: QUOTAS.managed
  }
]
