/**
 * The newcomer path stays true: the README's commands, workflows, configuration and examples are
 * run or parsed here, the generated parts of the README are current, and `npm run demo` shows the
 * worked example's change.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { parse, parseAllDocuments } from 'yaml'
import { parseConfig } from '../src/sources/config.js'

const readme = readFileSync('README.md', 'utf8')
const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }
const inputs = new Set(Object.keys(action.inputs))

/** The fenced blocks of a Markdown text with their language, outside the generated example. */
function blocks(markdown: string, language: string): string[] {
  const out: string[] = []
  const fence = /^(`{3,})([\w-]*)\n([\s\S]*?)^\1$/gm
  for (const m of markdown.matchAll(fence)) if (m[2] === language) out.push(m[3] ?? '')
  return out
}

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

/**
 * Why a job that reviews pull requests with our action does not check out what holds the pull
 * request's head commit (README "The checkout"): its workspace checkout must have `fetch-depth`
 * 2 or more (0: all history) or `ref` the head commit. Undefined when it does, or reviews nothing.
 */
function headCheckoutProblem(workflow: unknown): string | undefined {
  const jobs = (workflow as { jobs?: Record<string, { steps?: Step[] }> } | null)?.jobs ?? {}
  for (const [name, job] of Object.entries(jobs)) {
    const steps = job.steps ?? []
    const ours = steps.findIndex(step => /(^|\/)iam-refine@/.test(step.uses ?? ''))
    if (ours < 0 || steps[ours]!.with?.mode === 'sweep') continue
    const checkout = steps
      .slice(0, ours)
      .find(s => /^actions\/checkout@/.test(s.uses ?? '') && !s.with?.repository && !s.with?.path)
    if (!checkout) return `job ${name} checks out nothing`
    const depth = Number(checkout.with?.['fetch-depth'] ?? 1)
    const ref = checkout.with?.ref
    if (depth !== 0 && depth < 2 && ref !== '${{ github.event.pull_request.head.sha }}') {
      return `job ${name}: actions/checkout without fetch-depth: 2 or ref: the head commit`
    }
  }
  return undefined
}

/** Steps of our action (`…/iam-refine@ref`) in a workflow, or in a workflow fragment. */
function ourSteps(workflow: unknown): Step[] {
  const jobs = (workflow as { jobs?: Record<string, { steps?: Step[] }> } | null)?.jobs ?? {}
  return Object.values(jobs)
    .flatMap(job => job.steps ?? [])
    .filter(step => /(^|\/)iam-refine@/.test(step.uses ?? ''))
}

const workflowFiles = readdirSync('examples/workflows')
  .filter(f => f.endsWith('.yml'))
  .map(f => `examples/workflows/${f}`)

describe('example workflows', () => {
  it('are there for each way of getting findings', () => {
    expect(workflowFiles.length).toBeGreaterThanOrEqual(4)
    const withKeys = workflowFiles.flatMap(f =>
      ourSteps(parse(readFileSync(f, 'utf8'))).flatMap(s => Object.keys(s.with ?? {}))
    )
    expect(withKeys).toEqual(
      expect.arrayContaining(['analyzer-arn', 'findings', 'findings-artifact', 'verify-with-aws'])
    )
  })

  it.each(workflowFiles)('%s parses and gives the action only its real inputs', file => {
    const docs = parseAllDocuments(readFileSync(file, 'utf8'))
    expect(docs).toHaveLength(1)
    expect(docs[0]!.errors).toEqual([])
    const workflow = docs[0]!.toJS() as { on?: unknown; permissions?: Record<string, string> }
    expect(workflow.on).toBeDefined()
    // Only a sweep writes to the repository (its branch); every other workflow reads.
    const sweeps = ourSteps(workflow).some(step => step.with?.mode === 'sweep')
    expect(workflow.permissions?.contents).toBe(sweeps ? 'write' : 'read')
    for (const step of ourSteps(workflow)) {
      for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key)
    }
  })

  it.each(workflowFiles)('%s checks out what holds the head commit when it reviews', file => {
    expect(headCheckoutProblem(parse(readFileSync(file, 'utf8')))).toBeUndefined()
  })

  it('that review pull requests ask for pull-requests: write', () => {
    for (const file of workflowFiles) {
      const workflow = parse(readFileSync(file, 'utf8'))
      if (ourSteps(workflow).length > 0) expect(workflow.permissions['pull-requests']).toBe('write')
    }
  })
})

describe('examples/workflows/iam-refine-sweep.yml', () => {
  it('sweeps weekly and on demand with live findings through OIDC, with the permissions a sweep needs', () => {
    const workflow = parse(readFileSync('examples/workflows/iam-refine-sweep.yml', 'utf8')) as {
      on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown }
      permissions: Record<string, string>
    }
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect(workflow.on.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \* \* [0-6]$/)
    expect(workflow.permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      'id-token': 'write'
    })
    const [step] = ourSteps(workflow)
    expect(step?.with).toMatchObject({
      mode: 'sweep',
      'analyzer-arn': expect.stringMatching(/^arn:aws:access-analyzer:/)
    })
    // The outputs it reads are the action's.
    const text = readFileSync('examples/workflows/iam-refine-sweep.yml', 'utf8')
    const outputs = Object.keys(
      (parse(readFileSync('action.yml', 'utf8')) as { outputs: object }).outputs
    )
    for (const m of text.matchAll(/steps\.sweep\.outputs\.([\w-]+)/g))
      expect(outputs).toContain(m[1])
  })
})

describe('examples/iam-refine.yml', () => {
  it('is a valid configuration that uses every key', () => {
    const config = parseConfig(readFileSync('examples/iam-refine.yml', 'utf8'), 'iam-refine.yml')
    expect(config.principals.length).toBeGreaterThan(0)
    expect(config.principals.some(p => p.principals.length > 1)).toBe(true)
    expect(config.stacks.length).toBeGreaterThan(0)
    expect(config.keepActions.length).toBeGreaterThan(0)
    expect(config.ignoreFiles.length).toBeGreaterThan(0)
  })
})

describe('README', () => {
  it('has its generated tables and example comment current (npm run docs)', () => {
    const run = spawnSync(process.execPath, ['scripts/generate-docs.mjs', '--check'], {
      encoding: 'utf8'
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('lists every input and output of action.yml', () => {
    for (const name of inputs) expect(readme).toContain(`| \`${name}\` |`)
  })

  it('shows YAML that parses, workflows that give the action only real inputs, and a valid configuration', () => {
    const yamlBlocks = blocks(readme, 'yaml')
    expect(yamlBlocks.length).toBeGreaterThan(3)
    let steps = 0
    for (const text of yamlBlocks) {
      const doc = parseAllDocuments(text)[0]!
      expect(doc.errors).toEqual([])
      const value = doc.toJS()
      expect(headCheckoutProblem(value)).toBeUndefined()
      if (value && typeof value === 'object' && 'principals' in value) {
        expect(() => parseConfig(text, 'README.md')).not.toThrow()
      }
      for (const step of ourSteps(value)) {
        steps++
        for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key)
      }
    }
    expect(steps).toBeGreaterThanOrEqual(3)
  })

  it('shows the worked example as it is: the policy before, the 2024 refinement after', () => {
    const json = blocks(readme, 'json').map(text => JSON.parse(text) as unknown)
    const policy = JSON.parse(readFileSync('examples/article/policy.json', 'utf8'))
    const expected = JSON.parse(readFileSync('__tests__/fixtures/article/expected.json', 'utf8'))
    expect(json).toContainEqual(policy)
    expect(json).toContainEqual(expected)
  })

  it('gives the two commands of the Develop section verbatim', () => {
    const develop = readme.slice(readme.indexOf('## Develop'))
    expect(blocks(develop, 'sh')[0]).toBe('npm ci && npm run demo\nnpm test\n')
  })

  // Every command line the README shows is run as written (from the repository root), except
  // those that write files (--fix) or need AWS (findings export).
  const commands = blocks(readme, 'sh')
    .flatMap(text => text.replace(/\\\n\s*/g, '').split('\n'))
    .filter(line => line.startsWith('node dist/cli.js '))
    .filter(line => !line.includes('--fix') && !line.includes('findings export'))

  it('shows commands to run', () => {
    expect(commands.length).toBeGreaterThanOrEqual(4)
  })

  it.each(commands)('%s', line => {
    const args = line.trim().split(/\s+/).slice(1)
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' })
    expect(run.stderr).not.toMatch(/unexpected error|usage:/)
    expect([0, 1]).toContain(run.status)
    expect(run.stdout.length).toBeGreaterThan(0)
  })
})

describe('npm run demo', () => {
  const demo = (env: Record<string, string>): string => {
    // Node passes an undefined variable as the string "undefined": leave them out instead.
    const { NO_COLOR: _n, FORCE_COLOR: _f, ...rest } = process.env
    return execFileSync(process.execPath, ['scripts/demo.mjs'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...rest, ...env }
    })
  }

  it('shows lambda:Invoke* kept and s3:Get* replaced, without color off a terminal', () => {
    const out = demo({})
    expect(out).not.toContain('\u001b[')
    expect(out).toContain('\n-        "s3:Get*",\n')
    expect(out).toContain('\n+        "s3:GetObject*",\n')
    expect(out).toContain('\n         "lambda:Invoke*"\n')
    expect(out).toContain('kept lambda:Invoke*')
    expect(out).toContain('replaced s3:Get* by')
  })

  it('colors removed lines red, added lines green, reasons dim when asked', () => {
    const out = demo({ FORCE_COLOR: '1' })
    expect(out).toContain('\u001b[31m-        "s3:Get*",\u001b[0m')
    expect(out).toContain('\u001b[32m+        "s3:GetObject*",\u001b[0m')
    expect(out).toContain('\u001b[2m  Statement #2: replaced s3:Get* by')
  })

  it('honours NO_COLOR', () => {
    expect(demo({ FORCE_COLOR: '1', NO_COLOR: '1' })).not.toContain('\u001b[')
  })
})
