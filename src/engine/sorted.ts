/**
 * Searches in arrays of strings sorted by code unit. The engine asks them thousands of questions
 * per policy (a refined `*` has ~2,000 entries, each a range to find, check and find again), and
 * mostly in order: each answer lies close to the one before. So every search can start from a
 * position it expects the answer near and gallop outwards (1, 2, 4, ... places) before bisecting,
 * which costs O(log d) comparisons for an answer d places away instead of O(log n). The hint only
 * changes how fast the answer is found, never the answer.
 */

/** The first position in [from, to) whose string is not below `key` (`to` if none). */
export function lowerBound(
  sorted: readonly string[],
  key: string,
  from = 0,
  to = sorted.length
): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] as string) < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Probes a gallop makes before it gives up on the hint (1, 2, 4, 8 and 16 places away): past
 * that the answer is far, and a plain bisection of the rest costs no more than it would have.
 */
export const GALLOP_PROBES = 5

/** `lowerBound`, searched outwards from `near`. */
export function lowerBoundNear(
  sorted: readonly string[],
  key: string,
  near: number,
  from = 0,
  to = sorted.length
): number {
  const at = Math.min(Math.max(near, from), to)
  let step = 1
  if (at < to && (sorted[at] as string) < key) {
    // Past `at`: every position below `lo` is below the key.
    let lo = at + 1
    let probe = lo
    for (let n = 0; n < GALLOP_PROBES; n++) {
      if (probe >= to || !((sorted[probe] as string) < key)) {
        return lowerBound(sorted, key, lo, Math.min(probe, to))
      }
      lo = probe + 1
      probe = lo + step
      step *= 2
    }
    return lowerBound(sorted, key, lo, to)
  }
  // At or before `at`: no position from `hi` on is below the key.
  let hi = at
  let probe = hi - 1
  for (let n = 0; n < GALLOP_PROBES; n++) {
    if (probe <= from || (sorted[probe] as string) < key) {
      return lowerBound(sorted, key, Math.max(probe, from), hi)
    }
    hi = probe
    probe = hi - step
    step *= 2
  }
  return lowerBound(sorted, key, from, hi)
}

/**
 * The positions of [from, to) whose strings start with `prefix`, as a half-open range; they are
 * contiguous in sorted order, so this is where they begin (searched outwards from `near`) and how
 * far they go on (galloping from there).
 */
export function prefixRange(
  sorted: readonly string[],
  prefix: string,
  from = 0,
  to = sorted.length,
  near = from
): [number, number] {
  const lo = lowerBoundNear(sorted, prefix, near, from, to)
  if (prefix === '') return [lo, to]
  // Every position of [lo, known) starts with the prefix.
  let known = lo
  let probe = lo
  let step = 1
  while (probe < to && (sorted[probe] as string).startsWith(prefix)) {
    known = probe + 1
    probe = known + step
    step *= 2
  }
  let hi = Math.min(probe, to)
  while (known < hi) {
    const mid = (known + hi) >>> 1
    if ((sorted[mid] as string).startsWith(prefix)) known = mid + 1
    else hi = mid
  }
  return [lo, known]
}
