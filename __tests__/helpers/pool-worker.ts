// A worker for __tests__/worker-pool.test.ts, bundled by the test: it answers tasks through the
// pool's real protocol (src/io/worker-pool.ts `serveTasks`) and fails in each way a worker can.
import { ConfigurationError, InvariantError } from '../../src/engine/errors.js'
import { serveTasks } from '../../src/io/worker-pool.js'

export type PoolTask =
  | { readonly echo: string }
  | { readonly configuration: string }
  | { readonly invariant: string }
  | { readonly type: string }
  | { readonly exit: number }
  | { readonly uncaught: string }
  | { readonly notCloneable: true }

serveTasks<PoolTask, unknown>(async data => {
  const start = data as { readonly prefix: string; readonly failStart?: string }
  if (start.failStart !== undefined) throw new ConfigurationError(start.failStart)
  return task => {
    if ('echo' in task) return `${start.prefix}${task.echo}`
    if ('configuration' in task) throw new ConfigurationError(task.configuration)
    if ('invariant' in task) throw new InvariantError(task.invariant)
    if ('type' in task) throw new TypeError(task.type)
    if ('exit' in task) process.exit(task.exit)
    if ('uncaught' in task) {
      setTimeout(() => {
        throw new Error(task.uncaught)
      })
      return new Promise(() => undefined)
    }
    return { prove: () => undefined }
  }
})
