/**
 * Files worth reading when looking for policies: the extensions JSON policies and templates use.
 * Content decides what a file is; the extension only spares reading images and source code (and,
 * in the action, an API call per such file of a pull request). Terraform's `.tf`, `.tf.json` and
 * `.tfvars` files are read too.
 */
const CANDIDATE = /\.(json|jsonc|ya?ml|template|tf|tfvars)$/i

export function mayHoldPolicies(path: string): boolean {
  return CANDIDATE.test(path)
}
