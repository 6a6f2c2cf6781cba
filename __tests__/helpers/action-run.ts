/**
 * Runs the bundled action as the runner runs it: `node dist/index.js` in a child process, with
 * INPUT_* variables, an event payload, a workspace, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT, against
 * a loopback GitHub server. Shared by the end-to-end tests.
 */
import { spawn } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'

export interface ActionRun {
  readonly code: number
  /** stdout and stderr together, as the run log shows them. */
  readonly stdout: string
  readonly outputs: Record<string, string>
  readonly summary: string
}

export interface ActionSandbox {
  /** The temporary folder: `workspace/`, `event.json`, `temp/`. */
  readonly root: string
  readonly workspace: string
  /** Writes a file of the workspace (folders made as needed). */
  write(path: string, content: string | Uint8Array): void
  /** Writes the event payload: a pull request of `acme/infra` unless the event says otherwise. */
  event(payload: Record<string, unknown>): void
  run(
    apiUrl: string,
    inputs: Record<string, string>,
    env?: Record<string, string>,
    /** Run as this user (when the tests run as root, to meet permissions as a runner does). */
    user?: { readonly uid: number; readonly gid: number }
  ): Promise<ActionRun>
  remove(): void
}

/** The inputs every run gets unless it overrides them (action.yml's defaults, findings from files). */
export const BASE_INPUTS: Readonly<Record<string, string>> = {
  'github-token': 'test-token',
  config: '.github/iam-refine.yml',
  'review-event': 'COMMENT',
  'max-comments': '30'
}

export function pullRequestEvent(number: number, headSha: string): Record<string, unknown> {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, head: { sha: headSha } },
    repository: { name: 'infra', owner: { login: 'acme' } }
  }
}

/** `entry`: the bundle to run, by default the repository's `dist/index.js`. */
export function actionSandbox(entry = 'dist/index.js'): ActionSandbox {
  const root = mkdtempSync(join(tmpdir(), 'iam-refine-e2e-'))
  const workspace = join(root, 'workspace')
  mkdirSync(workspace, { recursive: true })
  mkdirSync(join(root, 'temp'), { recursive: true })
  let runs = 0
  return {
    root,
    workspace,
    write(path, content) {
      const full = join(workspace, path)
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, content)
    },
    event(payload) {
      writeFileSync(join(root, 'event.json'), JSON.stringify(payload))
    },
    async run(apiUrl, inputs, env = {}, user) {
      runs++
      const summaryFile = join(root, `summary-${runs}.md`)
      const outputFile = join(root, `output-${runs}.txt`)
      writeFileSync(summaryFile, '')
      writeFileSync(outputFile, '')
      if (user) {
        for (const dir of [root, join(root, 'temp')]) chmodSync(dir, 0o777)
        for (const file of [summaryFile, outputFile]) chmodSync(file, 0o666)
      }
      const all = { ...BASE_INPUTS, ...inputs }
      const child = spawn(process.execPath, [resolve(entry)], {
        env: {
          PATH: process.env.PATH,
          GITHUB_API_URL: apiUrl,
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: join(root, 'event.json'),
          GITHUB_REPOSITORY: 'acme/infra',
          GITHUB_WORKSPACE: workspace,
          GITHUB_STEP_SUMMARY: summaryFile,
          GITHUB_OUTPUT: outputFile,
          RUNNER_TEMP: join(root, 'temp'),
          ...Object.fromEntries(
            Object.entries(all).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
          ),
          ...env
        },
        cwd: workspace,
        ...(user ?? {})
      })
      let stdout = ''
      child.stdout.on('data', d => (stdout += d))
      child.stderr.on('data', d => (stdout += d))
      const code = await new Promise<number>(done => child.on('close', c => done(c ?? -1)))
      return {
        code,
        stdout,
        outputs: readOutputs(outputFile),
        summary: readFileSync(summaryFile, 'utf8')
      }
    },
    remove() {
      rmSync(root, { recursive: true, force: true })
    }
  }
}

/** GITHUB_OUTPUT holds `name<<DELIMITER`, the value, `DELIMITER`. */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = readFileSync(file, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] as string)
    if (!m) continue
    const end = lines.indexOf(m[2] as string, i + 1)
    out[m[1] as string] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return out
}

/** Every file under `dir` by its path relative to it (`/` separators), as bytes, sorted. */
export function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = join(entry.parentPath, entry.name)
    out.set(relative(dir, full).split(sep).join('/'), readFileSync(full))
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** Files as text, for readable failures when two trees differ. */
export function asText(files: ReadonlyMap<string, Buffer>): Record<string, string> {
  return Object.fromEntries([...files].map(([path, bytes]) => [path, bytes.toString('latin1')]))
}
