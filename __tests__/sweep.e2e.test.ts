/**
 * Sweep mode end to end: dist/index.js on a `schedule` event, the workspace a checkout of the
 * default branch of a repository with policies in every supported format, against the strict
 * loopback GitHub server. One run opens one pull request whose commit is exactly what
 * `check --fix` writes; a re-run writes nothing; other findings update the same pull request.
 * File names, folder names, Sids and principals that carry Markdown, HTML and mentions stay text
 * in the body. (Closing, a person's push and a read-only token: sweep-branch.e2e.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import MarkdownIt, { type Token } from 'markdown-it'
import { isSweepCommit } from '../src/report/sweep-body.js'
import {
  actionSandbox,
  asText,
  filesOf,
  type ActionRun,
  type ActionSandbox
} from './helpers/action-run.js'
import { useFastClock } from './helpers/fast-clock.js'
import { sweepInProcess } from './helpers/sweep-in-process.js'
import { startGitHubServer, type GitHubServer } from './servers/github.js'

const fixture = '__tests__/fixtures/repo'
const BRANCH = 'iam-refine/least-privilege'

let server: GitHubServer
let sandbox: ActionSandbox
let work: string
// The in-process sweeps (setting up a later run's state) wait out GitHub's write spacing on it.
useFastClock()
let workspace: string

beforeEach(async () => {
  sandbox = actionSandbox()
  work = sandbox.root
  workspace = sandbox.workspace
  everyFormat(workspace)
  addHostileFiles(workspace)
  server = await startGitHubServer()
  server.git.seed('acme', 'infra', Object.fromEntries(filesOf(workspace)))
})

afterEach(async () => {
  await server?.close()
  sandbox.remove()
})

/**
 * A repository with policies in every format: the fixture repository (JSON, CloudFormation JSON
 * and YAML, SAM, CRLF, a shared policy), the Terraform fixture under `terraform/`, a Serverless
 * service with its statements inline under `sls-provider/` and one that includes them from other
 * files under `sls/`; their findings in one file, their catalogs in one.
 */
function everyFormat(dir: string): void {
  cpSync(`${fixture}/input`, dir, { recursive: true })
  cpSync('__tests__/fixtures/terraform/input', join(dir, 'terraform'), { recursive: true })
  cpSync('__tests__/fixtures/forms/serverless-includes/input', join(dir, 'sls'), {
    recursive: true
  })
  cpSync('__tests__/fixtures/forms/serverless-provider/input', join(dir, 'sls-provider'), {
    recursive: true
  })
  const read = (path: string): { findings: unknown[] } => JSON.parse(readFileSync(path, 'utf8'))
  const findings = [
    `${fixture}/findings.json`,
    '__tests__/fixtures/terraform/findings.json',
    '__tests__/fixtures/forms/serverless-includes/findings.json',
    '__tests__/fixtures/forms/serverless-provider/findings.json'
  ].flatMap(f => read(f).findings)
  mkdirSync(join(dir, 'findings'), { recursive: true })
  writeFileSync(join(dir, 'findings/findings.json'), JSON.stringify({ findings }, null, 2))
  const services: Record<string, string[]> = {}
  for (const f of [`${fixture}/catalog.json`, '__tests__/fixtures/terraform/catalog.json']) {
    const catalog = JSON.parse(readFileSync(f, 'utf8')) as { services: Record<string, string[]> }
    for (const [service, actions] of Object.entries(catalog.services)) {
      services[service] = [...new Set([...(services[service] ?? []), ...actions])].sort()
    }
  }
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ updatedAt: '2026-01-01', services }))
}

/** A folder name, a Sid and a role name that try Markdown, HTML, a mention and a reference. */
const HOSTILE_FOLDER = 'policies/[x](javascript:alert(1)) <img src=x onerror=alert(1)> #1 @octocat'
const HOSTILE_SID = '```suggestion\n"s3:*"\n```\n<!-- [click](https://evil.example) @acme/security'
const HOSTILE_ROLE = 'arn:aws:iam::123456789012:role/@octocat'

function addHostileFiles(dir: string): void {
  const policy = (sid: string): string =>
    `${JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Sid: sid, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }
        ]
      },
      null,
      2
    )}\n`
  mkdirSync(join(dir, HOSTILE_FOLDER), { recursive: true })
  writeFileSync(join(dir, HOSTILE_FOLDER, 'AppRole.json'), policy(HOSTILE_SID))
  writeFileSync(join(dir, 'policies/@octocat.json'), policy('Mention'))
  const file = join(dir, 'findings/findings.json')
  const findings = JSON.parse(readFileSync(file, 'utf8'))
  findings.findings.push({
    ...findings.findings[0],
    id: '00000009-aaaa-4bbb-8ccc-000000000009',
    resource: HOSTILE_ROLE,
    findingDetails: [
      { unusedPermissionDetails: { serviceNamespace: 's3', actions: [{ action: 'PutObject' }] } }
    ]
  })
  writeFileSync(file, JSON.stringify(findings, null, 2))
}

/** Everything a reader of the rendered Markdown could click, see as HTML, or be pinged by. */
function rendered(markdown: string): {
  links: string[]
  images: number
  html: string[]
  texts: string[]
  spans: string[]
} {
  const all: Token[] = []
  const walk = (list: readonly Token[]): void => {
    for (const t of list) {
      all.push(t)
      if (t.children) walk(t.children)
    }
  }
  walk(new MarkdownIt('default', { html: true, linkify: true }).parse(markdown, {}))
  return {
    links: all.filter(t => t.type === 'link_open').map(t => String(t.attrGet('href'))),
    images: all.filter(t => t.type === 'image').length,
    html: all.filter(t => t.type.startsWith('html')).map(t => t.content.trim()),
    texts: all.filter(t => t.type === 'text').map(t => t.content),
    spans: all.filter(t => t.type === 'code_inline').map(t => t.content)
  }
}

function sweep(inputs: Record<string, string> = {}): Promise<ActionRun> {
  sandbox.event({ schedule: '17 6 * * 1', repository: { name: 'infra', owner: { login: 'acme' } } })
  return sandbox.run(
    server.url,
    { findings: 'findings/*.json', catalog: 'catalog.json', ...inputs },
    { GITHUB_EVENT_NAME: 'schedule' }
  )
}

/** The command line on a copy of the workspace, as a user of another CI system runs it. */
function checkOnCopy(name: string, ...args: string[]): { dir: string; out: string; code: number } {
  const dir = join(work, name)
  cpSync(workspace, dir, { recursive: true })
  const run = spawnSync(
    process.execPath,
    [
      resolve('dist/cli.js'),
      'check',
      dir,
      '--findings',
      join(dir, 'findings/findings.json'),
      '--catalog',
      join(dir, 'catalog.json'),
      ...args
    ],
    { encoding: 'utf8' }
  )
  return { dir, out: run.stdout, code: run.status ?? -1 }
}

/** Requests that change something (GraphQL reads aside). */
function writes(from: number): string[] {
  return server.requests
    .slice(from)
    .filter(r => r.method !== 'GET' && r.path !== '/graphql')
    .map(r => `${r.method} ${r.path}`)
}

describe('dist/index.js on a schedule: sweep mode', () => {
  it('opens one pull request whose commit is what check --fix writes, byte for byte; a re-run writes nothing', async () => {
    const base = server.git.branch('acme', 'infra', 'main')!
    const first = await sweep()
    expect(first.stdout).not.toMatch(/\n\s+at /)
    expect(first.code).toBe(0)
    expect(first.outputs.operation).toBe('created')
    const pull = server.git.pulls[0]!
    expect(first.outputs['pull-request-number']).toBe(String(pull.number))
    expect(first.outputs['pull-request-url']).toBe(
      `https://github.com/acme/infra/pull/${pull.number}`
    )
    expect(server.git.pulls).toHaveLength(1)
    expect(pull).toMatchObject({
      headRef: BRANCH,
      baseRef: 'main',
      state: 'open',
      title: 'iam-refine: remove unused IAM permissions'
    })
    expect(pull.labels).toEqual(['security', 'iam-refine'])

    // One commit on the default branch's head, verified, whose tree is the workspace after
    // check --fix: every file, byte for byte.
    const head = server.git.branch('acme', 'infra', BRANCH)!
    const commit = server.git.commit(head)
    expect(commit.parents).toEqual([base])
    expect(commit.verified).toBe(true)
    expect(isSweepCommit(commit)).toBe(true)
    const fixed = checkOnCopy('fixed', '--fix')
    expect(asText(server.git.files('acme', 'infra', BRANCH))).toEqual(asText(filesOf(fixed.dir)))
    // Every format is in the change: JSON, CloudFormation, SAM, Terraform, Serverless and a file
    // a Serverless service includes.
    const inChange = [...filesOf(fixed.dir)]
      .filter(([p, b]) => !b.equals(filesOf(workspace).get(p)!))
      .map(([p]) => p)
    expect(inChange).toEqual(
      expect.arrayContaining([
        'policies/AppRole.json',
        'cfn/app.yaml',
        'cfn/network.json',
        'sam/template.yaml',
        'terraform/app/main.tf',
        'sls-provider/serverless.yml',
        'sls/iam/shared.yml'
      ])
    )
    // And that is the fixture's expected repository for its policies.
    expect(server.git.files('acme', 'infra', BRANCH).get('cfn/app.yaml')!.toString()).toBe(
      readFileSync(`${fixture}/expected/cfn/app.yaml`, 'utf8')
    )
    // Only the policies were written: the tree request carried exactly the changed files.
    const changed = [...filesOf(fixed.dir)]
      .filter(([p, b]) => !b.equals(filesOf(workspace).get(p)!))
      .map(([p]) => p)
    const treeRequest = server.requests.find(
      r => r.method === 'POST' && r.path.endsWith('/git/trees')
    )!
    expect((treeRequest.body as { tree: { path: string }[] }).tree.map(e => e.path).sort()).toEqual(
      changed.sort()
    )

    // The body is what the command line prints for the same change, and the job summary shows it.
    const printed = checkOnCopy(
      'printed',
      '--format',
      'markdown',
      '--link-base',
      `https://github.com/acme/infra/blob/${head}`
    )
    expect(pull.body).toBe(printed.out)
    // Outside text stays text: the only links are the changed files', at the commit; no image,
    // no HTML but the marker, no mention; the hostile names read as themselves in code spans.
    const view = rendered(pull.body)
    const link = (path: string): string =>
      `https://github.com/acme/infra/blob/${head}/${path
        .split('/')
        .map(p =>
          encodeURIComponent(p).replace(
            /[!'()*]/g,
            c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
          )
        )
        .join('/')}`
    expect(view.links.sort()).toEqual(changed.map(link).sort())
    expect(changed).toEqual(
      expect.arrayContaining([`${HOSTILE_FOLDER}/AppRole.json`, 'policies/@octocat.json'])
    )
    expect(view.images).toBe(0)
    expect(view.html.every(h => ['<!-- iam-refine:sweep -->', '<sub>', '</sub>'].includes(h))).toBe(
      true
    )
    expect(view.texts.some(t => /(^|[^\w`])@[a-z]/i.test(t))).toBe(false)
    expect(view.spans).toContain(`${HOSTILE_FOLDER}/AppRole.json`)
    expect(view.spans).toContain(HOSTILE_ROLE)
    expect(view.spans.some(s => s.startsWith('```suggestion⏎'))).toBe(true)
    // The control: the honest files are there, linked, with their findings.
    expect(view.links).toContain(link('policies/AppRole.json'))
    expect(view.spans).toContain('00000001-aaaa-4bbb-8ccc-000000000001')
    expect(first.summary).toContain(pull.body.trimEnd())
    expect(first.summary).toMatch(
      /Opened a pull request from `iam-refine\/least-privilege` \(\[pull request \d+\]\(https:\/\/github\.com\/acme\/infra\/pull\/\d+\)\)\./
    )
    const report = JSON.parse(readFileSync(first.outputs.report!, 'utf8'))
    expect(report.files.map((f: { file: string }) => f.file)).toContain('policies/AppRole.json')
    expect(Number(first.outputs['unused-actions'])).toBeGreaterThan(0)

    const before = server.requests.length
    const second = await sweep()
    expect(second.code).toBe(0)
    expect(second.outputs.operation).toBe('unchanged')
    expect(second.outputs['pull-request-number']).toBe(String(pull.number))
    expect(writes(before)).toEqual([])
    expect(server.git.branch('acme', 'infra', BRANCH)).toBe(head)
  }, 120_000)

  it('updates the same pull request when the findings change, rebuilt on the default branch that moved', async () => {
    const first = await sweepInProcess(server.url, workspace)
    expect(first.sweep.operation).toBe('created')
    const number = String(first.sweep.pullRequest!.number)

    // AppRole used s3:DeleteObject after all: the findings no longer report it.
    const findingsFile = join(workspace, 'findings/findings.json')
    const findings = JSON.parse(readFileSync(findingsFile, 'utf8'))
    for (const d of findings.findings[0].findingDetails) {
      const u = d.unusedPermissionDetails
      if (u.serviceNamespace === 's3')
        u.actions = u.actions.filter((a: { action: string }) => a.action !== 'DeleteObject')
    }
    // The findings file is committed to the default branch: it moved, and the workspace is its
    // new head.
    writeFileSync(findingsFile, JSON.stringify(findings, null, 2))
    const moved = server.git.push('acme', 'infra', 'main', {
      'findings/findings.json': readFileSync(findingsFile, 'utf8')
    })
    const second = await sweep()
    expect(second.code).toBe(0)
    expect(second.outputs).toMatchObject({ operation: 'updated', 'pull-request-number': number })
    expect(server.git.pulls).toHaveLength(1)
    const fixed = checkOnCopy('fixed-2', '--fix')
    expect(asText(server.git.files('acme', 'infra', BRANCH))).toEqual(asText(filesOf(fixed.dir)))
    expect(
      server.git.files('acme', 'infra', BRANCH).get('policies/AppRole.json')!.toString()
    ).toContain('s3:DeleteObject')
    const head = server.git.branch('acme', 'infra', BRANCH)!
    expect(server.git.commit(head).parents).toEqual([moved])
    expect(server.git.pulls[0]!.body).toBe(
      checkOnCopy(
        'printed-2',
        '--format',
        'markdown',
        '--link-base',
        `https://github.com/acme/infra/blob/${head}`
      ).out
    )
  }, 120_000)
})
