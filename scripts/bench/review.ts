/**
 * The review's numbers (`npm run bench review`): a synthetic pull request of generated policy
 * files against the loopback GitHub server, through the real Octokit client (retry and throttling
 * included): list the changed files, read them at the head commit (one GraphQL query per 50
 * files, as the action does), build the comments, post one review and the summary comment; then
 * the same run again (a re-run: nothing new to post). It prints wall time and API calls per kind;
 * the calls must grow with pages of files, not with files or with the lines of the policies,
 * which the 10x longer policies of the second row show.
 *
 * Wall time includes the throttling plugin's spacing of writes (GitHub asks for about a second
 * between content-creating requests; the plugin waits up to 3 s before a notifying one), which
 * also spaces GraphQL queries a second apart.
 */
import { performance } from 'node:perf_hooks'
import { getChangedFiles } from '../../src/github/changed-files.js'
import { createGitHubClient } from '../../src/github/client.js'
import { getFileContents } from '../../src/github/file-content.js'
import { reviewPullRequest } from '../../src/github/review.js'
import { parseCatalog } from '../../src/engine/catalog.js'
import { refinePolicy } from '../../src/engine/refine.js'
import type { PrincipalUnused } from '../../src/engine/unused.js'
import { recordingLogger } from '../../src/logger.js'
import type { FileReport, PolicyEdit } from '../../src/report/comment.js'
import {
  startGitHubServer,
  type GitHubServer,
  type ServerFile
} from '../../__tests__/servers/github.js'

const HEAD = 'c'.repeat(40)
const pr = { owner: 'acme', repo: 'infra', pullNumber: 1 }
const catalog = parseCatalog({ s3: ['GetObject', 'PutObject', 'DeleteObject'] }, 'bench')
const principal: PrincipalUnused = {
  principal: 'arn:aws:iam::123456789012:role/App',
  wholePrincipal: false,
  services: [{ service: 's3', actions: [{ action: 'PutObject' }, { action: 'DeleteObject' }] }],
  since: '2026-10-01T00:00:00Z',
  sources: ['bench']
}

/** A policy of `statements` statements, each allowing three s3 actions of which two are unused. */
function policyText(statements: number): string {
  const doc = {
    Version: '2012-10-17',
    Statement: Array.from({ length: statements }, (_, k) => ({
      Sid: `S${k}`,
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: `arn:aws:s3:::bucket-${k}/*`
    }))
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

/** The edits src/sources would render: drop the two unused entries of each statement. */
function editsOf(text: string): PolicyEdit[] {
  const edits: PolicyEdit[] = []
  const unused = ',\n        "s3:PutObject",\n        "s3:DeleteObject"'
  let from = 0
  for (let k = 0; ; k++) {
    const at = text.indexOf(unused, from)
    if (at < 0) return edits
    edits.push({ start: at, end: at + unused.length, text: '', statement: k })
    from = at + unused.length
  }
}

function newFilePatch(text: string): string {
  const lines = text.slice(0, -1).split('\n')
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map(l => `+${l}`)].join('\n')
}

async function run(files: number, statements: number): Promise<void> {
  const text = policyText(statements)
  const serverFiles: ServerFile[] = Array.from({ length: files }, (_, i) => ({
    filename: `iam/policy-${i}.json`,
    status: 'added',
    patch: newFilePatch(text)
  }))
  const contents = Object.fromEntries(serverFiles.map(f => [f.filename, text]))
  const server: GitHubServer = await startGitHubServer({
    pulls: [
      { owner: pr.owner, repo: pr.repo, number: pr.pullNumber, headSha: HEAD, files: serverFiles }
    ],
    contents: { [HEAD]: contents }
  })
  try {
    const logger = recordingLogger()
    const client = createGitHubClient('bench-token', logger, server.url)
    const refinement = refinePolicy(JSON.parse(text), { catalog, principals: [principal] })
    const edits = editsOf(text)
    for (const pass of ['first run', 're-run']) {
      const before = server.requests.length
      const started = performance.now()
      const changed = await getChangedFiles(client, pr)
      const reports: FileReport[] = []
      const texts = await getFileContents(
        client,
        pr,
        changed.files.map(f => ({ path: f.path, blobSha: f.sha })),
        HEAD
      )
      changed.files.forEach(f => {
        const content = texts.get(f.path)
        if (content?.kind !== 'text') return
        reports.push({
          path: f.path,
          headText: content.text,
          ...(f.patch === undefined ? {} : { patch: f.patch }),
          policies: [{ policyPath: 'Statement', principals: [principal], refinement, edits }]
        })
      })
      const outcome = await reviewPullRequest(client, { ...pr, headSha: HEAD }, reports, {
        event: 'COMMENT',
        maxComments: 30,
        logger
      })
      const ms = performance.now() - started
      const calls = server.requests.slice(before)
      const kind = (method: string, pattern: RegExp): number =>
        calls.filter(r => r.method === method && pattern.test(r.path)).length
      const posted = outcome.delivered.filter(d => d.delivery.kind === 'posted').length
      console.log(
        [
          `${files} files x ${text.split('\n').length - 1} lines, ${pass}:`,
          `${(ms / 1000).toFixed(2)} s,`,
          `${calls.length} API calls`,
          `(list files ${kind('GET', /\/pulls\/\d+\/files$/)},`,
          `contents ${kind('POST', /^\/graphql$/)} GraphQL + ${kind('GET', /\/contents\//)} REST,`,
          `list review comments ${kind('GET', /\/pulls\/\d+\/comments$/)},`,
          `list issue comments ${kind('GET', /\/issues\/\d+\/comments$/)},`,
          `reviews ${kind('POST', /\/reviews$/)},`,
          `other writes ${calls.filter(r => r.method !== 'GET').length - kind('POST', /\/reviews$/) - kind('POST', /^\/graphql$/)});`,
          `${outcome.items.length} suggestions, ${posted} posted`
        ].join(' ')
      )
    }
  } finally {
    await server.close()
  }
}

await run(300, 3)
await run(300, 30)
await run(600, 3)
