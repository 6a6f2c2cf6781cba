import { reportFailure } from './guard.js'
import { EXIT, type Command, type Io } from './io.js'

const USAGE = `usage: iam-refine <command> [options]

commands:
  refine POLICY.json --findings FILE... [--principal ARN]... [--catalog FILE]
      print the least-privilege refinement of one policy document
  check [PATH...] --findings FILE... [--config FILE] [--catalog FILE] [--fix]
        [--format text|json|sarif|markdown] [--link-base URL] [--principal ARN]...
        [--verify-with-aws] [--fail-on unused-or-unchecked|unused|never]
      find the policies in JSON files, CloudFormation/SAM templates and Terraform, refine them
      and show the change as a diff (or JSON, SARIF, or the body of the sweep's pull request);
      --fix writes it
  findings export [--analyzer-arn ARN] [--principal ARN]... [--out FILE]
                  [--last-accessed ARN... [--unused-days N]]
      write the active unused-access findings from AWS as a findings file

exit codes: 0 done, 1 unused permissions remain (check), 2 usage or configuration error,
            3 an internal guarantee failed (a bug: nothing was suggested)`

// Loaded on demand: only `findings` needs the AWS SDK, and `refine` should start fast. Each is the
// command guarded by its own module (./guard.ts): in dist/ they are separate bundles.
const COMMANDS: Record<string, () => Promise<Command>> = {
  refine: async () => (await import('./refine.js')).main,
  check: async () => (await import('./check.js')).main,
  findings: async () => (await import('./findings.js')).main
}

/** Runs the command line; the only place that prints or exits. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${USAGE}\n`)
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!load) {
    io.err(`iam-refine: unknown command "${name}"\n${USAGE}\n`)
    return EXIT.usage
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${USAGE}\n`)
    return EXIT.ok
  }
  try {
    const command = await load()
    return await command(rest, io)
  } catch (error) {
    // The command's own failures end in its guard; what arrives here is a module that did not load.
    return reportFailure(error, io)
  }
}
