import * as core from '@actions/core'
import { logLine } from './report/log-line.js'

/** Where a message points in the repository, for annotations on the pull request's files. */
export interface AnnotationTarget {
  readonly title?: string
  readonly file?: string
  readonly startLine?: number
  readonly endLine?: number
}

/**
 * How the action reports what it does. GitHub helpers take one, so that tests can record what was
 * said; `actionsLogger` writes to the run log and creates annotations.
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  /** A warning annotation when `target` is given (GitHub shows 10 per step). */
  warning(message: string, target?: AnnotationTarget): void
  error(message: string, target?: AnnotationTarget): void
  /** A notice annotation: a separate allowance of 10 per step. */
  notice(message: string, target?: AnnotationTarget): void
}

/**
 * Writes to the run log, where a line that starts with `::` (or the older `##[`) is a workflow
 * command — `::add-mask::`, `::stop-commands::`, `::error::` — and a line break inside a message
 * starts a new line. Every message passes through `logLine`, so that a finding's id, a file name
 * or a Sid can only ever be read as text.
 */
export function actionsLogger(): Logger {
  return {
    debug: message => core.debug(logLine(message)),
    info: message => core.info(logLine(message)),
    warning: (message, target) => core.warning(logLine(message), properties(target)),
    error: (message, target) => core.error(logLine(message), properties(target)),
    notice: (message, target) => core.notice(logLine(message), properties(target))
  }
}

function properties(target: AnnotationTarget | undefined): core.AnnotationProperties {
  if (!target) return {}
  return {
    title: target.title,
    file: target.file,
    startLine: target.startLine,
    endLine: target.endLine
  }
}

export interface RecordedMessage {
  readonly level: 'debug' | 'info' | 'warning' | 'error' | 'notice'
  readonly message: string
  readonly target?: AnnotationTarget
}

/** A logger that keeps what it is told, for tests and for the benchmark. */
export function recordingLogger(): Logger & { readonly messages: RecordedMessage[] } {
  const messages: RecordedMessage[] = []
  const record =
    (level: RecordedMessage['level']) =>
    (message: string, target?: AnnotationTarget): void => {
      messages.push(target ? { level, message, target } : { level, message })
    }
  return {
    messages,
    debug: record('debug'),
    info: record('info'),
    warning: record('warning'),
    error: record('error'),
    notice: record('notice')
  }
}
