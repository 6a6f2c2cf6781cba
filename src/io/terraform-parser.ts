import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { ConfigurationError } from '../engine/errors.js'
import type { HclParser } from '../sources/terraform/hcl.js'

/**
 * The Terraform parser: web-tree-sitter's runtime and the Terraform grammar of
 * @tree-sitter-grammars/tree-sitter-hcl, two WebAssembly files read from disk here, at the edge,
 * so that src/sources/terraform/ stays pure (docs/adr/0016-terraform.md). Loaded only when a run
 * meets a Terraform file: JSON and YAML runs never pay for it.
 */

/** Where the two WebAssembly files are. */
export interface ParserFiles {
  /** web-tree-sitter's own runtime. */
  readonly runtime: string
  /** The Terraform dialect of the HCL grammar. */
  readonly grammar: string
}

/** The names scripts/bundle.mjs gives the copies it puts next to the bundles in dist/. */
export const RUNTIME_WASM = 'web-tree-sitter.wasm'
export const GRAMMAR_WASM = 'tree-sitter-terraform.wasm'

/** The copies next to the running bundle (`dist/cli.js`, `dist/index.js`). */
export function bundledParserFiles(moduleUrl: string = import.meta.url): ParserFiles {
  return {
    runtime: fileURLToPath(new URL(RUNTIME_WASM, moduleUrl)),
    grammar: fileURLToPath(new URL(GRAMMAR_WASM, moduleUrl))
  }
}

/** The files of the installed packages: for code run from src/ (tests, benchmarks). */
export function installedParserFiles(): ParserFiles {
  const require = createRequire(import.meta.url)
  return {
    runtime: require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
    grammar: require.resolve(`@tree-sitter-grammars/tree-sitter-hcl/${GRAMMAR_WASM}`)
  }
}

const loaded = new Map<string, Promise<HclParser>>()

/** The parser, initialised once per process and set of files. */
export function loadTerraformParser(files: ParserFiles): Promise<HclParser> {
  const key = `${files.runtime}\u0000${files.grammar}`
  let parser = loaded.get(key)
  if (!parser) {
    parser = initialise(files)
    loaded.set(key, parser)
    parser.catch(() => loaded.delete(key))
  }
  return parser
}

async function initialise(files: ParserFiles): Promise<HclParser> {
  const runtime = await readWasm(files.runtime, 'the tree-sitter runtime')
  const grammar = await readWasm(files.grammar, 'the Terraform grammar')
  const { Language, Parser } = await import('web-tree-sitter')
  try {
    await Parser.init({ wasmBinary: runtime })
    const language = await Language.load(grammar)
    const parser = new Parser()
    parser.setLanguage(language)
    return parser
  } catch (error) {
    throw new ConfigurationError(
      `cannot start the Terraform parser from ${files.runtime} and ${files.grammar}: ${(error as Error).message}`
    )
  }
}

async function readWasm(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path))
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new ConfigurationError(
      `${path}: cannot read ${what} (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}); ` +
        'it must sit next to the bundle (npm run bundle copies it into dist/)'
    )
  }
}
