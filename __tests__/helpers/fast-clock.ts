import { afterAll, beforeAll, jest } from '@jest/globals'

/**
 * The throttling plugin spaces GitHub writes (and GraphQL queries) 1 to 3 seconds apart, as GitHub
 * asks. Tests keep that behaviour on a clock that runs 100 times faster: only setTimeout and Date
 * are faked, and a real interval moves them on. Install it once per test file, because the
 * plugin's limiters are shared by every client and would wait for a clock set back between tests.
 */
export function useFastClock(): void {
  let pump: ReturnType<typeof setInterval> | undefined
  beforeAll(() => {
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval'
      ]
    })
    pump = setInterval(() => jest.advanceTimersByTime(100), 1)
  })
  afterAll(() => {
    clearInterval(pump)
    jest.useRealTimers()
  })
}
