/**
 * Bounds on the work one input may cause. A pull request controls its files, so without them a
 * few kilobytes could keep the runner busy for minutes and fill its memory (12,000 `"Action":
 * "*"` statements once ran 198 s, reached 3 GiB and crashed). Each is far above what a real policy
 * needs, with its reason.
 */

/**
 * Universe actions the wildcard entries of one file may match, summed over every entry (the cost
 * of refining is linear in it): about 22 times `*` against the full catalog of ~22,000 actions. A
 * real template matches a few thousand; past this the file is reported as too large to check.
 */
export const MAX_MATCHED_ACTIONS_PER_FILE = 500_000

/**
 * Entries a refinement may emit for one policy. The largest IAM quota (10,240 characters for a
 * role's inline policies, without white space) holds at most about 900 of the shortest entries
 * (`"a:B",` is 6 characters): a refinement past this could never be deployed, so it is reported as
 * too large to suggest (detach or rewrite the policy) instead of being computed and rendered.
 */
export const MAX_ENTRIES_PER_POLICY = 2_000

/**
 * Statements in one file. IAM's largest quota holds about 200 minimal statements per principal;
 * a template of a hundred roles holds a few hundred. Past this the file is not one anyone
 * reviews by hand, and it is reported as too large to check.
 */
export const MAX_STATEMENTS_PER_FILE = 5_000

/**
 * Seconds one file may take to refine, a last bound behind the others (checked between
 * policies): the rest of the file is reported as not checked.
 */
export const MAX_SECONDS_PER_FILE = 30
