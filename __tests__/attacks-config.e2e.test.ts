/**
 * A pull request that points the configuration elsewhere (issue 9, attack 8), replayed through
 * `dist/index.js` and the strict loopback GitHub server: `.github/iam-refine.yml` as a symbolic
 * link to `/dev/zero` (once read for ~600 MiB, then silently taken as the empty configuration),
 * to a file outside the workspace, or unreadable. Each fails the step with a sentence and posts
 * nothing; the honest configuration beside them is read and applied. And a configuration whose
 * glob was built to backtrack (attack 7): matched in linear time, the file it does not match is
 * still refined.
 */
import { describe, expect, it } from '@jest/globals'
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { addedFilesPullRequests } from './helpers/pull-request-run.js'

const HEAD = 'f'.repeat(40)
const ROLE = 'arn:aws:iam::123456789012:role/AppRole'
const POLICY = `${JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }]
  },
  null,
  2
)}\n`
const FINDINGS = {
  coveredAccounts: ['123456789012'],
  findings: [
    {
      id: 'f-1',
      resource: ROLE,
      status: 'ACTIVE',
      findingType: 'UnusedPermission',
      analyzedAt: '2026-11-01T00:00:00Z',
      findingDetails: [
        { unusedPermissionDetails: { serviceNamespace: 's3', actions: [{ action: 'PutObject' }] } }
      ]
    }
  ]
}
/** Maps the policy to the role: without it, the policy is unmapped. */
const CONFIG = `principals:\n  - files: iam/*.json\n    principal: ${ROLE}\n`

const setUp = addedFilesPullRequests({
  number: 3,
  headSha: HEAD,
  workspace: {
    'findings/findings.json': JSON.stringify(FINDINGS),
    'catalog.json': JSON.stringify({ s3: ['GetObject', 'PutObject'] })
  }
})
const pullRequest = () => setUp({ 'iam/app.json': POLICY })

const inputs = { findings: 'findings/*.json', catalog: 'catalog.json' }

describe('the configuration a pull request points elsewhere', () => {
  it('reads the honest configuration and suggests what it maps (the control)', async () => {
    const { box, server } = await pullRequest()
    box.write('.github/iam-refine.yml', CONFIG)
    const run = await box.run(server.url, inputs)
    expect(run.code).toBe(1) // one unused action remains
    expect(run.stdout).toMatch(/1 policy keeps 1 unused action/)
    expect(server.reviewComments).toHaveLength(1)
  }, 60_000)

  it.each([
    ['a symbolic link to /dev/zero', '/dev/zero'],
    ['a symbolic link out of the workspace', 'outside']
  ])(
    'fails the step on %s and posts nothing',
    async (_, target) => {
      const { box, server } = await pullRequest()
      const outside = join(box.root, 'outside.yml')
      writeFileSync(outside, CONFIG)
      box.write('.github/placeholder', '')
      symlinkSync(
        target === 'outside' ? outside : target,
        join(box.workspace, '.github/iam-refine.yml')
      )
      const started = Date.now()
      const run = await box.run(server.url, inputs)
      expect(Date.now() - started).toBeLessThan(30_000) // nothing like 600 MiB is read
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(
        '::error::Input config: .github/iam-refine.yml: resolves to a file outside the workspace'
      )
      expect(run.stdout).not.toMatch(/\n\s+at /)
      expect(server.reviews).toHaveLength(0)
      expect(server.reviewComments).toHaveLength(0)
    },
    60_000
  )

  it('fails the step on a configuration its reader may not open, never taking it as empty', async () => {
    const { box, server } = await pullRequest()
    box.write('.github/iam-refine.yml', CONFIG)
    chmodSync(join(box.workspace, '.github/iam-refine.yml'), 0o000)
    // Root opens everything: as root the action runs as `nobody`, as a runner's user would.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined
    const run = await box.run(server.url, inputs, {}, user)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::Input config: .github/iam-refine.yml: cannot be read (permission denied)'
    )
    expect(server.reviews).toHaveLength(0)
  }, 60_000)
})

describe('a configuration glob built to backtrack (attack 7)', () => {
  // `*a*a…*b` against a long run of `a`: 36 s for a backtracking matcher with three stars, and
  // more stars never finished. The name ends in `.json`, so the glob does not match it.
  const longName = `iam/${'a'.repeat(200)}.json`
  const config = (ignore: string) => `${CONFIG}ignore-files: ['${ignore}']\n`

  it('is matched in linear time: the file it does not match is refined and commented', async () => {
    const { box, server } = await setUp({ [longName]: POLICY })
    box.write('.github/iam-refine.yml', config(`${'*a'.repeat(40)}*b`))
    const run = await box.run(server.url, inputs)
    expect(run.stdout).not.toMatch(/Input config/) // the glob is no configuration error
    expect(run.stdout).toMatch(/1 policy keeps 1 unused action/)
    expect(run.code).toBe(1) // one unused action remains
    expect(server.reviewComments.map(c => c.path)).toEqual([longName])
  }, 60_000)

  it('an honest glob that matches the file ignores it (the control)', async () => {
    const { box, server } = await setUp({ [longName]: POLICY })
    box.write('.github/iam-refine.yml', config('iam/*.json'))
    const run = await box.run(server.url, inputs)
    expect(run.code).toBe(0)
    expect(server.reviewComments).toEqual([])
  }, 60_000)
})
