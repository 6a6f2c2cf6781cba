import type { PolicyRefinement } from '../../engine/model.js'
import { LineIndex } from '../document/tree.js'
import type { RenderResult, ScannedFile } from '../format.js'
import type { FileScan, PolicyLocation } from '../model.js'
import type { TextEdit } from '../text-edit.js'
import { attachmentsOfReferrer, fileReferrers } from './attach.js'
import { findTerraform, type TerraformPolicy } from './find.js'
import { parseHcl, type HclFile } from './hcl.js'
import type { TerraformContext } from './module.js'
import { renderTerraform, verifyTerraformEdits, type Refind } from './render.js'

/**
 * A Terraform file: parsed by tree-sitter, read by the Terraform finders with its module around
 * it (the other files of its folder, the local modules that call it), edited and proven by the
 * Terraform renderer. `.tfvars` files only give values; `.tf.json` is not read (and said so when
 * it may hold IAM).
 */
export function scanTerraform(
  text: string,
  file: string,
  path: string,
  context: TerraformContext
): ScannedFile {
  const empty = { file, policies: [], notes: [] }
  const none = (scan: FileScan): ScannedFile => ({
    scan,
    render: () => ({ refused: 'not a policy' }),
    prove: () => 'not a policy'
  })
  const mentionsIam = /aws_iam_|"Statement"|\bStatement\b/.test(text)
  if (/\.tfvars$/i.test(file)) return none({ ...empty, status: 'none' })
  if (/\.tf\.json$/i.test(file)) {
    return none(
      mentionsIam
        ? {
            ...empty,
            status: 'skipped',
            syntax: 'json',
            message:
              'is Terraform in JSON syntax, which iam-refine does not read: its IAM policies are not checked'
          }
        : { ...empty, status: 'none' }
    )
  }
  if (text.includes('\u0000')) {
    return none({
      ...empty,
      status: 'skipped',
      message: 'is binary (it holds NUL bytes); not read'
    })
  }
  const parsed = context.parse(path, text)
  if (!parsed.ok) {
    if (!mentionsIam) return none({ ...empty, status: 'none' })
    const { line, column } = new LineIndex(text).position(parsed.offset)
    const status = parsed.message.includes('nested more than') ? 'skipped' : 'malformed'
    return none({ ...empty, status, syntax: 'hcl', message: parsed.message, line, column })
  }
  const hcl = parsed.file
  const found = findTerraform(hcl, { file, path, context, attach: true })
  const scan: FileScan =
    found.policies.length === 0 && found.notes.length === 0
      ? { ...empty, status: 'none', syntax: 'hcl' }
      : {
          file,
          status: 'policies',
          syntax: 'hcl',
          policies: found.policies.map(p => p.location),
          notes: found.notes
        }
  const byPointer = new Map<string, TerraformPolicy>(
    found.policies.map(p => [p.location.pointer, p])
  )
  const refind: Refind = edited => {
    const again = parseHcl(context.parser, edited)
    if (!again.ok) return { ok: false, message: again.message }
    const policies = findTerraform(again.file, { file, path, context, attach: false }).policies
    return { ok: true, hcl: again.file, policies }
  }
  return {
    scan,
    render: (location: PolicyLocation, refinement: PolicyRefinement): RenderResult => {
      const policy = byPointer.get(location.pointer)
      if (!policy) return { refused: 'the policy is no longer where it was found' }
      return renderTerraform(hcl, policy, refinement)
    },
    prove: (
      changes: readonly { location: PolicyLocation; document: unknown }[],
      edits: readonly TextEdit[]
    ) => verifyTerraformEdits(hcl as HclFile, changes, edits, refind)
  }
}

/**
 * A JSON policy file a Terraform resource reads with `file()` or `templatefile()`: refined where it
 * is, mapped to the principals that resource reaches. A `templatefile` whose actions hold `${…}`
 * or `%{…}` is Terraform's to fill, so it is not refined (and counts as unchecked).
 */
export function readByTerraform(
  scanned: ScannedFile,
  path: string,
  context: TerraformContext
): ScannedFile {
  const referrers = fileReferrers(context, path)
  const { scan } = scanned
  if (referrers.length === 0 || scan.status !== 'policies') return scanned
  const whole = scan.policies.find(p => p.path.length === 0)
  if (!whole) return scanned
  const templated =
    referrers.some(r => r.template) && /\$\{|%\{/.test(JSON.stringify(actionsOf(whole.document)))
  if (templated) {
    return {
      ...scanned,
      scan: {
        ...scan,
        policies: scan.policies.filter(p => p !== whole),
        notes: [
          ...scan.notes,
          {
            file: scan.file,
            line: whole.range.startLine,
            column: whole.range.startColumn,
            pointer: '',
            message: `${referrers[0]?.where ?? 'a templatefile'} fills this template, and its actions hold \${…}: not refinable`,
            unchecked: true
          }
        ]
      }
    }
  }
  const attachments = referrers.flatMap(r => attachmentsOfReferrer(context, r))
  const quota = referrers.reduce((q, r) => (r.quota.limit < q.limit ? r.quota : q), whole.quota)
  const mapped: PolicyLocation = { ...whole, attachments, quota }
  return {
    ...scanned,
    scan: { ...scan, policies: scan.policies.map(p => (p === whole ? mapped : p)) }
  }
}

function actionsOf(document: unknown): unknown[] {
  const statement = (document as { Statement?: unknown } | null)?.Statement
  const list = Array.isArray(statement) ? statement : [statement]
  return list.map(s => (s as { Action?: unknown; NotAction?: unknown } | null)?.Action)
}
