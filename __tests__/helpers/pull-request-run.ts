/**
 * The setting of the attack replays: a pull request that adds some files, on the loopback GitHub
 * server, and the action's sandbox whose workspace holds the trusted findings and catalog. The
 * server is closed and the sandbox removed after each test of the file that asks for one.
 */
import { afterEach } from '@jest/globals'
import { newFilePatch } from '../fixtures/github/reports.js'
import {
  startGitHubServer,
  type GitHubServer,
  type GitHubServerOptions
} from '../servers/github.js'
import { actionSandbox, pullRequestEvent, type ActionSandbox } from './action-run.js'

export interface PullRequestSetting {
  readonly number: number
  readonly headSha: string
  /** Written into the workspace (the findings and catalog the run trusts, a configuration). */
  readonly workspace: Readonly<Record<string, string>>
}

export interface PullRequestRun {
  readonly box: ActionSandbox
  readonly server: GitHubServer
}

/**
 * A function that sets up one pull request adding `files` (text, or bytes for a broken encoding,
 * whose patch is then a placeholder); `extra` adds to the server's options and the workspace.
 */
export function addedFilesPullRequests(setting: PullRequestSetting): (
  files: Readonly<Record<string, string | Uint8Array>>,
  extra?: {
    readonly workspace?: Readonly<Record<string, string>>
    readonly server?: Omit<GitHubServerOptions, 'pulls' | 'contents'>
  }
) => Promise<PullRequestRun> {
  let server: GitHubServer | undefined
  let box: ActionSandbox | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
    box?.remove()
    box = undefined
  })
  return async (files, extra = {}) => {
    box = actionSandbox()
    for (const [path, text] of Object.entries({ ...setting.workspace, ...extra.workspace })) {
      box.write(path, text)
    }
    box.event(pullRequestEvent(setting.number, setting.headSha))
    server = await startGitHubServer({
      ...extra.server,
      pulls: [
        {
          owner: 'acme',
          repo: 'infra',
          number: setting.number,
          headSha: setting.headSha,
          files: Object.entries(files).map(([filename, content]) => ({
            filename,
            status: 'added' as const,
            patch: newFilePatch(typeof content === 'string' ? content : 'x')
          }))
        }
      ],
      contents: { [setting.headSha]: files }
    })
    return { box, server }
  }
}
