import { runCli } from '../../src/commands/run.js'

/** Runs the command line in process and captures what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, { out: t => void (out += t), err: t => void (err += t) })
  return { code, out, err }
}
