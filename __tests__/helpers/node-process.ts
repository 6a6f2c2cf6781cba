/**
 * Runs a script with this Node as a child process and collects what it prints: how the end-to-end
 * tests run the bundled command line (`dist/cli.js`) from a copy of `dist/`.
 */
import { spawn } from 'node:child_process'

export interface ProcessRun {
  readonly code: number
  readonly out: string
  readonly err: string
}

export function runNode(
  args: readonly string[],
  options: { readonly env: Record<string, string | undefined>; readonly cwd: string }
): Promise<ProcessRun> {
  const child = spawn(process.execPath, [...args], { env: options.env, cwd: options.cwd })
  let out = ''
  let err = ''
  child.stdout.on('data', d => (out += d))
  child.stderr.on('data', d => (err += d))
  return new Promise(done => child.on('close', code => done({ code: code ?? -1, out, err })))
}
