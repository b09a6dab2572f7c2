import { CommanderError } from 'commander'
import { EXIT, say, type CliIo } from './internal/io'
import { buildProgram } from './internal/program'
import { UsageError } from './internal/settings'

/** A flag that looks like a key: refused before parsing, so that its value is never echoed in an error. */
const KEY_FLAG = /^--?(private|public)[-_]?key/i

/**
 * Runs the `imagekit-fp` command with `argv` (the arguments after the program name) against `io`: what the
 * `imagekit-fp` executable does with `process.argv.slice(2)`, `process.env` and the terminal, usable
 * in-process (tests, tools that embed the command). Keys come from `io.env` only and are never written out.
 *
 * @param io - stdout, stderr (each with `write`, and `isTTY`/`columns` for the progress bar), the environment,
 *   an optional `signal` (Ctrl-C) and clock.
 * @param argv - the arguments, e.g. `['ls', '/demo', '--json']`.
 * @returns the exit code: 0 all done, 1 some items failed (listed on stderr), 2 bad usage (message on stderr),
 *   130 interrupted. Never rejects.
 * @example
 * import { runCli } from '@imagekit-fp/cli'
 *
 * const code = await runCli(
 *   { stdout: process.stdout, stderr: process.stderr, env: process.env },
 *   ['url', '/demo/cat.jpg', '--tr', 'w-300'],
 * )
 * @since 0.1.0
 * @category constructors
 */
export const runCli = async (io: CliIo, argv: readonly string[]): Promise<number> => {
  try {
    if (argv.some((a) => KEY_FLAG.test(a))) {
      say(
        io.stderr,
        'error: keys are read from IMAGEKIT_PRIVATE_KEY and IMAGEKIT_PUBLIC_KEY only, never from a flag',
      )
      return EXIT.usage
    }
    let code: number = EXIT.ok
    await buildProgram(io, (c) => {
      code = c
    }).parseAsync([...argv], { from: 'user' })
    return code
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage
    if (e instanceof UsageError) {
      say(io.stderr, `error: ${e.message}`)
      return EXIT.usage
    }
    say(io.stderr, `error: ${e instanceof Error ? e.message : String(e)}`)
    return EXIT.failed
  }
}
