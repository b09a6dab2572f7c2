import { describe, expect, it } from 'vitest'
import { createUrlEndpoint, updateUrlEndpoint } from '@imagekit-fp/media'
import { refuses, type Refused } from './test-support/refuses'
import { ENDPOINT } from './test-support/replies'
import { json, KEY, stubFetch } from './test-support/stub'

describe('createUrlEndpoint', () => {
  it.each([
    ['only a description', { description: 'd' }],
    ['the default prefix', { description: 'd', urlPrefix: '', origins: [] }],
    [
      'a Cloudinary rewriter',
      {
        description: 'd',
        urlPrefix: 'a-B-1',
        origins: ['o1', 'o2'],
        urlRewriter: { type: 'CLOUDINARY', preserveAssetDeliveryTypes: false },
      },
    ],
    ['an Imgix rewriter', { description: 'd', urlRewriter: { type: 'IMGIX' } }],
    ['an Akamai rewriter', { description: 'd', urlRewriter: { type: 'AKAMAI' } }],
  ])('sends %s as given', async (_, body) => {
    const stub = stubFetch(() => json(ENDPOINT, 201))
    const result = await createUrlEndpoint({ privateKey: KEY, fetch: stub.fetch }, body as never)()
    expect(result).toStrictEqual({ _tag: 'Right', right: ENDPOINT })
    expect(stub.calls.map((c) => [c.method, c.path, c.json])).toStrictEqual([
      ['POST', '/v1/accounts/url-endpoints', body],
    ])
  })

  it('sends preserveAssetDeliveryTypes only for the Cloudinary rewriter', async () => {
    const stub = stubFetch(() => json(ENDPOINT, 201))
    await createUrlEndpoint(
      { privateKey: KEY, fetch: stub.fetch },
      { description: 'd', urlRewriter: { type: 'IMGIX', preserveAssetDeliveryTypes: true } as never },
    )()
    expect(stub.calls.map((c) => c.json)).toStrictEqual([
      { description: 'd', urlRewriter: { type: 'IMGIX' } },
    ])
  })

  const bad: readonly Refused[] = [
    ['no description', {}, 'input.description', 'is required'],
    ['an empty description', { description: '' }, 'input.description', 'must not be empty'],
    [
      'a description over 1000 characters',
      { description: 'd'.repeat(1001) },
      'input.description',
      'must be at most 1000 characters',
    ],
    [
      'a prefix with a slash',
      { description: 'd', urlPrefix: 'a/b' },
      'input.urlPrefix',
      'may only contain letters, digits and -',
    ],
    [
      'a prefix over 100 characters',
      { description: 'd', urlPrefix: 'a'.repeat(101) },
      'input.urlPrefix',
      'must be at most 100 characters',
    ],
    [
      '11 origins',
      { description: 'd', origins: Array.from({ length: 11 }, (_, i) => `o${i}`) },
      'input.origins',
      'must have at most 10 items (it has 11)',
    ],
    [
      'an empty origin id',
      { description: 'd', origins: [''] },
      'input.origins[0]',
      'must be a non-empty string',
    ],
    [
      'a rewriter without a type',
      { description: 'd', urlRewriter: {} },
      'input.urlRewriter.type',
      'is required',
    ],
    [
      'an unknown rewriter',
      { description: 'd', urlRewriter: { type: 'FASTLY' } },
      'input.urlRewriter.type',
      "must be one of 'CLOUDINARY', 'IMGIX', 'AKAMAI'",
    ],
    [
      'a string preserveAssetDeliveryTypes',
      { description: 'd', urlRewriter: { type: 'CLOUDINARY', preserveAssetDeliveryTypes: 'yes' } },
      'input.urlRewriter.preserveAssetDeliveryTypes',
      'must be a boolean',
    ],
  ]
  refuses(createUrlEndpoint, bad)
})

describe('updateUrlEndpoint', () => {
  refuses(updateUrlEndpoint, [
    ['no id', { description: 'd' }, 'input.id', 'is required'],
    [
      'an id with a space',
      { id: 'a b', description: 'd' },
      'input.id',
      'may only contain letters, digits and - . _ ~',
    ],
    ['no description (a PUT replaces the endpoint)', { id: 'default' }, 'input.description', 'is required'],
  ])
})
