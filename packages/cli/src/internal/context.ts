// What every command gets: the io, the account settings (environment or stand-in) and the clock.
import { formatError, type SdkError } from '@imagekit-fp/utils'
import { EXIT, say, type CliIo } from './io'
import { settingsFromEnv, type Settings } from './settings'
import { startStandIn } from './standIn'

/** One command's view of the run. */
export interface Context {
  readonly io: CliIo
  readonly settings: Settings
  readonly now: () => number
}

/** Runs `fn` against the environment's account, or against a fresh in-process stand-in (closed afterwards). */
export const withContext = async (
  io: CliIo,
  standIn: boolean,
  fn: (ctx: Context) => Promise<number>,
): Promise<number> => {
  const now = io.now ?? Date.now
  if (!standIn) return fn({ io, settings: settingsFromEnv(io.env), now })
  const running = await startStandIn()
  try {
    return await fn({ io, settings: running.settings, now })
  } finally {
    await running.close()
  }
}

/**
 * Prints an SDK error on stderr; a `ValidationError` (input refused, nothing sent) is bad usage, an error after
 * Ctrl-C an interruption, the rest a failure.
 */
export const reportError = (io: CliIo, e: SdkError): number => {
  say(io.stderr, `error: ${formatError(e)}`)
  if (e._tag === 'ValidationError') return EXIT.usage
  return io.signal?.aborted === true ? EXIT.interrupted : EXIT.failed
}
