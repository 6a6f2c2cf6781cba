import { ConfigurationError } from '../engine/errors.js'

/**
 * GitHub refused a write of the sweep (403, 409 or 422): the step ends with this sentence, and the
 * whole change is still in the job summary and the JSON report. A ConfigurationError: what fixes
 * it is a permission, a repository setting or a branch rule.
 */
export class WriteRefusedError extends ConfigurationError {
  override name = 'WriteRefusedError'
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message)
  }
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** What GitHub said: its message and, for a validation failure, each error's message or code. */
export function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data as
    { message?: unknown; errors?: unknown } | undefined
  const parts: string[] = []
  if (typeof data?.message === 'string') parts.push(data.message.replace(/\s+/g, ' ').trim())
  if (Array.isArray(data?.errors)) {
    for (const e of data.errors) {
      if (typeof e === 'string') parts.push(e)
      else if (e && typeof e === 'object') {
        const { message, field, code } = e as { message?: unknown; field?: unknown; code?: unknown }
        if (typeof message === 'string') parts.push(message)
        else if (typeof field === 'string') parts.push(`${field} ${String(code ?? 'invalid')}`)
      }
    }
  }
  if (parts.length > 0) return parts.join(': ')
  return (error as Error)?.message ?? String(error)
}

/**
 * GitHub answered with a rate limit (a 403 or 429 saying so, or none left until the reset) that
 * the client had already waited out as often as it waits (src/github/client.ts): not a
 * permission the token lacks.
 */
export function isRateLimit(error: unknown): boolean {
  const status = statusOf(error)
  if (status !== 403 && status !== 429) return false
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response
    ?.headers
  return headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(githubMessage(error))
}

/** The sentence a run ends with when GitHub's rate limit outlasted the waiting. */
export function rateLimitError(error: unknown, what: string): ConfigurationError {
  return new ConfigurationError(
    `GitHub's rate limit stopped ${what} (HTTP ${statusOf(error)}: ${githubMessage(error)}), ` +
      'after waiting as long as GitHub asked, twice: run the job again later.'
  )
}

/**
 * Turns GitHub's refusal of a write into a sentence about what to change; rethrows anything else.
 * `what` completes "GitHub refused to …"; `permission` is the workflow permission it needs.
 */
export function refusal(error: unknown, what: string, permission: string, branch?: string): never {
  const status = statusOf(error)
  const said = githubMessage(error)
  if (isRateLimit(error)) throw rateLimitError(error, `iam-refine before it could ${what}`)
  if (status === 403) {
    if (/not permitted to create or approve pull requests/i.test(said)) {
      throw new WriteRefusedError(
        `GitHub refused to ${what} (HTTP 403: ${said}): allow it in the repository's Settings → ` +
          'Actions → General → "Allow GitHub Actions to create and approve pull requests", or give ' +
          'the step a GitHub App token (actions/create-github-app-token, see the README).',
        status
      )
    }
    throw new WriteRefusedError(
      `GitHub refused to ${what} (HTTP 403: ${said}): the token needs \`${permission}\` ` +
        `(give the workflow \`permissions: ${permission}\`).`,
      status
    )
  }
  if (status === 422 || status === 409) {
    const rule = /rule|protect/i.test(said)
    throw new WriteRefusedError(
      `GitHub refused to ${what} (HTTP ${status}: ${said})` +
        (rule && branch
          ? `: a branch protection rule or ruleset covers ${branch}; let this token push to it, ` +
            'or choose another `sweep-branch`.'
          : '.'),
      status
    )
  }
  throw error
}

/** A read GitHub refused (403, 404): the token cannot see what the sweep needs. */
export function readRefusal(error: unknown, what: string): never {
  const status = statusOf(error)
  if (isRateLimit(error)) throw rateLimitError(error, `reading ${what}`)
  if (status === 403 || status === 404 || status === 401) {
    throw new ConfigurationError(
      `GitHub answered ${status} when reading ${what} (${githubMessage(error)}): the token needs ` +
        '`contents: read` and `pull-requests: read` on this repository.'
    )
  }
  throw error
}
