/**
 * Git blobs by object id from the repository a folder holds (the workflow's checkout), with one
 * `git cat-file --batch` process for all of them. Only objects are read, never the working tree:
 * an object's bytes are what its id names, whatever the checkout, its line-ending conversion or an
 * earlier step did to the files. The caller still hashes what comes back before trusting it
 * (src/github/file-content.ts), so a tampered object store can only make it ask the API instead.
 */
import { spawn } from 'node:child_process'
import { realpath } from 'node:fs/promises'
import { dirname } from 'node:path'

/** What one batch gave: the blobs it read whole, and why it stopped early, if it did. */
export interface GitBlobs {
  readonly blobs: ReadonlyMap<string, Uint8Array>
  /** Why some or all were not read (no git, not a repository, a timeout, …); the rest fall back. */
  readonly failure?: string
}

/**
 * Git reads local objects in milliseconds (300 policy files in about 20 ms); a batch still running
 * after this is stuck on a lock, a slow disk or a network filesystem, and the API is quicker.
 */
export const GIT_BATCH_TIMEOUT_MS = 20_000

/** A header line of `git cat-file --batch` is an id, a type and a size: never this long. */
const MAX_HEADER_BYTES = 256

/** How much of git's error output the log quotes. */
const MAX_STDERR_CHARACTERS = 500

/** Full SHA-1 or SHA-256 object ids only: anything else is never written to git's input. */
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/**
 * The blobs of `ids` found in the repository at `folder` (exactly there: git does not look in the
 * folders above it), each at most `maxBytes`; a blob that is missing, larger or not a blob is
 * left out. Never throws: every failure of the process is a `failure` beside what was read.
 */
export async function readGitBlobs(
  folder: string,
  ids: readonly string[],
  maxBytes: number,
  timeoutMs: number = GIT_BATCH_TIMEOUT_MS
): Promise<GitBlobs> {
  const wanted = [...new Set(ids.map(id => id.toLowerCase()))].filter(id => OBJECT_ID.test(id))
  const blobs = new Map<string, Uint8Array>()
  if (wanted.length === 0) return { blobs }
  let root: string
  try {
    root = await realpath(folder)
  } catch (error) {
    return { blobs, failure: `${folder} cannot be read (${(error as Error).message})` }
  }
  return new Promise(resolve => {
    const parser = new BatchParser(wanted, maxBytes, blobs)
    let stderr = ''
    let settled = false
    const finish = (failure?: string): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(failure === undefined ? { blobs } : { blobs, failure })
    }
    const child = spawn('git', ['--no-replace-objects', 'cat-file', '--batch'], {
      cwd: root,
      env: gitEnvironment(root),
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      finish(`git cat-file took longer than ${timeoutMs / 1000} s`)
    }, timeoutMs)
    child.on('error', error => finish(`git could not be run (${error.message})`))
    // git exits early in a folder that is no repository, and our input then has no reader: the
    // exit code says why, the write error adds nothing.
    child.stdin.on('error', () => undefined)
    child.stdout.on('data', (chunk: Buffer) => {
      if (settled) return
      const problem = parser.push(chunk)
      if (problem !== undefined) {
        child.kill('SIGKILL')
        finish(`git cat-file answered what it was not asked (${problem})`)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR_CHARACTERS) stderr += chunk.toString('utf8')
    })
    child.on('close', (code, signal) => {
      if (code === 0 && parser.done()) return finish()
      const said = stderr.replace(/\s+/g, ' ').trim().slice(0, MAX_STDERR_CHARACTERS)
      finish(
        code === 0
          ? 'git cat-file stopped before it answered every object'
          : `git cat-file ${signal ? `was stopped (${signal})` : `exited with ${code}`}${said ? `: ${said}` : ''}`
      )
    })
    child.stdin.end(wanted.map(id => `${id}\n`).join(''))
  })
}

/**
 * The environment git runs with: the runner's, without any GIT_* variable that could point it at
 * another repository or object store, stopped from looking above `root` for a repository, and
 * never fetching a missing object from a remote (a partial clone would fetch each one alone).
 */
function gitEnvironment(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toUpperCase().startsWith('GIT_')) env[key] = value
  }
  env.GIT_CEILING_DIRECTORIES = dirname(root)
  env.GIT_NO_LAZY_FETCH = '1'
  env.GIT_TERMINAL_PROMPT = '0'
  return env
}

/**
 * Reads `git cat-file --batch` output as it streams: per object asked, in order, either
 * `<id> missing` or `<id> <type> <size>`, the content and a line feed. Blobs of at most `maxBytes`
 * are kept; larger ones and other objects are read past without being held.
 */
class BatchParser {
  private next = 0
  private header: Buffer[] = []
  private headerBytes = 0
  private object:
    { id: string; size: number; left: number; chunks: Buffer[] | undefined } | undefined

  constructor(
    private readonly ids: readonly string[],
    private readonly maxBytes: number,
    private readonly out: Map<string, Uint8Array>
  ) {}

  done(): boolean {
    return this.next === this.ids.length && this.object === undefined && this.headerBytes === 0
  }

  /** Takes the next piece of output; a sentence when it is not what was asked. */
  push(chunk: Buffer): string | undefined {
    let rest = chunk
    while (rest.length > 0) {
      if (this.object) {
        const o = this.object
        const take = Math.min(o.left, rest.length)
        o.chunks?.push(rest.subarray(0, take))
        o.left -= take
        rest = rest.subarray(take)
        if (o.left > 0) continue
        const whole = o.chunks ? Buffer.concat(o.chunks) : undefined
        if (whole && whole[o.size] !== 0x0a) return `no line feed after ${o.id}`
        if (whole) this.out.set(o.id, whole.subarray(0, o.size))
        this.object = undefined
        continue
      }
      const end = rest.indexOf(0x0a)
      if (end < 0) {
        this.header.push(rest)
        this.headerBytes += rest.length
        return this.headerBytes > MAX_HEADER_BYTES ? 'a header line that does not end' : undefined
      }
      const line = Buffer.concat([...this.header, rest.subarray(0, end)]).toString('latin1')
      this.header = []
      this.headerBytes = 0
      rest = rest.subarray(end + 1)
      const problem = this.begin(line)
      if (problem !== undefined) return problem
    }
    return undefined
  }

  private begin(line: string): string | undefined {
    const id = this.ids[this.next]
    if (id === undefined) return 'more objects than were asked'
    this.next++
    if (line === `${id} missing`) return undefined
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(line)
    if (!m || m[1] !== id) return `"${line.slice(0, 80)}" for ${id}`
    const size = Number(m[3])
    const keep = m[2] === 'blob' && size <= this.maxBytes
    // the content and the line feed after it
    this.object = { id, size, left: size + 1, chunks: keep ? [] : undefined }
    return undefined
  }
}
