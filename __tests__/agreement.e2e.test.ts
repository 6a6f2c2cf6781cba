/**
 * Agreement with IAM Access Analyzer's recommendation in a live run, through `dist/index.js`: the
 * action reads the findings of the loopback Access Analyzer, generates and reads the recommendation
 * of the one principal the pull request's policy belongs to, and says in each review comment, the
 * job summary, the JSON report and the SARIF file whether the suggestion agrees with it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { newFilePatch } from './fixtures/github/reports.js'
import { actionSandbox, pullRequestEvent, type ActionSandbox } from './helpers/action-run.js'
import { readerSees } from './helpers/reader.js'
import {
  ANALYZER_ARN,
  AWS_TEST_ENV,
  startAccessAnalyzer,
  type AccessAnalyzerServer,
  type FakeFinding,
  type FakeStep
} from './servers/access-analyzer.js'
import { startGitHubServer, type GitHubServer } from './servers/github.js'

const HEAD = 'a'.repeat(40)
const dir = '__tests__/fixtures/article'
const policy = readFileSync(`${dir}/policy.json`, 'utf8')
const article = JSON.parse(readFileSync(`${dir}/finding-getfindingv2.json`, 'utf8')) as FakeFinding
const saved = JSON.parse(readFileSync(`${dir}/recommendation.json`, 'utf8')) as {
  recommendedSteps: { unusedPermissionsRecommendedStep: FakeStep }[]
}
const steps = saved.recommendedSteps.map(s => s.unusedPermissionsRecommendedStep)
const other: FakeFinding = {
  id: 'finding-other',
  resource: 'arn:aws:iam::123456789012:role/Other',
  findingType: 'UnusedPermission',
  status: 'ACTIVE',
  findingDetails: [{ unusedPermissionDetails: { serviceNamespace: 'sqs' } }]
}

let aws: AccessAnalyzerServer
let github: GitHubServer | undefined
let box: ActionSandbox | undefined

beforeAll(async () => {
  aws = await startAccessAnalyzer()
})
afterAll(async () => aws.close())
beforeEach(() => {
  aws.reset()
  aws.state.findings = [article, other]
  // No recommendation yet: the action starts one, which is ready when first asked about.
  aws.state.outcomes = { [article.id]: { steps, pollsInProgress: 0 } }
})
afterEach(async () => {
  await github?.close()
  github = undefined
  box?.remove()
  box = undefined
})

const awsEnv = () =>
  Object.fromEntries(
    Object.entries({ ...AWS_TEST_ENV, AWS_ENDPOINT_URL_ACCESSANALYZER: aws.url }).filter(
      (e): e is [string, string] => e[1] !== undefined
    )
  )

/** A pull request that adds the worked example's policy as `iam/MyRole.json`. */
async function run(inputs: Record<string, string>) {
  box = actionSandbox()
  box.write('catalog-2024.json', readFileSync(`${dir}/catalog-2024.json`, 'utf8'))
  box.event(pullRequestEvent(12, HEAD))
  github = await startGitHubServer({
    pulls: [
      {
        owner: 'acme',
        repo: 'infra',
        number: 12,
        headSha: HEAD,
        files: [{ filename: 'iam/MyRole.json', status: 'added', patch: newFilePatch(policy) }]
      }
    ],
    contents: { [HEAD]: { 'iam/MyRole.json': policy } }
  })
  const result = await box.run(
    github.url,
    { 'analyzer-arn': ANALYZER_ARN, 'fail-on': 'never', ...inputs },
    awsEnv()
  )
  if (result.outputs.report === undefined) throw new Error(result.stdout)
  const report = JSON.parse(readFileSync(result.outputs.report as string, 'utf8'))
  const sarif = JSON.parse(readFileSync(result.outputs.sarif as string, 'utf8'))
  return { ...result, report, sarif, github }
}

describe('a live run compares each suggestion with IAM Access Analyzer’s recommendation', () => {
  it('on the 2024 catalog every comment says it matches', async () => {
    const r = await run({ catalog: 'catalog-2024.json' })
    expect(r.stdout).not.toMatch(/\n\s+at /)
    expect(r.code).toBe(0)
    // Generated for MyRole only: the other finding's principal has no policy in this pull request.
    expect(aws.calls('GenerateFindingRecommendation').map(c => c.path)).toEqual([
      `/recommendation/${article.id}`
    ])
    const bodies = r.github.reviewComments.map(c => c.body)
    expect(bodies.length).toBeGreaterThanOrEqual(2)
    for (const body of bodies) {
      expect(body).toContain("Matches IAM Access Analyzer's recommendation for this policy.")
    }
    expect(r.summary).toContain('| IAM Access Analyzer |')
    expect(r.summary).toMatch(/\| agrees \|/)
    expect(r.report.files[0].policies[0].awsAgreement.verdict).toBe('agrees')
    expect(r.sarif.runs[0].results[0].properties.awsAgreement).toBe('agrees')
  }, 60_000)

  it('on the bundled catalog it says how it differs, and still suggests', async () => {
    const r = await run({})
    const s3 = r.github.reviewComments.find(c => c.body.includes('s3:GetAccess*'))
    expect(s3?.body).toContain(
      "Differs from IAM Access Analyzer's recommendation for this policy: Statement 2: the recommendation does not allow " +
        '`s3:GetBucketAbac`, `s3:GetBucketMetadataTableConfiguration`, which the findings do not report unused'
    )
    expect(r.github.suggestions('iam/MyRole.json').length).toBeGreaterThan(0)
    expect(r.summary).toMatch(
      /\| differs: Statement 2: the recommendation does not allow `s3:GetBucketAbac`/
    )
    expect(r.report.files[0].policies[0].awsAgreement.principals[0].reasons[0].actions).toEqual([
      's3:GetBucketAbac',
      's3:GetBucketMetadataTableConfiguration'
    ])
  }, 60_000)

  it('with require-aws-agreement it withholds the suggestion that differs, saying why', async () => {
    const r = await run({ 'require-aws-agreement': 'true' })
    expect(r.github.suggestions('iam/MyRole.json')).toEqual([])
    expect(r.report.files[0].policies[0].status).toBe('not-editable')
    expect(readerSees(r.summary)).toContain(
      "not suggested: it differs from IAM Access Analyzer's recommendation and require-aws-agreement is set (Statement #2: the recommendation does not allow s3:GetBucketAbac"
    )
  }, 60_000)

  it('says why there is no verdict when AWS denies the call, naming the permission, and still suggests', async () => {
    aws.state.deny = new Set(['GetFindingRecommendation'])
    const r = await run({})
    const bodies = r.github.reviewComments.map(c => c.body)
    expect(bodies.length).toBeGreaterThan(0)
    for (const body of bodies) {
      expect(readerSees(body)).toContain(
        'No IAM Access Analyzer recommendation to compare with: Access Analyzer denied GetFindingRecommendation: the AWS credentials need the IAM permission access-analyzer:GetFindingRecommendation'
      )
    }
    expect(r.stdout).toMatch(/no recommendation for arn:aws:iam::123456789012:role\/MyRole/)
  }, 60_000)
})

describe('require-aws-agreement without recommendations', () => {
  it('fails the step with a sentence', async () => {
    box = actionSandbox()
    box.write('findings/f.json', JSON.stringify(article))
    box.event(pullRequestEvent(12, HEAD))
    github = await startGitHubServer({
      pulls: [{ owner: 'acme', repo: 'infra', number: 12, headSha: HEAD, files: [] }],
      contents: { [HEAD]: {} }
    })
    const r = await box.run(github.url, {
      findings: 'findings/*.json',
      'require-aws-agreement': 'true'
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::Input require-aws-agreement needs IAM Access Analyzer recommendations/
    )
  }, 60_000)
})
