// Property tests: getUploadToken (utils) and uploadV2 (upload) encode the same options to the same strings, for
// any options upload's validation accepts, key order of nested objects included; and uploadV2 never throws.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getUploadToken } from '@imagekit-fp/utils'
import { uploadV2, type UploadV2Request } from '@imagekit-fp/upload'
import { captureFetch, entries } from './test-support/capture'

const NOW = 1_700_000_000_000
const KEY = 'private_prop_key'

/** `entries` as an object whose keys come in a random order. */
const shuffled = (entries: readonly (readonly [string, unknown])[]) =>
  fc
    .shuffledSubarray([...entries], { minLength: entries.length, maxLength: entries.length })
    .map((e) => Object.fromEntries(e.filter(([, v]) => v !== undefined)) as object)

const text = fc.string({ minLength: 1, maxLength: 12 })
const tag = text.filter((s) => !/[,%]/.test(s))
/** A post-upload step's value: a blank one is refused by both (it names no transformation). */
const stepValue = text.filter((s) => s.trim() !== '')
const step = fc.oneof(
  stepValue.chain((value) =>
    shuffled([
      ['type', 'transformation'],
      ['value', value],
    ]),
  ),
  fc.option(stepValue, { nil: undefined }).chain((value) =>
    shuffled([
      ['type', 'thumbnail'],
      ['value', value],
    ]),
  ),
  fc.tuple(stepValue, fc.constantFrom('hls', 'dash')).chain(([value, protocol]) =>
    shuffled([
      ['type', 'abs'],
      ['value', value],
      ['protocol', protocol],
    ]),
  ),
)
const transformation = fc
  .record({ pre: stepValue, post: fc.array(step, { maxLength: 3 }) }, { requiredKeys: [] })
  .filter((t) => Object.keys(t).length > 0)
  .chain((t) => shuffled(Object.entries(t)))
const extension = fc.oneof(
  fc.record({ name: fc.constant('google-auto-tagging'), maxTags: fc.nat(50), minConfidence: fc.nat(100) }),
  fc.constant({ name: 'ai-auto-description' }),
  // A blank id names no saved extension: both refuse it (one extension check), so it is not generated here.
  fc.record({ name: fc.constant('saved-extension'), id: stepValue }),
  fc.record({
    name: fc.constant('remove-bg'),
    options: fc.record({ bg_color: text, add_shadow: fc.boolean() }),
  }),
)
const options = fc.record(
  {
    useUniqueFileName: fc.boolean(),
    tags: fc.array(tag, { maxLength: 4 }),
    folder: fc.string({ maxLength: 20 }),
    isPrivateFile: fc.boolean(),
    isPublished: fc.boolean(),
    customCoordinates: fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()).map((n) => n.join(',')),
    responseFields: fc.shuffledSubarray(['tags', 'metadata', 'isPublished', 'customMetadata'] as const),
    extensions: fc.array(extension, { maxLength: 3 }),
    webhookUrl: fc.webUrl(),
    overwriteFile: fc.boolean(),
    overwriteAITags: fc.boolean(),
    overwriteTags: fc.boolean(),
    overwriteCustomMetadata: fc.boolean(),
    customMetadata: fc.dictionary(text, fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 3 }),
    transformation,
    checks: fc.string({ maxLength: 20 }),
    description: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Omit<UploadV2Request, 'file' | 'fileName'>>

describe('uploadV2 and getUploadToken (properties)', () => {
  it('send exactly the signed parameters, for any options both accept', async () => {
    await fc.assert(
      fc.asyncProperty(text, options, async (fileName, opts) => {
        const minted = getUploadToken(
          { privateKey: KEY, publicKey: 'public_prop', now: () => NOW },
          { fileName, ...(opts as object) },
        )
        expect(minted._tag).toBe('Right')
        if (minted._tag === 'Left') return
        const { fetch, calls } = captureFetch()
        const r = await uploadV2(
          { fetch, now: () => NOW },
          { ...opts, file: 'aGVsbG8=', fileName, token: minted.right },
        )()
        expect(r._tag).toBe('Right')
        const sent = await entries(calls[0]!.form)
        const claims = JSON.parse(
          Buffer.from(minted.right.split('.')[1]!, 'base64url').toString('utf8'),
        ) as object
        const fields = Object.fromEntries(Object.entries(sent).filter(([k]) => k !== 'file' && k !== 'token'))
        expect(claims).toStrictEqual({ ...fields, iat: NOW / 1000, exp: NOW / 1000 + 1800 })
      }),
      { numRuns: 150 },
    )
  })

  it('returns an Either and sends nothing for a request that differs from its token by one option', async () => {
    await fc.assert(
      fc.asyncProperty(text, options, options, async (fileName, signedOpts, sentOpts) => {
        const minted = getUploadToken(
          { privateKey: KEY, publicKey: 'p', now: () => NOW },
          { fileName, ...(signedOpts as object) },
        )
        if (minted._tag === 'Left') return
        const { fetch, calls } = captureFetch()
        const r = await uploadV2(
          { fetch, now: () => NOW },
          { ...sentOpts, file: 'aGVsbG8=', fileName, token: minted.right },
        )()
        const same = JSON.stringify(signedOpts) === JSON.stringify(sentOpts)
        if (r._tag === 'Left') {
          expect(r.left._tag).toBe('ValidationError')
          expect(calls).toHaveLength(0)
        } else expect(calls).toHaveLength(1)
        if (same) expect(r._tag).toBe('Right')
        expect(JSON.stringify(r)).not.toContain(KEY)
      }),
      { numRuns: 100 },
    )
  })
})
