// `npm run bench`: bundles each scripts/bench/*.ts with esbuild into .bench/ and runs it with node,
// in name order. Each prints its own numbers. Benchmarks measure; they assert nothing about time.
import { bundleForNode } from './esbuild-node.mjs'
import { readdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

const only = process.argv.slice(2)
const files = readdirSync('scripts/bench')
  .filter(f => f.endsWith('.ts'))
  .filter(f => only.length === 0 || only.some(o => f.includes(o)))
  .sort()
for (const file of files) {
  const out = `.bench/${file.replace(/\.ts$/, '.mjs')}`
  await bundleForNode(`scripts/bench/${file}`, out)
  console.log(`\n## ${file}`)
  execFileSync('node', [out], { stdio: 'inherit' })
}
