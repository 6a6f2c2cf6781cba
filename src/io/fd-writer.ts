import { nodeRequire } from './node-require.js'

// Taken with require, as in src/io/files.ts: an ES import of node:fs loads fs/promises and what it
// loads.
const { writeSync } = nodeRequire('node:fs') as typeof import('node:fs')

/**
 * How long to wait before writing again to a descriptor that is not ready (EAGAIN): one the
 * process inherited non-blocking, whose reader is behind. There is no bound, as there is none on
 * a blocking write to a reader that never reads.
 */
export const RETRY_AFTER_MS = 1

/** Writes text to one descriptor; `failure` is why a write failed, once one has. */
export interface FdWriter {
  write(text: string): void
  /** The error code (ENOSPC, EBADF, …) of the first write that failed; nothing after it is written. */
  readonly failure: string | undefined
}

/**
 * Writes text to one of the process's descriptors (1 or 2) with the synchronous call, all of it.
 *
 * The command line writes this way rather than through process.stdout: the first touch of
 * process.stdout builds a stream, and loads node:stream and everything under it, about 3 ms of a
 * `refine` or `--help` on Node 24 (docs/adr/0022-bundle-layout.md). On Linux Node writes its
 * stdout to files and pipes synchronously anyway. A write that takes only part of the text is
 * continued; one that meets a full non-blocking descriptor is retried after RETRY_AFTER_MS. Once
 * the reader is gone (EPIPE, as `iam-refine check | head` ends) nothing more is written, quietly:
 * the reader chose to stop, and a stream would have crashed the process with a stack trace. Any
 * other error (a full disk, ENOSPC; a closed descriptor, EBADF) ends the writing too and is kept in
 * `failure`, for the caller to report and to fail the run with (src/cli.ts): the output is lost.
 */
export function fdWriter(fd: number): FdWriter {
  let gone = false
  let failure: string | undefined
  return {
    get failure() {
      return failure
    },
    write(text) {
      if (gone || failure !== undefined) return
      const bytes = Buffer.from(text, 'utf8')
      let offset = 0
      while (offset < bytes.length) {
        try {
          offset += writeSync(fd, bytes, offset)
        } catch (error) {
          const code = (error as { code?: string }).code
          if (code === 'EAGAIN') sleep(RETRY_AFTER_MS)
          else {
            if (code === 'EPIPE') gone = true
            else failure = code ?? String(error)
            return
          }
        }
      }
    }
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4))
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms)
}
