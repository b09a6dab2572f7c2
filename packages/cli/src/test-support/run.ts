// Runs the command in-process with collected output (tests only).
import { runCli } from '../runCli'

/** What one run printed and its exit code. */
export interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Options of {@link run}: environment, clock, signal and whether the outputs claim to be terminals. */
export interface RunOptions {
  readonly env?: Readonly<Record<string, string>>
  readonly now?: () => number
  readonly signal?: AbortSignal
  readonly tty?: boolean
  /** Called with everything written so far, after each write to stderr (to act in the middle of a run). */
  readonly onStderr?: (all: string) => void
  /** The same for stdout. */
  readonly onStdout?: (all: string) => void
}

/** Runs `imagekit-fp <argv>` in-process with exactly `options.env` (nothing from the process's environment). */
export const run = async (argv: readonly string[], options: RunOptions = {}): Promise<Ran> => {
  let stdout = ''
  let stderr = ''
  const tty = options.tty === true ? { isTTY: true, columns: 100 } : {}
  const code = await runCli(
    {
      stdout: {
        write: (s: string) => {
          stdout += s
          options.onStdout?.(stdout)
        },
        ...tty,
      },
      stderr: {
        write: (s: string) => {
          stderr += s
          options.onStderr?.(stderr)
        },
        ...tty,
      },
      env: options.env ?? {},
      ...(options.now ? { now: options.now } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
    argv,
  )
  return { code, stdout, stderr }
}
