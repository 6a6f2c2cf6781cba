/**
 * A scratch folder for one test file, and the listing its fixture tests compare: made before the
 * file's tests run, removed after them.
 */
import { afterAll, beforeAll } from '@jest/globals'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

export interface Scratch {
  /** The folder (only once the file's tests have started). */
  readonly path: string
  /** A copy of the folder `from`, as `name` inside the scratch folder; its path. */
  copy(from: string, name: string): string
}

/** Registers the folder's making and removal with the calling test file's hooks. */
export function scratchFolder(prefix: string): Scratch {
  let path: string | undefined
  beforeAll(() => {
    path = mkdtempSync(join(tmpdir(), `iam-refine-${prefix}-`))
  })
  afterAll(() => {
    if (path) rmSync(path, { recursive: true, force: true })
  })
  const scratch: Scratch = {
    get path(): string {
      if (path === undefined) throw new Error('the scratch folder exists only while tests run')
      return path
    },
    copy(from: string, name: string): string {
      const dir = join(scratch.path, name)
      cpSync(from, dir, { recursive: true })
      return dir
    }
  }
  return scratch
}

/** Every file below `dir`, as sorted paths relative to it. */
export function filesUnder(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out.push(relative(dir, p))
    }
  }
  walk(dir)
  return out.sort()
}
