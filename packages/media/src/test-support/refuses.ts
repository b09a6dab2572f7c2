// One table of refused inputs per operation: each row `[title, input, path, message]` must give exactly
// that ValidationError and send nothing.
import { expect, it } from 'vitest'
import type { taskEither } from 'fp-ts'
import { validationError } from '@imagekit-fp/utils'
import type { MediaConfig, MediaError } from '../model/MediaConfig'
import { KEY, stubFetch } from './stub'

export type Refused = readonly [title: string, input: unknown, path: string, message: string]

export const refuses = (
  fn: (config: MediaConfig, input: never) => taskEither.TaskEither<MediaError, unknown>,
  rows: readonly Refused[],
): void => {
  it.each(rows)('refuses %s before sending anything', async (_, input, path, message) => {
    const stub = stubFetch()
    expect(await fn({ privateKey: KEY, fetch: stub.fetch }, input as never)()).toStrictEqual({
      _tag: 'Left',
      left: validationError(path, message),
    })
    expect(stub.calls).toStrictEqual([])
  })
}
