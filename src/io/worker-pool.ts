import { parentPort, Worker, workerData } from 'node:worker_threads'
import { ConfigurationError, InvariantError } from '../engine/errors.js'

/**
 * A few `node:worker_threads` workers running one module, each given the same start data once,
 * and tasks handed to the one with the fewest waiting. Tasks and results cross as structured
 * clones (plain data); an error thrown by a task comes back as the same kind of error with the
 * same message (`ConfigurationError`, `InvariantError`, or a plain `Error`), so that it ends the
 * run as it would have in process. A worker that dies (an uncaught error, an exit, running out of
 * memory) fails every task it held with a message saying so: no task waits forever.
 */
export class WorkerPool<Task, Result> {
  private readonly workers: PoolWorker[]
  private nextId = 0

  constructor(entry: URL, startData: unknown, size: number) {
    this.workers = Array.from({ length: size }, () => new PoolWorker(entry, startData))
  }

  run(task: Task): Promise<Result> {
    const worker = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    return worker.run(this.nextId++, task) as Promise<Result>
  }

  /** Stops every worker; tasks still held fail (nobody waits for them any more). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map(w => w.stop()))
  }
}

/** A task's answer from a worker: its result, or the error it threw, as plain data. */
type Answer =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: ThrownError }

interface ThrownError {
  readonly name: string
  readonly message: string
}

interface Waiting {
  readonly resolve: (result: unknown) => void
  readonly reject: (error: Error) => void
}

class PoolWorker {
  readonly pending = new Map<number, Waiting>()
  private readonly worker: Worker
  /** Why the worker is gone, once it is: later tasks fail with it at once. */
  private gone: Error | undefined

  constructor(entry: URL, startData: unknown) {
    this.worker = new Worker(entry, { workerData: startData })
    this.worker.on('message', (answer: Answer) => {
      const waiting = this.pending.get(answer.id)
      if (!waiting) return
      this.pending.delete(answer.id)
      if (answer.ok) waiting.resolve(answer.result)
      else waiting.reject(revive(answer.error))
    })
    this.worker.on('error', error => this.fail(`failed: ${error.message}`))
    this.worker.on('exit', code => this.fail(`stopped (exit code ${code})`))
  }

  run(id: number, task: unknown): Promise<unknown> {
    if (this.gone) return Promise.reject(this.gone)
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ id, task })
    })
  }

  async stop(): Promise<void> {
    this.gone ??= new Error('the worker threads were stopped')
    await this.worker.terminate()
  }

  private fail(what: string): void {
    this.gone ??= new Error(`a worker thread refining files ${what}`)
    for (const waiting of this.pending.values()) waiting.reject(this.gone)
    this.pending.clear()
  }
}

/** The error a task threw in a worker, as the main thread would have thrown it. */
function revive(thrown: ThrownError): Error {
  if (thrown.name === 'ConfigurationError') return new ConfigurationError(thrown.message)
  if (thrown.name === 'InvariantError') {
    // Its constructor wraps the message; the one thrown was wrapped already.
    return Object.assign(new InvariantError(''), { message: thrown.message })
  }
  return Object.assign(new Error(thrown.message), { name: thrown.name })
}

/**
 * A worker's side of `WorkerPool`: `start` is called once with the pool's start data, and what
 * it returns answers each task in turn. Runs in the module a pool's `entry` names.
 */
export function serveTasks<Task, Result>(
  start: (data: unknown) => Promise<(task: Task) => Result | Promise<Result>>
): void {
  const port = parentPort
  if (!port) throw new Error('serveTasks runs in a worker thread')
  // Tasks arrive in order and are answered in order: the first waits for the start.
  let chain: Promise<unknown> = Promise.resolve()
  const handler = start(workerData)
  // A failed start is every task's answer (below), not an uncaught rejection ending the worker.
  handler.catch(() => undefined)
  port.on('message', ({ id, task }: { id: number; task: Task }) => {
    chain = chain.then(async () => {
      try {
        port.postMessage({ id, ok: true, result: await (await handler)(task) } satisfies Answer)
      } catch (error) {
        // thrown by the task, or by the clone of a result that is not plain data (a bug)
        const e = error instanceof Error ? error : new Error(String(error))
        port.postMessage({
          id,
          ok: false,
          error: { name: e.name, message: e.message }
        } satisfies Answer)
      }
    })
  })
}
