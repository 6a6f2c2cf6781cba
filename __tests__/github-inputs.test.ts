import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { ConfigurationError } from '../src/engine/errors.js'
import { INPUT, OUTPUT, readInputs, resolveMode } from '../src/inputs.js'

function read(values: Record<string, string>) {
  return readInputs(name => values[name] ?? '')
}

const token = { 'github-token': 'ghs_x' }

describe('readInputs', () => {
  it('takes the defaults of action.yml for empty inputs', () => {
    expect(read(token)).toEqual({
      githubToken: 'ghs_x',
      findings: [],
      paths: [],
      config: '.github/iam-refine.yml',
      catalog: { kind: 'bundled' },
      failOn: 'unused-or-unchecked',
      allowWorkspaceOnPullRequestTarget: false,
      reviewEvent: 'COMMENT',
      maxComments: 30,
      verifyWithAws: false,
      requireAwsAgreement: false,
      mode: 'auto',
      sweepBranch: 'iam-refine/least-privilege',
      sweepTitle: 'iam-refine: remove unused IAM permissions',
      sweepLabels: ['security', 'iam-refine'],
      sweepForcePush: false
    })
  })

  it('reads the sweep inputs', () => {
    expect(
      read({
        ...token,
        mode: 'Sweep',
        'sweep-branch': 'bots/iam-refine',
        'sweep-title': 'Least privilege',
        'sweep-labels': 'iam, chore',
        'sweep-force-push': 'true'
      })
    ).toMatchObject({
      mode: 'sweep',
      sweepBranch: 'bots/iam-refine',
      sweepTitle: 'Least privilege',
      sweepLabels: ['iam', 'chore'],
      sweepForcePush: true
    })
  })

  it('reads lists one per line or separated by commas', () => {
    const inputs = read({
      ...token,
      findings: 'a.json, b/*.json\n\n  c.json  \n# a comment',
      paths: 'iam/**,templates/*.yaml'
    })
    expect(inputs.findings).toEqual(['a.json', 'b/*.json', 'c.json'])
    expect(inputs.paths).toEqual(['iam/**', 'templates/*.yaml'])
  })

  it('reads every other input', () => {
    const inputs = read({
      ...token,
      'findings-artifact': 'iam-findings',
      'findings-artifact-run-id': '123',
      'findings-artifact-repository': 'acme/infra',
      'analyzer-arn': 'arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/unused',
      catalog: 'live',
      'fail-on': 'never',
      'review-event': 'request_changes',
      'max-comments': '5',
      'verify-with-aws': 'true',
      'require-aws-agreement': 'true'
    })
    expect(inputs).toMatchObject({
      findingsArtifact: {
        name: 'iam-findings',
        workflow: 'iam-refine-export-findings.yml', // the default: our example export workflow
        runId: 123,
        repository: { owner: 'acme', repo: 'infra' }
      },
      analyzerArn: 'arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/unused',
      catalog: { kind: 'live' },
      failOn: 'never',
      reviewEvent: 'REQUEST_CHANGES',
      maxComments: 5,
      verifyWithAws: true,
      requireAwsAgreement: true
    })
    for (const workflow of ['export.yaml', '123456']) {
      expect(
        read({ ...token, 'findings-artifact': 'f', 'findings-artifact-workflow': workflow })
          .findingsArtifact?.workflow
      ).toBe(workflow)
    }
    expect(read({ ...token, catalog: 'catalog.json' }).catalog).toEqual({
      kind: 'file',
      path: 'catalog.json'
    })
  })

  it.each([
    [{ 'github-token': '' }, 'github-token'],
    [{ 'max-comments': '0' }, 'max-comments'],
    [{ 'max-comments': '2.5' }, 'max-comments'],
    [{ 'max-comments': '-3' }, 'max-comments'],
    [{ 'fail-on': 'always' }, 'fail-on'],
    [{ 'review-event': 'APPROVE' }, 'review-event'],
    [{ 'verify-with-aws': 'yes' }, 'verify-with-aws'],
    [{ 'analyzer-arn': 'arn:aws:iam::123456789012:role/x' }, 'analyzer-arn'],
    [{ 'findings-artifact-run-id': '7' }, 'findings-artifact-run-id'],
    [
      { 'findings-artifact': 'a', 'findings-artifact-run-id': 'latest' },
      'findings-artifact-run-id'
    ],
    [
      { 'findings-artifact': 'a', 'findings-artifact-repository': 'nope' },
      'findings-artifact-repository'
    ],
    [
      { 'findings-artifact': 'a', 'findings-artifact-workflow': '.github/workflows/export.yml' },
      'findings-artifact-workflow must be a workflow file name'
    ],
    [{ mode: 'both' }, 'mode'],
    [{ 'sweep-branch': 'a b' }, 'sweep-branch'],
    [{ 'sweep-branch': 'a..b' }, 'sweep-branch'],
    [{ 'sweep-branch': 'refs/heads/x' }, 'sweep-branch'],
    [{ 'sweep-branch': 'x.lock' }, 'sweep-branch'],
    [{ 'sweep-branch': 'a/.hidden' }, 'sweep-branch'],
    [{ 'sweep-branch': 'x@{1}' }, 'sweep-branch'],
    [{ 'sweep-branch': 'a:b' }, 'sweep-branch'],
    [{ 'sweep-title': 'two\nlines' }, 'sweep-title'],
    [{ 'sweep-title': 'x'.repeat(257) }, 'sweep-title'],
    [{ 'sweep-labels': 'y'.repeat(51) }, 'sweep-labels'],
    [{ 'sweep-force-push': 'sure' }, 'sweep-force-push']
  ])('rejects %j naming the input', (values, name) => {
    const run = () => read({ ...token, ...values })
    expect(run).toThrow(ConfigurationError)
    expect(run).toThrow(name)
  })
})

describe('resolveMode', () => {
  it.each([
    ['auto', 'pull_request', 'review'],
    ['auto', 'pull_request_target', 'review'],
    ['auto', 'pull_request_review', 'review'],
    ['auto', 'schedule', 'sweep'],
    ['auto', 'workflow_dispatch', 'sweep'],
    ['auto', 'push', 'none'],
    ['sweep', 'push', 'sweep'],
    ['review', 'schedule', 'review']
  ] as const)('%s on %s: %s', (mode, event, kind) => {
    expect(resolveMode(mode, event).kind).toBe(kind)
  })

  it('says what it did not do, and refuses a sweep on a pull-request event', () => {
    expect(resolveMode('auto', 'release')).toEqual({
      kind: 'none',
      message: expect.stringMatching(
        /^iam-refine did nothing on this release event: with mode: auto/
      )
    })
    expect(() => resolveMode('sweep', 'pull_request_target')).toThrow(
      /Input mode is sweep, but this is a pull_request_target event/
    )
  })
})

describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, { description: string; default?: string }>
    outputs: Record<string, { description: string }>
    runs: { using: string; main: string }
    branding: { icon: string; color: string }
  }

  it('declares exactly the inputs and outputs the code reads and writes', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUT).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUT).sort())
    for (const input of Object.values(action.inputs)) expect(input.description).toBeTruthy()
  })

  it('runs dist/index.js on node24 and has branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(action.branding.icon).toBeTruthy()
  })

  it('has defaults that readInputs accepts as they are', () => {
    const defaults = Object.fromEntries(
      Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])
    )
    const inputs = read({ ...defaults, ...token })
    expect(inputs.maxComments).toBe(30)
    expect(inputs.config).toBe('.github/iam-refine.yml')
    expect(inputs.sweepLabels).toEqual(['security', 'iam-refine'])
    expect(inputs.sweepTitle).toBe('iam-refine: remove unused IAM permissions')
  })
})
