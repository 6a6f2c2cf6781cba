import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ConfigurationError
} from "./chunk-SYRML5ZZ.mjs";
import "./chunk-NNKK245H.mjs";

// src/io/terraform-parser.ts
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
var RUNTIME_WASM = "web-tree-sitter.wasm";
var GRAMMAR_WASM = "tree-sitter-terraform.wasm";
function bundledParserFiles(moduleUrl = import.meta.url) {
  return {
    runtime: fileURLToPath(new URL(RUNTIME_WASM, moduleUrl)),
    grammar: fileURLToPath(new URL(GRAMMAR_WASM, moduleUrl))
  };
}
function installedParserFiles() {
  const require2 = createRequire(import.meta.url);
  return {
    runtime: require2.resolve("web-tree-sitter/web-tree-sitter.wasm"),
    grammar: require2.resolve(`@tree-sitter-grammars/tree-sitter-hcl/${GRAMMAR_WASM}`)
  };
}
var loaded = /* @__PURE__ */ new Map();
function loadTerraformParser(files) {
  const key = `${files.runtime}\0${files.grammar}`;
  let parser = loaded.get(key);
  if (!parser) {
    parser = initialise(files);
    loaded.set(key, parser);
    parser.catch(() => loaded.delete(key));
  }
  return parser;
}
async function initialise(files) {
  const runtime = await readWasm(files.runtime, "the tree-sitter runtime");
  const grammar = await readWasm(files.grammar, "the Terraform grammar");
  const { Language, Parser } = await import("./web-tree-sitter-HRM6BWGX.mjs");
  try {
    await Parser.init({ wasmBinary: runtime });
    const language = await Language.load(grammar);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  } catch (error) {
    throw new ConfigurationError(
      `cannot start the Terraform parser from ${files.runtime} and ${files.grammar}: ${error.message}`
    );
  }
}
async function readWasm(path, what) {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = error.code;
    throw new ConfigurationError(
      `${path}: cannot read ${what} (${code === "ENOENT" ? "no such file" : code ?? String(error)}); it must sit next to the bundle (npm run bundle copies it into dist/)`
    );
  }
}
export {
  GRAMMAR_WASM,
  RUNTIME_WASM,
  bundledParserFiles,
  installedParserFiles,
  loadTerraformParser
};
