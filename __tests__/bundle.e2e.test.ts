/**
 * dist/ as it ships (docs/adr/0022-bundle-layout.md): ESM entries that share chunks, where the AWS
 * SDK, Octokit and the Terraform grammar load only on the paths that use them. First what each
 * entry and command loads before it runs, read from the import statements of the bundled files
 * (esbuild names each bundled module in a `// node_modules/…` line); then every path that
 * reaches a lazily loaded chunk, run from a copy of dist/ with no node_modules beside it, as GitHub
 * runs an action from its repository. Run `npm run bundle` first so that dist/ is current.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import {
  closeSync,
  cpSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { newFilePatch } from './fixtures/github/reports.js'
import { actionSandbox, pullRequestEvent } from './helpers/action-run.js'
import {
  ANALYZER_ARN,
  AWS_TEST_ENV,
  startAccessAnalyzer,
  type AccessAnalyzerServer,
  type FakeFinding
} from './servers/access-analyzer.js'
import { startGitHubServer } from './servers/github.js'
import { runNode, type ProcessRun } from './helpers/node-process.js'

const DIST = 'dist'
const text = (file: string): string => readFileSync(join(DIST, file), 'utf8')

/**
 * The files a bundled file loads before it runs: an ES module's first statements
 * (`import … from "./chunk-….mjs"`), a CommonJS file's requires at the top level.
 */
function staticImports(file: string): string[] {
  return [
    ...text(file).matchAll(/^import\s(?:[^;]*?\sfrom\s)?"\.\/([^"]+)";$/gm),
    ...text(file).matchAll(/^\S.*\brequire\("\.\/([^"]+)"\)/gm)
  ].map(m => m[1] as string)
}

/**
 * The files it loads when an `import()` in it runs. In the CommonJS files esbuild wraps a required
 * sibling (`require("./refine.js")`, indented) in a function that only the `import()` it stands for
 * calls (scripts/esbuild-node.mjs).
 */
function dynamicImports(file: string): string[] {
  return [
    ...text(file).matchAll(/\bimport\("\.\/([^"]+)"\)/g),
    ...text(file).matchAll(/^\s+.*\brequire\("\.\/([^"]+)"\)/gm)
  ].map(m => m[1] as string)
}

/** Every file loaded when `file` is loaded, before any of its code runs. */
function loadedWith(file: string): string[] {
  const seen = new Set<string>()
  const visit = (f: string): void => {
    if (seen.has(f)) return
    seen.add(f)
    for (const next of staticImports(f)) visit(next)
  }
  visit(file)
  return [...seen].sort()
}

/** The packages bundled into these files, from esbuild's `// node_modules/<package>/…` lines. */
function packagesIn(files: readonly string[]): Set<string> {
  const packages = new Set<string>()
  for (const f of files) {
    for (const m of text(f).matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) {
      packages.add(m[1] as string)
    }
  }
  return packages
}

/**
 * The file an `import()` in `from` or in what loads with it loads for a module named `name`: a
 * chunk (`verify` -> `verify-HASH.mjs`) or an entry (`refine` -> `refine.js`, `check.mjs`).
 */
function lazyChunk(from: string, name: string): string {
  const found = [...new Set(loadedWith(from).flatMap(dynamicImports))].filter(f =>
    new RegExp(`^${name}(-[A-Z0-9]+)?\\.m?js$`).test(f)
  )
  expect(found).toHaveLength(1)
  return found[0] as string
}

/** What must not load before a path that uses it: the AWS SDK, Octokit and the grammar. */
const HEAVY = [
  '@aws-sdk/client-accessanalyzer',
  '@aws-sdk/client-iam',
  '@smithy/core',
  '@octokit/core',
  '@actions/github',
  'undici',
  'web-tree-sitter'
]
const heavyIn = (files: readonly string[]): string[] => HEAVY.filter(p => packagesIn(files).has(p))

describe('what each path of dist/ loads', () => {
  it('every import names a file of dist/, and every file is reached from an entry', () => {
    const files = readdirSync(DIST)
    const js = files.filter(f => /\.m?js$/.test(f))
    const reached = new Set<string>()
    const visit = (f: string): void => {
      if (reached.has(f)) return
      reached.add(f)
      for (const next of [...staticImports(f), ...dynamicImports(f)]) {
        expect({ from: f, imports: next, exists: files.includes(next) }).toEqual({
          from: f,
          imports: next,
          exists: true
        })
        visit(next)
      }
    }
    visit('cli.js')
    visit('index.js')
    // the module check's worker threads run (src/io/refine-tree.ts finds it beside its chunk)
    visit('refine-worker.js')
    // A chunk no entry reaches is left over from an older build.
    expect(js.filter(f => !reached.has(f))).toEqual([])
    expect(files.filter(f => !/\.m?js$/.test(f)).sort()).toEqual([
      'package.json',
      'tree-sitter-terraform.wasm',
      'web-tree-sitter.wasm'
    ])
  })

  it('dist/ is CommonJS: the command line and refine run without ES modules, everything else is .mjs', () => {
    expect(JSON.parse(text('package.json'))).toEqual({ type: 'commonjs' })
    for (const file of ['cli.js', 'refine.js']) {
      expect({ file, esm: /^(import|export)\s/m.test(text(file)) }).toEqual({ file, esm: false })
    }
    // The action and check's workers: entries of two lines that import their ES modules.
    expect(dynamicImports('index.js')).toEqual(['index.mjs'])
    expect(dynamicImports('refine-worker.js')).toEqual(['refine-worker.mjs'])
    const js = readdirSync(DIST).filter(f => f.endsWith('.js'))
    expect(js.sort()).toEqual(['cli.js', 'index.js', 'refine-worker.js', 'refine.js'])
  })

  it('the command line loads nothing heavy before it knows the command, nor for refine or check', () => {
    const cli = loadedWith('cli.js')
    expect(heavyIn(cli)).toEqual([])
    // Not even node:util (parseArgs, src/commands/options.ts): `--help` parses no options.
    expect(cli.filter(f => /from "node:util"|require\("node:util"\)/.test(text(f)))).toEqual([])
    expect(heavyIn([...cli, ...loadedWith(lazyChunk('cli.js', 'refine'))])).toEqual([])
    const check = lazyChunk('cli.js', 'check')
    expect(heavyIn([...cli, ...loadedWith(check)])).toEqual([])
    // markdown-it proves the body of --format markdown, the only output of check that needs it.
    expect(packagesIn([...cli, ...loadedWith(check)]).has('markdown-it')).toBe(false)
    expect(packagesIn(loadedWith(lazyChunk(check, 'sweep-body'))).has('markdown-it')).toBe(true)
    // check reaches the AWS SDK (--verify-with-aws) and the grammar (a .tf file) through import().
    const verify = lazyChunk(check, 'verify')
    expect(packagesIn(loadedWith(verify)).has('@aws-sdk/client-accessanalyzer')).toBe(true)
    const parser = lazyChunk(check, 'terraform-parser')
    expect(heavyIn(loadedWith(parser))).toEqual([])
    expect(packagesIn(loadedWith(lazyChunk(parser, 'web-tree-sitter')))).toContain(
      'web-tree-sitter'
    )
  })

  it('`--help` loads cli.js alone, and `refine` one file more, without jsonc-parser or the catalog data', () => {
    expect(loadedWith('cli.js')).toEqual(['cli.js'])
    const refine = lazyChunk('cli.js', 'refine')
    expect(loadedWith(refine)).toEqual([refine])
    expect(packagesIn([refine]).has('jsonc-parser')).toBe(false)
    expect(text(refine)).not.toContain('BUNDLED_CATALOG_JSON =')
    // Located JSON syntax errors and the bundled catalog come through import(), and only those.
    expect(packagesIn(loadedWith(lazyChunk(refine, 'json-syntax')))).toEqual(
      new Set(['jsonc-parser'])
    )
    expect(text(lazyChunk(refine, 'catalog-data')).length).toBeLessThan(1000)
    expect(
      loadedWith(lazyChunk(refine, 'catalog-data')).some(f =>
        text(f).includes('BUNDLED_CATALOG_JSON =')
      )
    ).toBe(true)
  })

  it('check starts its worker threads from a chunk beside refine-worker.js, which loads nothing heavy', () => {
    // The worker's address is resolved against the chunk that holds it: it must be in dist/ and
    // loaded with check.
    const starters = readdirSync(DIST).filter(f => text(f).includes('"./refine-worker.js"'))
    expect(starters).toHaveLength(1)
    expect(loadedWith(lazyChunk('cli.js', 'check'))).toContain(starters[0])
    expect(heavyIn(loadedWith('refine-worker.mjs'))).toEqual([])
  })

  it('findings export loads the AWS SDK, which is what the markers above look for', () => {
    const findings = loadedWith(lazyChunk('cli.js', 'findings'))
    expect(heavyIn(findings)).toEqual(
      expect.arrayContaining([
        '@aws-sdk/client-accessanalyzer',
        '@aws-sdk/client-iam',
        '@smithy/core'
      ])
    )
  })

  it('the action loads Octokit once there is a pull request, and the AWS SDK only for AWS inputs', () => {
    expect(heavyIn(loadedWith('index.mjs'))).toEqual([])
    expect(heavyIn(loadedWith(lazyChunk('index.mjs', 'client')))).toEqual(
      expect.arrayContaining(['@octokit/core', '@actions/github', 'undici'])
    )
    for (const name of ['verify', 'access-analyzer', 'recommendations']) {
      expect(packagesIn(loadedWith(lazyChunk('index.mjs', name)))).toContain(
        '@aws-sdk/client-accessanalyzer'
      )
    }
  })
})

describe('the lazily loaded paths, run from a copy of dist/ without node_modules', () => {
  const article = join(process.cwd(), '__tests__/fixtures/article')
  const terraform = join(process.cwd(), '__tests__/fixtures/terraform')
  /** `refine` of the worked example with its own catalog (no catalog data to import). */
  const refineExample = [
    'refine',
    join(article, 'policy.json'),
    '--findings',
    join(article, 'unused.json'),
    '--catalog',
    join(article, 'catalog-2024.json')
  ]
  let root: string
  let aws: AccessAnalyzerServer
  let awsEnv: Record<string, string>

  beforeAll(async () => {
    // The action as GitHub fetches it: the repository's files, no installed packages.
    root = mkdtempSync(join(tmpdir(), 'iam-refine-dist-'))
    cpSync(DIST, join(root, 'action', 'dist'), { recursive: true })
    cpSync('package.json', join(root, 'action', 'package.json'))
    aws = await startAccessAnalyzer()
    awsEnv = Object.fromEntries(
      Object.entries({ ...AWS_TEST_ENV, AWS_ENDPOINT_URL_ACCESSANALYZER: aws.url }).filter(
        (e): e is [string, string] => e[1] !== undefined
      )
    )
  })
  afterAll(async () => {
    await aws.close()
    rmSync(root, { recursive: true, force: true })
  })

  /** `node <copy>/dist/cli.js ...args` with the loopback AWS settings. */
  function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    return cliWith({}, ...args)
  }

  /** `cli` with more variables in its environment. */
  function cliWith(env: Record<string, string>, ...args: string[]): Promise<ProcessRun> {
    return runNode([join(root, 'action', 'dist', 'cli.js'), ...args], {
      env: { PATH: process.env.PATH, NO_COLOR: '1', TMPDIR: root, ...awsEnv, ...env },
      cwd: root
    })
  }

  it('findings export (the AWS SDK and its credential chunks)', async () => {
    aws.reset()
    const finding = JSON.parse(
      readFileSync(join(article, 'finding-getfindingv2.json'), 'utf8')
    ) as FakeFinding
    aws.state.findings = [finding]
    const out = join(root, 'exported.json')
    const run = await cli('findings', 'export', '--analyzer-arn', ANALYZER_ARN, '--out', out)
    expect(run.err).not.toMatch(/\n\s+at |Cannot find|ERR_MODULE_NOT_FOUND/)
    expect(run.code).toBe(0)
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { findings: { resource: string }[] }
    expect(exported.findings.map(f => f.resource)).toEqual([finding.resource])
  }, 30_000)

  it('what --help and refine --catalog load when they run: cli.js and refine.js, no ES module', async () => {
    // A copy of dist/ without its ES modules: loading any of them would fail the run. A preloaded
    // script prints the CommonJS files Node loaded.
    const cjsOnly = join(root, 'cjs-only')
    cpSync(DIST, cjsOnly, { recursive: true })
    for (const f of readdirSync(cjsOnly)) if (f.endsWith('.mjs')) rmSync(join(cjsOnly, f))
    const recorder = join(root, 'recorder.cjs')
    writeFileSync(
      recorder,
      "process.on('exit', () => require('fs').writeSync(2, 'loaded ' + JSON.stringify(Object.keys(require.cache).map(f => require('path').relative(" +
        JSON.stringify(cjsOnly) +
        ", f))) + '\\n'))\n"
    )
    const run = (...args: string[]): Promise<ProcessRun> =>
      runNode(['-r', recorder, join(cjsOnly, 'cli.js'), ...args], {
        env: { PATH: process.env.PATH, NO_COLOR: '1' },
        cwd: root
      })
    const help = await run('--help')
    expect(help.code).toBe(0)
    expect(help.err).toBe(`loaded ${JSON.stringify([join('..', 'recorder.cjs'), 'cli.js'])}\n`)
    const refined = await run(...refineExample)
    expect(refined.code).toBe(0)
    expect(refined.out).toContain('"s3:GetObject*"')
    expect(refined.err).toContain(
      `loaded ${JSON.stringify([join('..', 'recorder.cjs'), 'cli.js', 'refine.js'])}\n`
    )
    // Control: without --catalog refine needs the catalog's ES module, which this copy lacks.
    const bundled = await run(
      'refine',
      join(article, 'policy.json'),
      '--findings',
      join(article, 'unused.json')
    )
    expect(bundled.code).toBe(3)
    expect(bundled.err).toMatch(/catalog-data\.mjs/)
  }, 30_000)

  it('output that cannot be written fails the run with a message, not a stack trace', async () => {
    const full = openSync('/dev/full', 'w')
    try {
      const run = (...args: string[]): Promise<ProcessRun> =>
        new Promise(done => {
          const child = spawn(process.execPath, [join(root, 'action', 'dist', 'cli.js'), ...args], {
            env: { PATH: process.env.PATH, NO_COLOR: '1' },
            stdio: ['ignore', full, 'pipe']
          })
          let err = ''
          child.stderr?.on('data', d => (err += d))
          child.on('close', code => done({ code: code ?? -1, out: '', err }))
        })
      const message = 'iam-refine: the output could not be written (ENOSPC): it is incomplete\n'
      expect(await run('--help')).toEqual({ code: 2, out: '', err: message })
      const refined = await run(...refineExample)
      expect(refined.code).toBe(2)
      expect(refined.err).toContain('replaced s3:Get* by') // stderr was written
      expect(refined.err.endsWith(message)).toBe(true)
      expect(refined.err).not.toMatch(/\n\s+at /)
    } finally {
      closeSync(full)
    }
  }, 30_000)

  it('check and findings end their own configuration errors with exit 2 (their classes, not cli.js’s)', async () => {
    const check = await cli('check', join(root, 'nowhere'), '--findings', join(root, 'none.json'))
    expect(check.code).toBe(2)
    expect(check.err).toMatch(/^iam-refine: .*none\.json: cannot read/)
    const findings = await cli('findings', 'export', '--unused-days', 'x')
    expect(findings.code).toBe(2)
    expect(findings.err).toMatch(/^iam-refine: .*--unused-days/)
  }, 30_000)

  it('refine: the bundled catalog, a located syntax error and a failure classified in refine.js', async () => {
    const star = join(root, 'star.json')
    writeFileSync(
      star,
      '{"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}'
    )
    const bundled = await cli('refine', star, '--findings', join(article, 'unused.json'))
    expect(bundled.err).not.toMatch(/\n\s+at |Cannot find|ERR_MODULE_NOT_FOUND|unexpected/)
    expect(bundled.code).toBe(0)
    expect(bundled.err).toContain('replaced s3:Get* by')

    const broken = join(root, 'broken.json')
    writeFileSync(broken, '{\n  "Statement": [\n    {"Effect": "Allow",,}\n  ]\n}\n')
    const syntax = await cli('refine', broken, '--findings', join(article, 'unused.json'))
    // A ConfigurationError thrown by refine.js's own copy of the class: exit 2, not "a bug" (3).
    expect(syntax).toEqual({
      code: 2,
      out: '',
      err: `iam-refine: ${broken}:3:24: is not valid JSON (property name expected)\n`
    })

    const missing = await cli('refine', join(root, 'none.json'), '--findings', broken)
    expect(missing).toEqual({
      code: 2,
      out: '',
      err: `iam-refine: ${join(root, 'none.json')}: cannot read the policy (no such file)\n`
    })
  }, 30_000)

  it('check of a YAML template: stdout is the report alone, whatever LOG_TOKENS and LOG_STREAM say', async () => {
    // yaml's build for Node prints every token to stdout when LOG_TOKENS is set (and reads the
    // variable once per token); the bundles hold its build without those hooks.
    const template = join(root, 'template.yaml')
    writeFileSync(
      template,
      [
        'Resources:',
        '  MyRole:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      Policies:',
        '        - PolicyName: p',
        '          PolicyDocument:',
        '            Statement:',
        '              - Effect: Allow',
        '                Action: "s3:Get*"',
        '                Resource: "*"',
        ''
      ].join('\n')
    )
    const args = [
      'check',
      template,
      '--findings',
      join(article, 'unused.json'),
      '--principal',
      'arn:aws:iam::123456789012:role/MyRole',
      '--catalog',
      join(article, 'catalog-2024.json'),
      '--format',
      'json'
    ]
    const plain = await cli(...args)
    expect(plain.code).toBe(1) // the control: unused permissions found and reported
    expect(JSON.stringify(JSON.parse(plain.out))).toContain('s3:GetObject*')
    const hooked = await cliWith({ LOG_TOKENS: '1', LOG_STREAM: '1' }, ...args)
    expect(hooked).toEqual(plain)
  }, 30_000)

  it('check --verify-with-aws (the verifier chunk)', async () => {
    aws.reset()
    const policy = join(root, 'MyRole.json')
    cpSync(join(article, 'policy.json'), policy)
    const run = await cli(
      'check',
      policy,
      '--findings',
      join(article, 'finding-getfindingv2.json'),
      '--catalog',
      join(article, 'catalog-2024.json'),
      '--verify-with-aws'
    )
    expect(run.err).not.toMatch(/\n\s+at |Cannot find|ERR_MODULE_NOT_FOUND/)
    expect(run.code).toBe(1) // unused permissions remain: the suggestion was verified and shown
    expect(run.out).toMatch(/^\+\s+"s3:GetObject\*",$/m)
    expect(aws.state.requests.map(r => r.path)).toEqual(
      expect.arrayContaining(['/policy/check-no-new-access', '/policy/check-access-not-granted'])
    )
  }, 30_000)

  it('check --format markdown (the body renderer and markdown-it)', async () => {
    const policy = join(root, 'markdown', 'MyRole.json')
    cpSync(join(article, 'policy.json'), policy)
    const run = await cli(
      'check',
      policy,
      '--findings',
      join(article, 'finding-getfindingv2.json'),
      '--catalog',
      join(article, 'catalog-2024.json'),
      '--format',
      'markdown'
    )
    expect(run.err).toBe('')
    expect(run.code).toBe(1)
    expect(run.out).toContain('`arn:aws:iam::123456789012:role/MyRole`')
  }, 30_000)

  it('check --fix on Terraform (the grammar chunk and the WebAssembly next to it)', async () => {
    const repo = join(root, 'tf')
    cpSync(join(terraform, 'input'), repo, { recursive: true })
    const run = await cli(
      'check',
      repo,
      '--findings',
      join(terraform, 'findings.json'),
      '--catalog',
      join(terraform, 'catalog.json'),
      '--fix'
    )
    expect(run.err).toBe('')
    expect(run.out).toContain('11 with unused permissions (11 fixed)')
    const expected = join(terraform, 'expected')
    const files = readdirSync(expected, { recursive: true, withFileTypes: true })
      .filter(e => e.isFile())
      .map(e => relative(expected, join(e.parentPath, e.name)))
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      expect({ file, text: readFileSync(join(repo, file), 'latin1') }).toEqual({
        file,
        text: readFileSync(join(expected, file), 'latin1')
      })
    }
  }, 30_000)

  it('check in worker threads (refine-worker.js beside the chunks, and the grammar in each worker)', async () => {
    const repo = join(root, 'tf-workers')
    cpSync(join(terraform, 'input'), repo, { recursive: true })
    const args = [
      'check',
      repo,
      '--findings',
      join(terraform, 'findings.json'),
      '--catalog',
      join(terraform, 'catalog.json')
    ]
    const inProcess = await cliWith({ IAM_REFINE_WORKERS: '0' }, ...args)
    const inWorkers = await cliWith({ IAM_REFINE_WORKERS: '2' }, ...args)
    expect(inWorkers.err).not.toMatch(/\n\s+at |Cannot find|ERR_MODULE_NOT_FOUND|worker/)
    expect(inProcess.out).toContain('11 with unused permissions')
    expect(inWorkers).toEqual(inProcess)
  }, 30_000)

  it('the action on an event without a pull request ends with a notice, before it needs Octokit', async () => {
    const box = actionSandbox(join(root, 'action', 'dist', 'index.js'))
    try {
      box.event({ action: 'opened', issue: { number: 1 } })
      const run = await box.run('http://127.0.0.1:9', {})
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('iam-refine reviews pull requests')
    } finally {
      box.remove()
    }
  }, 30_000)

  it('the action with verify-with-aws (Octokit and the verifier chunks)', async () => {
    aws.reset()
    const head = 'b'.repeat(40)
    const policy = readFileSync(join(article, 'policy.json'), 'utf8')
    const box = actionSandbox(join(root, 'action', 'dist', 'index.js'))
    const github = await startGitHubServer({
      pulls: [
        {
          owner: 'acme',
          repo: 'infra',
          number: 7,
          headSha: head,
          files: [{ filename: 'iam/MyRole.json', status: 'added', patch: newFilePatch(policy) }]
        }
      ],
      contents: { [head]: { 'iam/MyRole.json': policy } }
    })
    try {
      box.write('catalog-2024.json', readFileSync(join(article, 'catalog-2024.json')))
      box.write('findings.json', readFileSync(join(article, 'finding-getfindingv2.json')))
      box.event(pullRequestEvent(7, head))
      const run = await box.run(
        github.url,
        {
          findings: 'findings.json',
          catalog: 'catalog-2024.json',
          'verify-with-aws': 'true',
          'fail-on': 'never'
        },
        awsEnv
      )
      expect(run.stdout).not.toMatch(/\n\s+at |Cannot find|ERR_MODULE_NOT_FOUND/)
      expect(run.code).toBe(0)
      expect(aws.state.requests.map(r => r.path)).toContain('/policy/check-no-new-access')
      expect(github.suggestions('iam/MyRole.json').length).toBeGreaterThan(0)
    } finally {
      await github.close()
      box.remove()
    }
  }, 60_000)
})
