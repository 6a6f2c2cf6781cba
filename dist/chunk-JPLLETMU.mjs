import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseFindings,
  readJsonFile
} from "./chunk-MBW5WFYS.mjs";
import {
  combineFindings
} from "./chunk-2C3UKXPJ.mjs";

// src/findings/source.ts
function filesSource(paths) {
  return {
    description: `findings files ${paths.join(", ")}`,
    async load() {
      const parsed = [];
      for (const path of paths) {
        parsed.push(parseFindings(await readJsonFile(path, "findings file"), path));
      }
      return parsed;
    }
  };
}
async function loadFindingsSources(sources) {
  const parsed = [];
  for (const source of sources) parsed.push(...await source.load());
  return combineFindings(parsed);
}

export {
  filesSource,
  loadFindingsSources
};
