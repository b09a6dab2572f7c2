import type { either } from 'fp-ts'
import { validationError, type ValidationError } from '../errors'
import { left, right } from './either'
import { readProp } from './prop'

/** Largest magnitude a JavaScript Date accepts, in milliseconds (±100,000,000 days). */
const MAX_TIME_MS = 8.64e15

/**
 * Reads the injected clock `config.now` (default `Date.now`) and calls it once: `Right(milliseconds)`, or a
 * `ValidationError` at `config.now` when it is not a function, throws, or returns something other than a time.
 */
export const readNow = (config: object): either.Either<ValidationError, number> => {
  const field = readProp(config, 'now')
  if (field === undefined) return left(validationError('config.now', 'reading now threw'))
  const clock = field.value === undefined ? Date.now : field.value
  if (typeof clock !== 'function')
    return left(validationError('config.now', 'now must be a function returning milliseconds'))
  let ms: unknown
  try {
    ms = clock()
  } catch {
    return left(validationError('config.now', 'now() threw instead of returning milliseconds'))
  }
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > MAX_TIME_MS)
    return left(
      validationError('config.now', 'now() must return a time in milliseconds since the Unix epoch'),
    )
  return right(ms)
}
