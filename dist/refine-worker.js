// check's worker threads (src/io/refine-tree.ts starts dist/refine-worker.js), an ES module.
import("./refine-worker.mjs")
