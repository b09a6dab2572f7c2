// Differential: each file operation sends what @imagekit/nodejs 7 sends for the same input (method, path,
// query, JSON body); deliberate differences are tests of their own, at the end.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { getFileDetails } from '@imagekit-fp/media'
import { both } from './test-support/differential'

/** Ids in the id alphabet (RFC 3986 unreserved), never '.' or '..'. */
const anyId = fc.stringMatching(/^[\w.~-]{1,40}$/).filter((s) => s !== '.' && s !== '..')

describe('files: same request as @imagekit/nodejs 7', () => {
  it('getFileDetails', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, async (fileId) => {
        const r = await both(
          (c) => getFileDetails(c, { fileId }),
          (n) => n.files.get(fileId),
        )
        expect(r.ours).toStrictEqual(r.theirs)
        expect(r.ours.length).toBe(1)
      }),
      { numRuns: 50 },
    )
  })
})
