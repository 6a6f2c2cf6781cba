/**
 * A sweep run in the test's own process (through the real Octokit, against the loopback server),
 * with the inputs the end-to-end tests give dist/index.js: it sets up the state a later run of the
 * bundle meets (an open sweep pull request) on the test's fast clock, instead of spending a
 * bundled run on it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadFindingsFiles } from '../../src/findings/load.js'
import { createGitHubClients } from '../../src/github/client.js'
import { catalogFromInput } from '../../src/io/live-catalog.js'
import { installedParserFiles } from '../../src/io/terraform-parser.js'
import { recordingLogger } from '../../src/logger.js'
import { parseConfig } from '../../src/sources/config.js'
import { sweepWorkspace, type SweepModeOutcome } from '../../src/sweep-mode.js'

export async function sweepInProcess(
  apiUrl: string,
  workspace: string,
  branch = 'iam-refine/least-privilege'
): Promise<SweepModeOutcome> {
  const logger = recordingLogger()
  return sweepWorkspace({
    clients: createGitHubClients('test-token', logger, apiUrl),
    repository: 'acme/infra',
    serverUrl: 'https://github.com',
    workspace,
    config: parseConfig(
      readFileSync(join(workspace, '.github/iam-refine.yml'), 'utf8'),
      '.github/iam-refine.yml'
    ),
    catalog: await catalogFromInput(join(workspace, 'catalog.json'), { warn: () => undefined }),
    findings: await loadFindingsFiles([join(workspace, 'findings/findings.json')]),
    paths: [],
    // Run from src/, the Terraform parser is the installed package's, not the bundle's copy.
    parserFiles: installedParserFiles(),
    branch,
    title: 'iam-refine: remove unused IAM permissions',
    labels: ['security', 'iam-refine'],
    forcePush: false,
    logger
  })
}
