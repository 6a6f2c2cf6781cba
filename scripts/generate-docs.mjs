// Writes the generated parts of README.md, each between its markers:
// - <!-- inputs:start --> / <!-- inputs:end --> and <!-- outputs:start --> / <!-- outputs:end -->:
//   the inputs and outputs tables, from action.yml;
// - <!-- comment-example:start --> / <!-- comment-example:end -->: a review comment as the action
//   posts it for the worked example (scripts/docs/comment-example.ts, run from the sources).
// `--check` changes nothing and fails when the README is stale (CI runs it).
import { bundleForNode } from './esbuild-node.mjs'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const cell = text =>
  String(text ?? '')
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
const code = text => (text === undefined || text === '' ? '' : `\`${cell(text)}\``)

const inputs = [
  '| input | description | default |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs ?? {}).map(
    ([name, i]) =>
      `| \`${name}\` | ${cell(i.description)}${i.required ? ' (required)' : ''} | ${code(i.default)} |`
  )
].join('\n')
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs ?? {}).map(
    ([name, o]) => `| \`${name}\` | ${cell(o.description)} |`
  )
].join('\n')

/** The comment body, fenced with more backticks than any run inside it. */
async function commentExample() {
  const dir = mkdtempSync(join(tmpdir(), 'iam-refine-docs-'))
  try {
    const out = join(dir, 'comment-example.mjs')
    await bundleForNode('scripts/docs/comment-example.ts', out)
    const body = (await import(pathToFileURL(out).href)).commentExample('.')
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map(run => run.length))
    const fence = '`'.repeat(Math.max(3, longest + 1))
    return `${fence}markdown\n${body}\n${fence}`
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const readme = readFileSync('README.md', 'utf8')
const replace = (text, tag, content) => {
  const start = `<!-- ${tag}:start -->`
  const end = `<!-- ${tag}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} ... ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}
let next = replace(replace(readme, 'inputs', inputs), 'outputs', outputs)
next = replace(next, 'comment-example', await commentExample())
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error(
      'README.md is stale (the inputs/outputs tables of action.yml, or the example comment): ' +
        'run `npm run docs` and commit.'
    )
    process.exit(1)
  }
} else if (next !== readme) {
  writeFileSync('README.md', next)
}
