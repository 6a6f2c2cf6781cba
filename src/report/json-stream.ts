import type { FileReport, Report, Totals } from './json-report.js'
import { sarifResults, toSarif, type SarifLog } from './sarif.js'

/**
 * The JSON report and the SARIF log written one file at a time, so that `check` holds one file's
 * report, not all of them: the text is byte for byte `JSON.stringify(document, null, 2)` of the
 * whole document, each piece written as soon as it is known. Every piece starts at a line start,
 * with `,` or with `]`, so the command line's per-line neutralizing of workflow commands reads
 * the pieces as it would read the whole.
 */

/** Two spaces per level, as `JSON.stringify(value, null, 2)` indents. */
const INDENT = '  '

/** `JSON.stringify(value, null, 2)` of a value that sits `depth` levels deep in a document. */
function jsonAt(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${INDENT.repeat(depth)}`)
}

/** Members of an object at `depth`, each on its line, as stringify writes them (no separators). */
function members(object: Record<string, unknown>, depth: number): string[] {
  return Object.entries(object)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${INDENT.repeat(depth)}${JSON.stringify(key)}: ${jsonAt(value, depth)}`)
}

/** An array whose items are written one by one, its items at `depth`. */
class StreamedArray {
  private written = 0
  constructor(private readonly depth: number) {}

  item(value: unknown): string {
    const separator = this.written++ === 0 ? '' : ','
    return `${separator}\n${INDENT.repeat(this.depth)}${jsonAt(value, this.depth)}`
  }

  close(): string {
    return this.written === 0 ? ']' : `\n${INDENT.repeat(this.depth - 1)}]`
  }
}

/** The JSON report (`check --format json`), one file report at a time. */
export class JsonReportStream {
  private readonly files = new StreamedArray(2)
  constructor(private readonly meta: Pick<Report, 'catalog' | 'fixed' | 'notes'>) {}

  /** Everything before the first file report. */
  begin(): string {
    const head: Omit<Report, 'files' | 'notes' | 'totals'> = {
      version: 1,
      tool: 'iam-refine',
      catalog: this.meta.catalog,
      fixed: this.meta.fixed
    }
    return `{\n${members(head, 1)
      .map(m => `${m},\n`)
      .join('')}${INDENT}"files": [`
  }

  file(report: FileReport): string {
    return this.files.item(report)
  }

  /** The rest, once the totals of every file are known; the line break the command prints. */
  end(totals: Totals): string {
    const tail = members({ notes: this.meta.notes, totals }, 1)
    return `${this.files.close()},\n${tail.join(',\n')}\n}\n`
  }
}

/** The SARIF log (`check --format sarif`), the results of one file report at a time. */
export class SarifStream {
  private readonly results = new StreamedArray(4)
  constructor(private readonly toolVersion?: string) {}

  /** Everything before the first result: the log of no file, up to its `results`. */
  begin(): string {
    const empty: SarifLog = toSarif({ files: [] }, this.toolVersion)
    const { results: _results, ...run } = empty.runs[0] as SarifLog['runs'][number]
    const head = members({ $schema: empty.$schema, version: empty.version }, 1)
    return (
      `{\n${head.map(m => `${m},\n`).join('')}${INDENT}"runs": [\n${INDENT.repeat(2)}{\n` +
      `${members(run, 3)
        .map(m => `${m},\n`)
        .join('')}${INDENT.repeat(3)}"results": [`
    )
  }

  file(report: FileReport): string {
    return sarifResults(report)
      .map(r => this.results.item(r))
      .join('')
  }

  /** The rest; the line break the command prints. */
  end(): string {
    return `${this.results.close()}\n${INDENT.repeat(2)}}\n${INDENT}]\n}\n`
  }
}
