// Unknown config keys, as plain JavaScript passes them: refused by every package before anything is sent, naming
// the key and the one it was probably meant to be; one config holding every package's keys stays valid everywhere.
import { describe, expect, it } from 'vitest'
import { buildUrl, getResponsiveImageAttributes, signUrl } from '@imagekit-fp/url'
import { upload, type UploadConfig } from '@imagekit-fp/upload'
import { getFileDetails, listFiles, purgeCache } from '@imagekit-fp/media'
import { getAuthenticationParameters, getUploadToken, validationError } from '@imagekit-fp/utils'
import { createImagekitStandIn } from '@imagekit-fp/testing'

const PRIVATE = 'private_key_test_123'
const ENDPOINT = 'https://ik.imagekit.io/demo'
const refused = (path: string, message: string) => ({ _tag: 'Left', left: validationError(path, message) })

/** A fetch that records the URL of every call and answers 500. */
const recording = () => {
  const calls: string[] = []
  const fetch = (input: RequestInfo | URL) => {
    calls.push(String(input instanceof Request ? input.url : input))
    return Promise.resolve(new Response('{}', { status: 500 }))
  }
  return { fetch: fetch as typeof globalThis.fetch, calls }
}

describe('unknown config keys', () => {
  it("refuses @imagekit/nodejs 7's baseURL, suggesting apiBaseUrl, and sends nothing", async () => {
    const { fetch, calls } = recording()
    const config = { privateKey: PRIVATE, baseURL: 'http://127.0.0.1:9/', fetch } as never
    const expected = refused('config.baseURL', 'is not a known key (did you mean apiBaseUrl?)')
    expect(await getFileDetails(config, { fileId: 'abc' })()).toStrictEqual(expected)
    expect(await purgeCache(config, { url: `${ENDPOINT}/a.jpg` })()).toStrictEqual(expected)
    const request = { file: new Uint8Array([1]), fileName: 'a.jpg' }
    expect(await upload(config as UploadConfig, request)()).toStrictEqual(expected)
    expect(calls).toStrictEqual([])
  })

  it.each([
    ['apiBaseURL', 'apiBaseUrl'],
    ['private_key', 'privateKey'],
    ['Timeout', 'timeout'],
  ])('refuses the media config key %s, suggesting %s, and sends nothing', async (key, meant) => {
    const { fetch, calls } = recording()
    const config = { privateKey: PRIVATE, fetch, [key]: 1 } as never
    expect(await listFiles(config, {})()).toStrictEqual(
      refused(`config.${key}`, `is not a known key (did you mean ${meant}?)`),
    )
    expect(calls).toStrictEqual([])
  })

  it('refuses a key with no near match without a suggestion (upload, client side)', async () => {
    const { fetch, calls } = recording()
    const config = { fetch, now: () => 1_700_000_000_000, maxRetries: 3 } as never
    const auth = { publicKey: 'p', token: 't', signature: 's', expire: 1_700_000_600 }
    const request = { file: new Uint8Array([1]), fileName: 'a.jpg', ...auth }
    expect(await upload(config as UploadConfig, request)()).toStrictEqual(
      refused('config.maxRetries', 'is not a known key'),
    )
    expect(calls).toStrictEqual([])
  })

  it.each([
    ['buildUrl', () => buildUrl({ url_endpoint: ENDPOINT } as never, { path: '/a.jpg' }), 'url_endpoint'],
    [
      'signUrl',
      () => signUrl({ urlEndpoint: ENDPOINT, private_key: PRIVATE } as never, { path: '/a.jpg' }),
      'private_key',
    ],
    [
      'getResponsiveImageAttributes',
      () =>
        getResponsiveImageAttributes({ urlEndpoint: ENDPOINT, TransformationPosition: 'query' } as never, {
          src: '/a.jpg',
        }),
      'TransformationPosition',
    ],
  ])('%s refuses a config key written the wrong way', (_name, run, key) => {
    const meant = { url_endpoint: 'urlEndpoint', private_key: 'privateKey' }[key] ?? 'transformationPosition'
    expect(run()).toStrictEqual(refused(`config.${key}`, `is not a known key (did you mean ${meant}?)`))
  })

  it('refuses a misspelt key with no suggestion, and never shows the private key', () => {
    const result = signUrl({ urlEndpont: ENDPOINT, privateKey: PRIVATE } as never, { path: '/a.jpg' })
    expect(result).toStrictEqual(refused('config.urlEndpont', 'is not a known key'))
    expect(JSON.stringify(result)).not.toContain(PRIVATE)
  })

  it('accepts one config holding every known key, in url, upload, media and utils', async () => {
    const standIn = createImagekitStandIn()
    const shared = {
      urlEndpoint: standIn.urlEndpoint,
      transformationPosition: 'path',
      privateKey: standIn.privateKey,
      publicKey: standIn.publicKey,
      apiBaseUrl: 'https://api.imagekit.io',
      uploadBaseUrl: 'https://upload.imagekit.io',
      timeout: 30_000,
      retry: 0,
      retryUploads: false,
      fetch: standIn.fetch,
      now: () => 1_700_000_000_000,
      strictResponses: true,
      onDrift: () => undefined,
      maxResponseBytes: 1_000_000,
      webhookSecret: 'whsec_test',
      toleranceSeconds: 300,
    } as const
    expect(buildUrl(shared, { path: '/a.jpg' })).toStrictEqual({
      _tag: 'Right',
      right: `${standIn.urlEndpoint}/a.jpg`,
    })
    expect(signUrl(shared, { path: '/a.jpg' })._tag).toBe('Right')
    expect(getResponsiveImageAttributes(shared, { src: '/a.jpg' })._tag).toBe('Right')
    expect(getAuthenticationParameters(shared, { token: 't', expire: 1_700_000_600 })._tag).toBe('Right')
    expect(getUploadToken(shared, { fileName: 'a.jpg', expire: 1_700_000_600 })._tag).toBe('Right')
    // Annotated: upload's signature refuses, at compile time, a literal with keys UploadConfig does not list.
    const uploadConfig: UploadConfig = shared
    const uploaded = await upload(uploadConfig, { file: new Uint8Array([1, 2, 3]), fileName: 'a.txt' })()
    expect(uploaded._tag).toBe('Right')
    const fileId = standIn.files()[0]!.fileId
    const details = await getFileDetails(shared, { fileId })()
    expect(details._tag === 'Right' && details.right.fileId).toBe(fileId)
  })
})
