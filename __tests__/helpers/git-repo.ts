/**
 * A real Git repository in a temporary folder, made with the `git` command line as a checkout is:
 * for the tests (and the benchmark) of reading the pull request's files from the checkout's
 * objects. Git runs without the machine's or the user's configuration, with a fixed identity and
 * date, so commits are the same everywhere.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface GitRepo {
  /** The work tree; `.git` inside it. */
  readonly dir: string
  /** The commit HEAD points to. */
  head(): string
  /** The blob id of `path` at `commit` (default HEAD), as GitHub lists it. */
  blob(path: string, commit?: string): string
  /** Writes `files` into the work tree and commits them; returns the new commit. */
  commit(files: Record<string, string | Uint8Array>, message?: string): string
  /** Writes a file of the work tree without committing it. */
  write(path: string, content: string | Uint8Array): void
  git(...args: string[]): string
  remove(): void
}

/** A repository with one commit holding `files`, in a new temporary folder (or `dir`). */
export function gitRepo(files: Record<string, string | Uint8Array>, dir?: string): GitRepo {
  const root = dir ?? mkdtempSync(join(tmpdir(), 'iam-refine-git-'))
  mkdirSync(root, { recursive: true })
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value
  }
  Object.assign(env, {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_AUTHOR_DATE: '2026-12-01T00:00:00Z',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_COMMITTER_DATE: '2026-12-01T00:00:00Z'
  })
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const write = (path: string, content: string | Uint8Array): void => {
    const full = join(root, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  }
  git('init', '-q', '-b', 'main')
  git('config', 'core.autocrlf', 'false')
  const repo: GitRepo = {
    dir: root,
    head: () => git('rev-parse', 'HEAD').trim(),
    blob: (path, commit = 'HEAD') => git('rev-parse', `${commit}:${path}`).trim(),
    commit(more, message = 'change') {
      for (const [path, content] of Object.entries(more)) write(path, content)
      git('add', '-A')
      git('commit', '-q', '--allow-empty', '-m', message)
      return repo.head()
    },
    write,
    git,
    remove: () => rmSync(root, { recursive: true, force: true })
  }
  repo.commit(files, 'first')
  return repo
}
