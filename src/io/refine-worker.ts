// A worker thread of `check` (src/io/refine-tree.ts `WorkerPool`): refines the files it is sent
// with the findings, configuration and context it was started with, and answers each with the
// file's outcome as plain data. Bundled as dist/refine-worker.js (scripts/bundle.mjs).
import { workerRefiner, type WorkerStart } from './refine-tree.js'
import { serveTasks } from './worker-pool.js'

serveTasks(data => workerRefiner(data as WorkerStart))
