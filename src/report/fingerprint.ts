/**
 * Fingerprints that let a re-run recognise its own comments. Pure: the caller passes the hash
 * function (src/github/review-comments.ts passes SHA-256 from node:crypto), so this module stays
 * free of I/O and the tests can pass any function.
 */

/** A hash of text as hexadecimal, e.g. SHA-256. */
export type Hash = (text: string) => string

/** What makes a comment the same comment on a re-run. Line numbers are left out on purpose. */
export interface FingerprintParts {
  /** The file's path in the repository. */
  readonly file: string
  /** Where the policy (or policies) sit in the file. */
  readonly policy: string
  /** The statement(s) the comment is about, e.g. `Statement "S3"`. */
  readonly statement: string
  /** The suggestion's replacement text; for a comment without a suggestion, what it recommends. */
  readonly suggestion: string
}

/** How many hexadecimal digits of the hash a fingerprint keeps: 64 bits, plenty per pull request. */
const LENGTH = 16

export function fingerprint(parts: FingerprintParts, hash: Hash): string {
  // JSON keeps the fields apart, so no two different tuples give the same text.
  const text = JSON.stringify([parts.file, parts.policy, parts.statement, parts.suggestion])
  return hash(text).slice(0, LENGTH)
}

const MARKER = /<!-- iam-refine:fp=([0-9a-f]+)( outdated)? -->/

/** The hidden marker a review comment carries. */
export function fingerprintMarker(fp: string): string {
  return `<!-- iam-refine:fp=${fp} -->`
}

/** The marker of a comment that no longer applies: still ours, no longer counted as live. */
export function outdatedMarker(fp: string): string {
  return `<!-- iam-refine:fp=${fp} outdated -->`
}

/** The fingerprint a comment body carries, and whether it was marked outdated. */
export function readMarker(body: string): { fingerprint: string; outdated: boolean } | undefined {
  const m = MARKER.exec(body)
  return m ? { fingerprint: m[1]!, outdated: m[2] !== undefined } : undefined
}

/** The marker of the one summary comment on the pull request. */
export const SUMMARY_MARKER = '<!-- iam-refine:summary -->'
