/**
 * A child process for __tests__/fd-writer.test.ts: writes `count` numbered lines to its stdout
 * through src/io/fd-writer.ts, then `done` to its stderr the same way. With `nonblocking`, it
 * first touches process.stdout, which (for a pipe) makes the descriptor non-blocking, as a
 * process may inherit it: the writes then meet EAGAIN whenever the reader is behind.
 */
import { fdWriter } from '../../src/io/fd-writer.js'

const [count, mode] = process.argv.slice(2)
if (mode === 'nonblocking') void process.stdout
const out = fdWriter(1)
for (let i = 0; i < Number(count); i++) out(`line ${i} ${'é€𝄞'.repeat(i % 7)}\n`)
fdWriter(2)('done\n')
