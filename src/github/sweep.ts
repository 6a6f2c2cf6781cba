/**
 * Sweep mode's writes: one branch with one commit on the default branch's head, made through the
 * Git Data API (a tree on the base tree carrying the files' content, a commit, a ref: GitHub signs
 * the commit, and no git credentials are needed), and one pull request from it that this run
 * opens, updates, leaves as it is or closes. (docs/adr/0021-sweep-mode.md)
 *
 * What it never does: force-push over a commit it did not make (unless `forcePush`), write when
 * nothing changed (the tree it would commit is computed locally and compared first), commit a
 * file whose text in the workspace is not the default branch's, or reopen changes someone closed.
 */
import type { Logger } from '../logger.js'
import type { GitHubClients } from './client.js'
import { createCommit, getCommit, type GitCommit } from './git-commits.js'
import { algorithmOf, replaceBlobs, textBlobId, type TreeEntry } from './git-hash.js'
import { createBranch, deleteBranch, getBranchHead, moveBranch } from './git-refs.js'
import { createTree, getTree } from './git-trees.js'
import { createIssueComment, listIssueComments } from './issue-comments.js'
import {
  addLabels,
  createPullRequest,
  listBranchPullRequests,
  updatePullRequest
} from './pull-requests.js'
import { isOurs } from './identity.js'
import { getDefaultBranch, type RepositoryRef } from './repository.js'
import { WriteRefusedError } from './write-refused.js'

/** One file the sweep changes: its repository path, its text in the workspace, its new text. */
export interface SweepChange {
  readonly path: string
  readonly original: string
  readonly fixed: string
}

/** The texts a sweep writes; src/report/sweep-body.ts makes them. */
export interface SweepTexts {
  /** The commit message of a commit of `tree`, carrying the trailer `isSweepCommit` reads. */
  commitMessage(tree: string): string
  /** The pull request's body, linking each changed file at `commit`; `stale` files were left out. */
  body(commit: string | undefined, stale: readonly string[]): string
  /** The comment that closes the pull request when nothing is left to change. */
  closing(): string
  /** The one comment on a pull request whose branch someone else pushed to. */
  leftAlone(commit: GitCommit): string
  /** The hidden marker of the `leftAlone` comment, to post it once. */
  readonly leftAloneMarker: string
}

export interface SweepRequest {
  readonly repository: RepositoryRef
  /** The branch the sweep owns (input `sweep-branch`). */
  readonly branch: string
  readonly title: string
  readonly labels: readonly string[]
  /** Rebuild the branch even when someone else pushed to it (input `sweep-force-push`). */
  readonly forcePush: boolean
  readonly changes: readonly SweepChange[]
  readonly texts: SweepTexts
  /** Whether a commit is one this tool made (src/report/sweep-body.ts `isSweepCommit`). */
  readonly isOurCommit: (commit: GitCommit) => boolean
  /**
   * The token's login (src/github/identity.ts): the pull request and the comments it wrote are
   * ours; undefined when it could not be learned, and then nothing is taken for ours. Asked only
   * when there is a pull request to judge.
   */
  readonly login: () => Promise<string | undefined>
  readonly logger: Logger
}

export type SweepOperation = 'created' | 'updated' | 'unchanged' | 'closed' | 'none'

export interface SweepOutcome {
  readonly operation: SweepOperation
  readonly pullRequest?: { readonly number: number; readonly url: string }
  /** The commit the pull request shows (new or kept). */
  readonly commit?: string
  readonly defaultBranch?: string
  /** Files left out: the workspace's text is not the default branch's (it moved, or another ref). */
  readonly stale: readonly string[]
  /** What the run decided not to do, and why, for the log and the job summary. */
  readonly notes: readonly string[]
  /** A write GitHub refused: the sentence the step fails with. */
  readonly refused?: string
}

/**
 * Brings the sweep branch and its pull request in line with `changes`. A write GitHub refuses
 * (403, 409, 422) ends the sweep with `refused` set, never half-silently: whatever was written
 * before stays, and the next run picks up from it.
 */
export async function publishSweep(
  clients: GitHubClients,
  request: SweepRequest
): Promise<SweepOutcome> {
  const progress: Progress = { stale: [], notes: [] }
  try {
    return await sweep(clients, request, progress)
  } catch (error) {
    if (!(error instanceof WriteRefusedError)) throw error
    return {
      operation: progress.operation ?? 'none',
      ...(progress.pullRequest ? { pullRequest: progress.pullRequest } : {}),
      ...(progress.commit ? { commit: progress.commit } : {}),
      ...(progress.defaultBranch ? { defaultBranch: progress.defaultBranch } : {}),
      stale: progress.stale,
      notes: progress.notes,
      refused: error.message
    }
  }
}

/** What a sweep has learned and done so far, so that a refused write still reports it. */
interface Progress {
  operation?: SweepOperation
  pullRequest?: { number: number; url: string }
  commit?: string
  defaultBranch?: string
  stale: string[]
  notes: string[]
}

async function sweep(
  clients: GitHubClients,
  request: SweepRequest,
  progress: Progress
): Promise<SweepOutcome> {
  const { repository: repo, branch, texts, logger } = request
  const defaultBranch = await getDefaultBranch(clients.read, repo)
  progress.defaultBranch = defaultBranch
  if (branch === defaultBranch) {
    throw new WriteRefusedError(
      `sweep-branch is ${branch}, the default branch: a sweep proposes its change on a branch of its own.`,
      0
    )
  }
  const baseSha = await getBranchHead(clients.read, repo, defaultBranch)
  if (baseSha === undefined) {
    throw new WriteRefusedError(`the default branch ${defaultBranch} has no commit to sweep.`, 0)
  }
  const base = await getCommit(clients.read, repo, baseSha)
  const algorithm = algorithmOf(base.tree) ?? 'sha1'
  const cache = new Map<string, Promise<TreeEntry[]>>()
  const readTree = (sha: string): Promise<TreeEntry[]> => {
    let hit = cache.get(sha)
    if (!hit) cache.set(sha, (hit = getTree(clients.read, repo, sha)))
    return hit
  }

  // Only a change made from the default branch's own bytes may be committed on it: a file the
  // workspace holds otherwise (the branch moved during the run, a checkout of another ref, line
  // endings converted on checkout) is left for the next run.
  const planned = request.changes.map(c => ({ ...c, sha: textBlobId(c.fixed, algorithm) }))
  const probe = await replaceBlobs(base.tree, planned, readTree)
  const modes = new Map<string, string>()
  const kept = planned.filter((c, i) => {
    const entry = probe.base[i]?.entry
    if (entry && entry.sha === textBlobId(c.original, algorithm)) {
      modes.set(c.path, entry.mode)
      return true
    }
    progress.stale.push(c.path)
    return false
  })
  if (progress.stale.length > 0) {
    progress.notes.push(
      `${progress.stale.length} changed ${progress.stale.length === 1 ? 'file differs' : 'files differ'} ` +
        `from ${defaultBranch} at ${baseSha.slice(0, 7)} in the workspace, so ${progress.stale.length === 1 ? 'it is' : 'they are'} ` +
        'left out of this run: check out the default branch before the sweep.'
    )
  }
  const tree =
    kept.length === planned.length
      ? probe.tree
      : (await replaceBlobs(base.tree, kept, readTree)).tree

  const branchHead = await getBranchHead(clients.read, repo, branch)
  const head =
    branchHead === undefined ? undefined : await getCommit(clients.read, repo, branchHead)
  const ours = head === undefined || request.isOurCommit(head)
  const pulls = await listBranchPullRequests(clients.read, repo, branch, defaultBranch)
  const anyOpen = pulls.find(p => p.state === 'open')
  // Only a pull request the token opened is the sweep's to edit, close or comment on; one a
  // person opened from the branch still shows the commits the sweep pushes.
  const login = anyOpen ? await request.login() : undefined
  const open = anyOpen && isOurs(anyOpen.author, login) ? anyOpen : undefined
  if (anyOpen) progress.pullRequest = { number: anyOpen.number, url: anyOpen.url }
  if (anyOpen && !open) {
    progress.notes.push(
      `pull request #${anyOpen.number} from ${branch} was opened by ${anyOpen.author || 'someone else'}, ` +
        'not by this token: the sweep keeps the branch current but leaves its text alone.'
    )
  }
  const done = (operation: SweepOperation, extra: Partial<SweepOutcome> = {}): SweepOutcome => ({
    operation,
    ...(progress.pullRequest ? { pullRequest: progress.pullRequest } : {}),
    ...(progress.commit ? { commit: progress.commit } : {}),
    defaultBranch,
    stale: progress.stale,
    notes: progress.notes,
    ...extra
  })

  if (head && !ours && !request.forcePush) {
    const note =
      `someone else pushed to ${branch} (commit ${head.sha.slice(0, 7)} by ${head.author.name}), so ` +
      'the sweep leaves the branch and its pull request alone; delete the branch, or set ' +
      'sweep-force-push: true, to let the sweep rebuild it.'
    progress.notes.push(note)
    logger.warning(`iam-refine: ${note}`)
    if (open && login !== undefined) {
      await commentOnce(
        clients,
        repo,
        open.number,
        login,
        texts.leftAloneMarker,
        texts.leftAlone(head)
      )
    }
    return done(anyOpen ? 'unchanged' : 'none')
  }
  if (head && !ours) {
    progress.notes.push(
      `someone else pushed to ${branch} (commit ${head.sha.slice(0, 7)} by ${head.author.name}); ` +
        'sweep-force-push is set, so the sweep rebuilt the branch without that commit.'
    )
  }

  if (kept.length === 0) {
    if (open) {
      await createIssueComment(clients.write, repo, open.number, texts.closing())
      await updatePullRequest(clients.write, repo, open.number, { state: 'closed' })
      progress.operation = 'closed'
    }
    if (branchHead !== undefined) await deleteBranch(clients.write, repo, branch)
    logger.info(
      open
        ? `iam-refine: nothing is left to change; closed pull request #${open.number} and deleted ${branch}.`
        : 'iam-refine: nothing to change in the repository.'
    )
    return done(open ? 'closed' : 'none')
  }

  let commit: string
  let wrote = false
  if (
    head &&
    ours &&
    head.parents.length === 1 &&
    head.parents[0] === baseSha &&
    head.tree === tree
  ) {
    commit = head.sha
  } else {
    // The files travel inside tree requests, each on the tree the one before made: a few
    // requests in all (GitHub spaces writes a second apart), none of them unbounded.
    let made = base.tree
    for (const batch of treeBatches(kept)) {
      made = await createTree(
        clients.write,
        repo,
        made,
        batch.map(c => ({ path: c.path, mode: modes.get(c.path) ?? '100644', content: c.fixed })),
        branch
      )
    }
    if (made !== tree) {
      logger.warning(
        `iam-refine: GitHub made tree ${made} where ${tree} was computed; the commit uses GitHub's. This is a bug; please report it.`
      )
    }
    const created = await createCommit(
      clients.write,
      repo,
      { message: texts.commitMessage(made), tree: made, parents: [baseSha] },
      branch
    )
    commit = created.sha
    if (branchHead === undefined) {
      if ((await createBranch(clients.write, repo, branch, commit)) === 'exists') {
        progress.notes.push(
          `${branch} appeared while this run prepared its commit; nothing was overwritten, and the next run decides again.`
        )
        return done('none')
      }
    } else {
      // Between reading the branch and moving it, someone may have pushed: look once more.
      if ((await getBranchHead(clients.read, repo, branch)) !== branchHead) {
        progress.notes.push(
          `${branch} moved while this run prepared its commit; nothing was overwritten, and the next run decides again.`
        )
        return done(anyOpen ? 'unchanged' : 'none')
      }
      await moveBranch(clients.write, repo, branch, commit, true)
    }
    wrote = true
  }
  progress.commit = commit

  const body = texts.body(commit, progress.stale)
  if (open) {
    if (open.body !== body) {
      await updatePullRequest(clients.write, repo, open.number, { body })
      wrote = true
    }
    return done(wrote ? 'updated' : 'unchanged', { commit })
  }
  if (anyOpen) return done(wrote ? 'updated' : 'unchanged', { commit })
  const closed = pulls.find(p => p.state === 'closed' && !p.merged && p.headSha === commit)
  if (closed && !wrote) {
    progress.notes.push(
      `pull request #${closed.number} proposed these very changes and was closed without merging; ` +
        'the sweep proposes again when the changes differ.'
    )
    return done('unchanged', { commit })
  }
  const created = await createPullRequest(clients.write, repo, {
    title: request.title,
    body,
    head: branch,
    base: defaultBranch
  })
  progress.pullRequest = { number: created.number, url: created.url }
  progress.operation = 'created'
  try {
    await addLabels(clients.write, repo, created.number, request.labels)
  } catch (error) {
    if (!(error instanceof WriteRefusedError)) throw error
    logger.warning(`iam-refine: ${error.message}`)
  }
  logger.info(`iam-refine: opened pull request #${created.number} from ${branch}.`)
  return done('created', { commit })
}

/**
 * Content sent in one tree request, at most (a single larger file goes alone): GitHub takes
 * requests of some tens of megabytes, and a smaller one fails and retries cheaper.
 */
export const MAX_TREE_REQUEST_BYTES = 8 * 1024 * 1024

/** `changes` in order, cut into batches of at most MAX_TREE_REQUEST_BYTES of content. */
function treeBatches<T extends { readonly fixed: string }>(changes: readonly T[]): T[][] {
  const batches: T[][] = []
  let size = 0
  for (const c of changes) {
    const bytes = Buffer.byteLength(c.fixed, 'utf8')
    const last = batches.at(-1)
    if (!last || size + bytes > MAX_TREE_REQUEST_BYTES) {
      batches.push([c])
      size = bytes
    } else {
      last.push(c)
      size += bytes
    }
  }
  return batches
}

/** Posts `body` unless a comment of ours (written by `login`) already carries `marker`. */
async function commentOnce(
  clients: GitHubClients,
  repo: RepositoryRef,
  number: number,
  login: string,
  marker: string,
  body: string
): Promise<void> {
  const comments = await listIssueComments(clients.read, repo, number)
  // A marker in someone else's comment does not count.
  if (comments.some(c => isOurs(c.author, login) && c.body.includes(marker))) return
  await createIssueComment(clients.write, repo, number, body)
}
