/**
 * The trust rule for findings artifacts (ADR 20), on generated runs: a run is trusted exactly
 * when every property holds — same repository, not a fork, the named workflow, a trusted event,
 * the default branch, completed with success — and a refused run's reason names the first
 * property that failed.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { TRUSTED_EVENTS, whyUntrusted, type WorkflowRun } from '../src/github/trusted-run.js'

const source = {
  repositoryId: 1,
  fullName: 'octo/app',
  defaultBranch: 'main',
  workflowId: 10,
  workflowPath: '.github/workflows/export.yml'
}

const repository = fc.constantFrom(
  { id: 1, fullName: 'octo/app' },
  { id: 2, fullName: 'mallory/app' },
  { id: 3, fullName: 'octo/other' }
)
const run: fc.Arbitrary<WorkflowRun> = fc.record({
  id: fc.nat(),
  workflowId: fc.constantFrom(10, 11),
  path: fc.constant('.github/workflows/x.yml'),
  event: fc.constantFrom(
    ...TRUSTED_EVENTS,
    'pull_request',
    'pull_request_target',
    'workflow_run',
    'issue_comment',
    'repository_dispatch'
  ),
  status: fc.constantFrom('completed', 'in_progress', 'queued', null),
  conclusion: fc.constantFrom('success', 'failure', 'cancelled', 'skipped', null),
  headBranch: fc.constantFrom('main', 'feature', 'Main', 'main ', null),
  createdAt: fc.constant('2026-11-01T00:00:00Z'),
  repository,
  headRepository: fc.option(repository, { nil: null })
})

describe('whyUntrusted', () => {
  it('trusts a run exactly when every property holds, and names what failed', () => {
    fc.assert(
      fc.property(run, r => {
        const checks: [boolean, RegExp][] = [
          [r.repository.id === 1, /belongs to/],
          [r.headRepository?.id === r.repository.id, /ran code from/],
          [r.workflowId === 10, /is a run of/],
          [(TRUSTED_EVENTS as readonly string[]).includes(r.event), /was started by/],
          [r.headBranch === 'main', /not on the default branch main/],
          [r.status === 'completed', /has not finished/],
          [r.conclusion === 'success', /concluded/]
        ]
        const why = whyUntrusted(r, source)
        const firstFailed = checks.find(([holds]) => !holds)
        if (firstFailed === undefined) expect(why).toBeUndefined()
        else expect(why).toMatch(firstFailed[1])
      }),
      { numRuns: 2000 }
    )
  })
})
