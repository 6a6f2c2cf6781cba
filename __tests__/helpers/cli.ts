import { runCli } from '../../src/commands/run.js'
import { installedParserFiles } from '../../src/io/terraform-parser.js'

/**
 * Runs the command line in process and captures what it prints. Run from src/, it loads the
 * Terraform parser from the installed packages (the bundle has copies next to it).
 */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, {
    out: t => void (out += t),
    err: t => void (err += t),
    parserFiles: installedParserFiles()
  })
  return { code, out, err }
}
