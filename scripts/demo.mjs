// `npm run demo`: the worked example of examples/article/ through the committed command line
// (dist/cli.js, so a fresh clone needs no build), with the bundled catalog. It prints what
// `iam-refine check` prints, colored, then which entries stayed. `check` exits 1 while unused
// permissions remain: that is the expected outcome here, so the demo succeeds on 0 and 1.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const policy = 'examples/article/policy.json'
const findings = 'examples/article/unused.json'
const principal = 'arn:aws:iam::123456789012:role/MyRole'
const args = ['dist/cli.js', 'check', policy, '--findings', findings, '--principal', principal]

// no-color.org: NO_COLOR set and not empty turns color off; FORCE_COLOR turns it on off a TTY.
const noColor = (process.env.NO_COLOR ?? '') !== ''
const forced = !['', '0', 'false'].includes(process.env.FORCE_COLOR ?? '')
const color = !noColor && (process.stdout.isTTY === true || forced)
const paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text)
const bold = text => paint('1', text)
const dim = text => paint('2', text)
const red = text => paint('31', text)
const green = text => paint('32', text)
const cyan = text => paint('36', text)

function run(extra = []) {
  const result = spawnSync(process.execPath, [...args, ...extra], { cwd: root, encoding: 'utf8' })
  if (result.error) throw result.error
  if (result.status !== 0 && result.status !== 1) {
    process.stderr.write(result.stderr)
    process.stderr.write(`demo: iam-refine check exited ${result.status}\n`)
    process.exit(result.status ?? 1)
  }
  return result
}

function colorLine(line) {
  if (line.startsWith('--- ') || line.startsWith('+++ ')) return bold(line)
  if (line.startsWith('@@')) return cyan(line)
  if (line.startsWith('-')) return red(line)
  if (line.startsWith('+')) return green(line)
  if (line.startsWith(' ')) return line.startsWith('  Statement') ? dim(line) : line
  if (line.startsWith('iam-refine:')) return bold(line)
  return line
}

const text = run()
const report = JSON.parse(run(['--format', 'json']).stdout)

// The diff shows kept entries only as context lines; say them outright, beside the reasons.
const kept = []
for (const file of report.files) {
  for (const p of file.policies) {
    for (const s of p.statements) {
      const changed = new Set(s.changes.map(c => c.entry.toLowerCase()))
      const entries = s.before.filter(e => !changed.has(e.toLowerCase()))
      if (entries.length === 0 || s.changes.length === 0) continue
      const label = s.sid !== undefined ? `Statement "${s.sid}"` : `Statement #${s.index + 1}`
      const they = entries.length === 1 ? 'it allows' : 'they allow'
      kept.push(`  ${label}: kept ${entries.join(', ')}: no action ${they} is reported unused`)
    }
  }
}

console.log(bold("iam-refine demo: the worked example of Amazon Science's post"))
console.log(dim(`role ${principal}; unused actions: ${findings}; catalog: ${catalogName(report)}`))
console.log(dim(`$ node ${args.join(' ')}`))
console.log('')
for (const line of text.stdout.trimEnd().split('\n')) {
  if (line.startsWith('iam-refine:')) for (const k of kept) console.log(dim(k))
  console.log(colorLine(line))
}
if (text.stderr.trim() !== '') process.stderr.write(dim(text.stderr))

function catalogName(r) {
  const { source, updatedAt } = r.catalog
  return updatedAt ? `${source} (${updatedAt.slice(0, 10)})` : source
}
