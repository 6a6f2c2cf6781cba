/**
 * The sweep's numbers (`npm run bench sweep`): a generated repository of policy files in folders,
 * its default branch on the loopback GitHub server, swept through the real Octokit client (retry
 * and throttling included) as sweep mode does: check every file, compute the tree, write it, open
 * the pull request; then the same run again (nothing changed: reads only). It prints wall time and
 * API calls per kind. The writes must stay a handful whatever the number of files (the files
 * travel inside tree requests of at most 8 MiB), the reads grow with the folders on the changed
 * paths, and a re-run writes nothing.
 *
 * Wall time includes the throttling plugin's spacing of writes (about a second between
 * content-creating requests, up to 3 s before a notifying one).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseCatalog } from '../../src/engine/catalog.js'
import { combineFindings } from '../../src/findings/select.js'
import { createGitHubClients } from '../../src/github/client.js'
import { recordingLogger } from '../../src/logger.js'
import { EMPTY_CONFIG } from '../../src/sources/config.js'
import { sweepWorkspace } from '../../src/sweep-mode.js'
import { startGitHubServer } from '../../__tests__/servers/github.js'

const catalog = parseCatalog({ s3: ['GetObject', 'PutObject', 'DeleteObject'] }, 'bench')

/** A role's policy: three s3 actions per statement, of which two are unused. */
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

async function run(files: number, folders: number, statements: number): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'iam-refine-bench-sweep-'))
  const server = await startGitHubServer()
  try {
    const text = policyText(statements)
    const repo: Record<string, string> = {}
    const principals = []
    for (let i = 0; i < files; i++) {
      const path = `iam/team-${i % folders}/Role${i}.json`
      repo[path] = text
      mkdirSync(join(work, `iam/team-${i % folders}`), { recursive: true })
      writeFileSync(join(work, path), text)
      principals.push({
        principal: `arn:aws:iam::123456789012:role/Role${i}`,
        wholePrincipal: false,
        services: [
          { service: 's3', actions: [{ action: 'PutObject' }, { action: 'DeleteObject' }] }
        ],
        since: '2026-10-01T00:00:00Z',
        sources: [`0000000${i}-aaaa-4bbb-8ccc-000000000000`]
      })
    }
    server.git.seed('acme', 'infra', repo)
    const findings = combineFindings([
      {
        principals,
        notes: [],
        covered: principals.map(p => p.principal),
        coveredAccounts: []
      }
    ])
    const logger = recordingLogger()
    const clients = createGitHubClients('bench-token', logger, server.url)
    for (const pass of ['first run', 're-run']) {
      const before = server.requests.length
      const started = performance.now()
      const outcome = await sweepWorkspace({
        clients,
        repository: 'acme/infra',
        serverUrl: 'https://github.com',
        workspace: work,
        config: EMPTY_CONFIG,
        catalog,
        findings,
        paths: [],
        branch: 'iam-refine/least-privilege',
        title: 'bench',
        labels: ['iam-refine'],
        forcePush: false,
        logger
      })
      const ms = performance.now() - started
      const calls = server.requests.slice(before)
      const count = (method: string, pattern: RegExp): number =>
        calls.filter(r => r.method === method && pattern.test(r.path)).length
      const writes = calls.filter(r => r.method !== 'GET' && r.path !== '/graphql').length
      console.log(
        `${String(files).padStart(4)} files in ${String(folders).padStart(3)} folders, ` +
          `${statements} statements each, ${pass.padEnd(9)}: ${outcome.sweep.operation.padEnd(9)} ` +
          `${(ms / 1000).toFixed(2).padStart(6)} s, ${String(calls.length).padStart(4)} calls ` +
          `(${count('GET', /\/git\/trees\//)} tree reads, ${count('POST', /\/git\/trees$/)} tree writes, ` +
          `${writes} writes in all)`
      )
    }
  } finally {
    await server.close()
    rmSync(work, { recursive: true, force: true })
  }
}

for (const [files, folders, statements] of [
  [10, 2, 5],
  [100, 10, 5],
  [500, 50, 5],
  [500, 50, 50]
] as const) {
  await run(files, folders, statements)
}
