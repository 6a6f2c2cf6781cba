/**
 * The README's example of a review comment, made by the code the action runs: the worked example's
 * policy added by a pull request as `iam/MyRole.json` (mapped to the role by its file name), the
 * `GetFindingV2` finding of examples/article, the bundled catalog, then what src/main.ts does with
 * a changed file: refineFile, then buildReviewItems. `npm run docs` writes it into the README.
 */
import { readFileSync } from 'node:fs'
import { bundledCatalog } from '../../src/engine/bundled-catalog.js'
import { parseFindings } from '../../src/findings/parse.js'
import { combineFindings } from '../../src/findings/select.js'
import { sha256Hex } from '../../src/github/review-comments.js'
import { buildReviewItems, type PolicyReport } from '../../src/report/comment.js'
import { hasUnused } from '../../src/report/json-report.js'
import { EMPTY_CONFIG } from '../../src/sources/config.js'
import { refineFile } from '../../src/sources/scan.js'

export const PATH = 'iam/MyRole.json'
const FINDINGS = 'examples/article/finding-getfindingv2.json'

/** The body of the comment on the `s3:Get*` line, exactly as the action posts it. */
export function commentExample(root = '.'): string {
  const text = readFileSync(`${root}/examples/article/policy.json`, 'utf8')
  const findingsText = readFileSync(`${root}/${FINDINGS}`, 'utf8')
  const findings = combineFindings([parseFindings(JSON.parse(findingsText), FINDINGS)])
  const outcome = refineFile(
    { file: PATH, path: PATH, text },
    { catalog: bundledCatalog(), findings, config: EMPTY_CONFIG }
  )
  const policies: PolicyReport[] = (outcome.policies ?? []).flatMap(p =>
    p.refinement && hasUnused(p.report.status)
      ? [
          {
            policyPath: p.location.pointer,
            principals: p.principals,
            refinement: p.refinement,
            edits: p.edits,
            offset: p.location.range.start
          }
        ]
      : []
  )
  // A pull request that adds the file: every line is on the diff.
  const lines = text.replace(/\n$/, '').split('\n')
  const patch = [`@@ -0,0 +1,${lines.length} @@`, ...lines.map(l => `+${l}`)].join('\n')
  const items = buildReviewItems([{ path: PATH, headText: text, patch, policies }], sha256Hex)
  const item = items.find(
    i => i.placement === 'inline' && (i.suggestion?.original ?? '').includes('"s3:Get*"')
  )
  if (!item) throw new Error('the worked example no longer yields a comment replacing s3:Get*')
  return item.body
}
