/**
 * The configuration read safely (issue 9, attack 8): inside the workspace, a regular file, within
 * a size limit; one that exists but cannot be read is an error, never the empty configuration.
 * Each refused case beside the honest file that still works.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ConfigurationError } from '../src/engine/errors.js'
import { MAX_CONFIG_BYTES, readConfigFile } from '../src/io/config-file.js'
import { EMPTY_CONFIG } from '../src/sources/config.js'

const HONEST = 'ignore-files: ["legacy/**"]\n'

let root: string
let workspace: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'iam-refine-config-'))
  workspace = join(root, 'workspace')
  mkdirSync(join(workspace, '.github'), { recursive: true })
  writeFileSync(join(root, 'outside.yml'), HONEST)
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Puts `make(path)` at `.github/<name>` and reads it as the action does. */
async function read(name: string, make?: (path: string) => void, optional = false) {
  const file = `.github/${name}`
  make?.(join(workspace, file))
  return readConfigFile({
    file,
    root: workspace,
    within: workspace,
    optional,
    label: `Input config: ${file}`
  })
}

const refused = async (promise: Promise<unknown>, message: string): Promise<void> => {
  await expect(promise).rejects.toThrow(ConfigurationError)
  await expect(promise).rejects.toThrow(message)
}

describe('reading the configuration', () => {
  it('reads an honest file, and one a symbolic link inside the workspace names (the controls)', async () => {
    const honest = await read('honest.yml', p => writeFileSync(p, HONEST))
    expect(honest.ignoreFiles).toEqual(['legacy/**'])
    writeFileSync(join(workspace, 'shared.yml'), HONEST)
    const linked = await read('linked.yml', p => symlinkSync('../shared.yml', p))
    expect(linked.ignoreFiles).toEqual(['legacy/**'])
    expect(linked.file).toBe('.github/linked.yml')
  })

  it('takes a missing default file as the empty configuration, and refuses a missing named one', async () => {
    expect(await read('absent.yml', undefined, true)).toBe(EMPTY_CONFIG)
    await refused(read('absent.yml'), 'Input config: .github/absent.yml: no such file')
  })

  it.each([
    [
      'a symbolic link to /dev/zero',
      (p: string) => symlinkSync('/dev/zero', p),
      'resolves to a file outside the workspace'
    ],
    [
      'a symbolic link to a file outside the workspace',
      (p: string) => symlinkSync(join(root, 'outside.yml'), p),
      'resolves to a file outside the workspace'
    ],
    [
      'a relative link climbing out',
      (p: string) => symlinkSync('../../outside.yml', p),
      'resolves to a file outside the workspace'
    ],
    [
      'a link to nothing',
      (p: string) => symlinkSync('missing.yml', p),
      'is a symbolic link to nothing'
    ],
    [
      'a named pipe',
      (p: string) => execFileSync('mkfifo', [p]),
      'is a named pipe (FIFO), not a regular file'
    ],
    ['a folder', (p: string) => mkdirSync(p), 'is a folder, not a regular file'],
    [
      'an oversized file',
      (p: string) => writeFileSync(p, `# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`),
      `is ${MAX_CONFIG_BYTES + 3} bytes, over the ${MAX_CONFIG_BYTES}-byte limit for a configuration`
    ],
    [
      'a file that is not UTF-8',
      (p: string) => writeFileSync(p, Buffer.from([0x6b, 0x3a, 0x20, 0xff, 0x0a])),
      'is not UTF-8 text'
    ]
  ])('refuses %s with a clear message', async (_, make, message) => {
    const name = `case-${Math.random().toString(36).slice(2)}.yml`
    await refused(read(name, make), `Input config: .github/${name}: ${message}`)
    // Never the empty configuration, even where a missing file would be.
    await refused(read(name, undefined, true), message)
  })

  it('refuses a path that climbs out of the workspace', async () => {
    await refused(
      readConfigFile({
        file: '../outside.yml',
        root: workspace,
        within: workspace,
        optional: false,
        label: 'Input config: ../outside.yml'
      }),
      'Input config: ../outside.yml: resolves to a file outside the workspace'
    )
  })

  it('reads a device named explicitly on the command line no further than its type', async () => {
    await refused(
      readConfigFile({ file: '/dev/zero', root: '.', optional: false, label: '/dev/zero' }),
      '/dev/zero: is a device, not a regular file'
    )
  })
})

describe('an unreadable configuration', () => {
  it('is an error from the command line, never the empty configuration', () => {
    // The file exists but its reader may not open it. Root reads everything, so as root the
    // command runs as the unprivileged `nobody`.
    const repo = join(root, 'unreadable')
    mkdirSync(join(repo, '.github'), { recursive: true })
    writeFileSync(join(repo, '.github/iam-refine.yml'), HONEST)
    writeFileSync(join(repo, 'findings.json'), '[]')
    chmodSync(join(repo, '.github/iam-refine.yml'), 0o000)
    chmodSync(root, 0o755)
    const asRoot = process.getuid?.() === 0
    const check = spawnSync(
      process.execPath,
      [resolve('dist/cli.js'), 'check', repo, '--findings', join(repo, 'findings.json')],
      { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) }
    )
    expect(check.stderr).toContain(
      `${join(repo, '.github/iam-refine.yml')}: cannot be read (permission denied)`
    )
    expect(check.status).toBe(2)
    // The control: readable again, the same command reads it.
    chmodSync(join(repo, '.github/iam-refine.yml'), 0o644)
    const honest = spawnSync(
      process.execPath,
      [resolve('dist/cli.js'), 'check', repo, '--findings', join(repo, 'findings.json')],
      { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) }
    )
    expect(honest.stderr).not.toContain('cannot be read')
    expect(honest.status).not.toBe(2)
  })
})
