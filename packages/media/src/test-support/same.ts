// One differential assertion: our function and @imagekit/nodejs 7 sent exactly one request each, and the
// same one (method, path, query, JSON body).
import { expect } from 'vitest'
import type { Both } from './differential'

export const same = async (run: Promise<Both>): Promise<void> => {
  const { ours, theirs } = await run
  expect(ours).toStrictEqual(theirs)
  expect(ours.length).toBe(1)
}
