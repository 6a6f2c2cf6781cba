import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cli } from './helpers/cli.js'

// The worked example of Amazon Science's post, kept in ../shared/examples/article and copied to
// __tests__/fixtures/article so that the tests do not depend on a folder outside the repository.
const dir = '__tests__/fixtures/article'
const expected = readFileSync(`${dir}/expected.json`, 'utf8')

describe('the worked example', () => {
  it.each(['unused.json', 'finding-getfindingv2.json'])(
    'refines policy.json with %s exactly',
    async findings => {
      const run = await cli(
        'refine',
        `${dir}/policy.json`,
        '--findings',
        `${dir}/${findings}`,
        '--catalog',
        `${dir}/catalog-2024.json`
      )
      expect(run.code).toBe(0)
      expect(JSON.parse(run.out)).toEqual(JSON.parse(expected))
      expect(run.out).toBe(`${JSON.stringify(JSON.parse(expected), null, 2)}\n`)
      expect(run.err).toContain('replaced s3:Get* by s3:GetAccess*')
    }
  )

  it('prints the same through the bundled dist/cli.js', () => {
    const out = execFileSync('node', [
      'dist/cli.js',
      'refine',
      `${dir}/policy.json`,
      '--findings',
      `${dir}/unused.json`,
      '--catalog',
      `${dir}/catalog-2024.json`
    ])
    expect(JSON.parse(out.toString())).toEqual(JSON.parse(expected))
  })

  it('keeps lambda:Invoke* and replaces s3:Get* with today’s bundled catalog too', async () => {
    const run = await cli('refine', `${dir}/policy.json`, '--findings', `${dir}/unused.json`)
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.out)
    expect(doc.Statement[0].Action).toEqual(['lambda:Invoke*'])
    // Newer s3:Get* actions that nobody reported unused stay allowed, as exact actions.
    expect(doc.Statement[1].Action).toEqual(
      expect.arrayContaining(['s3:GetObject*', 's3:List*', 's3:GetBucketAbac'])
    )
    expect(doc.Statement[1].Action).not.toContain('s3:Get*')
  })
})
