// What the command reads and writes, injected so that tests run it in-process.

/** Where the command writes: `process.stdout`/`process.stderr`, or a test's collector. */
export interface CliOutput {
  /** Writes one chunk of text (a line, or a redraw of the progress line). */
  readonly write: (chunk: string) => unknown
  /** A terminal: the upload shows a redrawn progress bar instead of plain lines. */
  readonly isTTY?: boolean
  /** The terminal's width, for the bar. @default 80 */
  readonly columns?: number
}

/** The world the command sees. */
export interface CliIo {
  readonly stdout: CliOutput
  readonly stderr: CliOutput
  /** The environment: keys come from here only (`IMAGEKIT_PRIVATE_KEY`, …), never from a flag. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Aborted on Ctrl-C: an upload stops taking files, cancels those in flight and says how to resume. */
  readonly signal?: AbortSignal
  /** Clock in milliseconds. @default Date.now */
  readonly now?: () => number
}

/** Exit codes: 0 everything done, 1 some items failed (listed), 2 bad usage, 130 interrupted (Ctrl-C). */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const

/** One line to an output. */
export const say = (out: CliOutput, line: string): void => {
  out.write(`${line}\n`)
}
