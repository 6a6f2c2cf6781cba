/**
 * A child process for __tests__/fd-writer.test.ts: writes `count` numbered lines to its stdout
 * through src/io/fd-writer.ts, then `done` to its stderr the same way. With `nonblocking`, it
 * first touches process.stdout, which (for a pipe, on Linux) makes the descriptor non-blocking, as
 * a process may inherit it: the writes then meet EAGAIN whenever the reader is behind. It says on
 * stderr first whether descriptor 1 is non-blocking (O_NONBLOCK in /proc/self/fdinfo/1), so that
 * the test knows it tested that.
 */
import { readFileSync } from 'node:fs'
import { fdWriter } from '../../src/io/fd-writer.js'

const O_NONBLOCK = 0o4000
const [count, mode] = process.argv.slice(2)
if (mode === 'nonblocking') void process.stdout
const flags = /^flags:\s+(\d+)$/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'))?.[1]
const err = fdWriter(2)
err.write(`nonblocking=${flags === undefined ? '?' : (parseInt(flags, 8) & O_NONBLOCK) !== 0}\n`)
const out = fdWriter(1)
for (let i = 0; i < Number(count); i++) out.write(`line ${i} ${'é€𝄞'.repeat(i % 7)}\n`)
err.write(out.failure === undefined ? 'done\n' : `failed ${out.failure}\n`)
