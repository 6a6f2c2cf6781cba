/**
 * The REST read of file contents (the fallback when GraphQL is refused): it survives a garbage
 * collection between the response and the read of its body (issue 15), and it reads no more of a
 * file than the size limit lets it use.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createGitHubClients } from '../src/github/client.js'
import { getFileContent, getFileContents, MAX_FILE_BYTES } from '../src/github/file-content.js'
import { recordingLogger } from '../src/logger.js'
import { startGitHubServer, type GitHubServer } from './servers/github.js'

const HEAD = 'a'.repeat(40)
const pr = { owner: 'acme', repo: 'infra' }

let server: GitHubServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/**
 * The collections test alone takes 2-3 s; in the full suite a full collection walks the heap of a
 * Jest worker that has run other files, and on a busy 2-core machine the test took over 60 s.
 */
const GC_TEST_TIMEOUT_MS = 180_000

/** How long a collection waits for other responses to share it. */
const GATHER_MS = 20

/** V8's full collection, as `node --expose-gc` gives it, without the flag on Jest's command line. */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

function policy(i: number): string {
  return `{\n  "Version": "2012-10-17",\n  "Statement": [{"Sid": "S${i}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]\n}\n`
}

async function start(contents: Record<string, string | Uint8Array>) {
  server = await startGitHubServer({
    pulls: [{ owner: pr.owner, repo: pr.repo, number: 7, headSha: HEAD, files: [] }],
    contents: { [HEAD]: contents },
    graphql: { mode: 'forbidden' }
  })
  const client = createGitHubClients('test-token', recordingLogger(), server.url).read
  return { server, client }
}

describe('reading files over REST', () => {
  it(
    'reads 300 files with a full garbage collection between each response and the read of its body',
    async () => {
      const contents: Record<string, string> = {}
      for (let i = 0; i < 300; i++) contents[`iam/p${i}.json`] = policy(i)
      const { server: s, client } = await start(contents)
      const gc = fullGc()
      // After Octokit has answered and before the caller goes on: a full collection, then one turn
      // of the event loop so that undici's finalizer runs. Before the fix this lost every file
      // ("Response body object should not be disturbed or locked"). Responses that arrive within
      // GATHER_MS of each other share one collection (a full one costs tens of milliseconds in
      // Jest's heap), which still falls between each one's answer and its read.
      let collections = 0
      let next: Promise<void> | undefined
      const collection = (): Promise<void> =>
        (next ??= new Promise(resolve =>
          setTimeout(() => {
            gc()
            collections++
            next = undefined
            setImmediate(resolve)
          }, GATHER_MS)
        ))
      let collectedBeforeRead = 0
      client.hook.after('request', async () => {
        const before = collections
        await collection()
        if (collections > before) collectedBeforeRead++
      })
      const got = await getFileContents(
        client,
        pr,
        Object.keys(contents).map(path => ({ path })),
        HEAD
      )
      expect(s.count('POST', /^\/graphql$/)).toBe(1) // refused once, then REST only
      expect(s.count('GET', '/contents/')).toBe(300)
      expect(collectedBeforeRead).toBe(300)
      expect(collections).toBeGreaterThan(0)
      expect(got.size).toBe(300)
      for (const [path, text] of Object.entries(contents)) {
        expect(got.get(path)).toEqual({ kind: 'text', text })
      }
    },
    GC_TEST_TIMEOUT_MS
  )

  it('reads a file of exactly the size limit, and skips one a byte over it', async () => {
    const at = `{"Statement": []}${' '.repeat(MAX_FILE_BYTES - 17)}`
    expect(Buffer.byteLength(at)).toBe(MAX_FILE_BYTES)
    const { client } = await start({ 'at.json': at, 'over.json': `${at} ` })
    expect(await getFileContent(client, pr, 'at.json', HEAD)).toEqual({ kind: 'text', text: at })
    expect(await getFileContent(client, pr, 'over.json', HEAD)).toEqual({
      kind: 'skipped',
      reason: 'larger than 5 MB'
    })
  })

  it('still turns an error answer into the usual outcome', async () => {
    const { client } = await start({})
    expect(await getFileContent(client, pr, 'gone.json', HEAD)).toEqual({
      kind: 'skipped',
      reason: `not found at ${HEAD}`
    })
  })
})
