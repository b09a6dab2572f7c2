// fast-check arbitraries for valid media inputs (differential and property tests).
import fc from 'fast-check'

/** Ids in the id alphabet (RFC 3986 unreserved), never '.' or '..'. */
export const anyId = fc.stringMatching(/^[\w.~-]{1,40}$/).filter((s) => s !== '.' && s !== '..')

/** A string with at least one non-blank character. */
export const text = fc
  .string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
  .filter((s) => s.trim() !== '')

/** A name without `/`. */
export const fileName = text.filter((s) => !s.includes('/'))

/** An absolute http(s) URL already in WHATWG-serialised form (our `url` checks normalise to that). */
export const serialisedUrl = fc
  .webUrl({ withQueryParameters: true, withFragments: false })
  .filter((u) => new URL(u).href === u)

/** A list of 1 to `max` tags. */
export const tagList = (max = 5) => fc.array(text, { minLength: 1, maxLength: max })
