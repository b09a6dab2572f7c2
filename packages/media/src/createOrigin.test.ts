import { describe, expect, it } from 'vitest'
import { createOrigin, updateOrigin } from '@imagekit-fp/media'
import { refuses, type Refused } from './test-support/refuses'
import { ORIGIN } from './test-support/replies'
import { json, KEY, stubFetch } from './test-support/stub'

const S3 = { type: 'S3', name: 'US S3', bucket: 'b', accessKey: 'AK', secretKey: 'SK' }

describe('createOrigin', () => {
  it.each([
    ['S3 with an IAM role', { ...S3, prefix: 'p', useIAMRole: true, accessKey: '', secretKey: '' }],
    ['CLOUDINARY_BACKUP', { ...S3, type: 'CLOUDINARY_BACKUP', includeCanonicalHeader: false }],
    [
      'S3_COMPATIBLE',
      { ...S3, type: 'S3_COMPATIBLE', endpoint: 'https://s3.wasabisys.com', s3ForcePathStyle: true },
    ],
    [
      'WEB_FOLDER',
      {
        type: 'WEB_FOLDER',
        name: 'Web',
        baseUrl: 'https://a.example.com/x',
        forwardHostHeaderToOrigin: true,
      },
    ],
    [
      'WEB_PROXY',
      {
        type: 'WEB_PROXY',
        name: 'Proxy',
        includeCanonicalHeader: true,
        baseUrlForCanonicalHeader: 'https://cdn.example.com',
      },
    ],
    [
      'GCS',
      {
        type: 'GCS',
        name: 'G',
        bucket: 'b',
        clientEmail: 'sa@project.iam.gserviceaccount.com',
        privateKey: '-----BEGIN',
      },
    ],
    [
      'AZURE_BLOB',
      {
        type: 'AZURE_BLOB',
        name: 'Az',
        container: 'c',
        accountName: 'acc',
        sasToken: '?sv=1&sig=x',
        prefix: '',
      },
    ],
    [
      'AKENEO_PIM',
      {
        type: 'AKENEO_PIM',
        name: 'Pim',
        baseUrl: 'https://akeneo.example.com',
        clientId: 'i',
        clientSecret: 's',
        username: 'u',
        password: 'p',
      },
    ],
  ])('sends a %s origin with exactly its fields', async (_, origin) => {
    const stub = stubFetch(() => json(ORIGIN, 201))
    const result = await createOrigin({ privateKey: KEY, fetch: stub.fetch }, {
      ...origin,
      bucketX: 1,
    } as never)()
    expect(result).toStrictEqual({ _tag: 'Right', right: ORIGIN })
    expect(stub.calls.map((c) => [c.method, c.path, c.json])).toStrictEqual([
      ['POST', '/v1/accounts/origins', origin],
    ])
  })

  it('leaves out the fields of other types', async () => {
    const stub = stubFetch(() => json(ORIGIN, 201))
    await createOrigin({ privateKey: KEY, fetch: stub.fetch }, {
      type: 'WEB_PROXY',
      name: 'P',
      bucket: 'b',
    } as never)()
    expect(stub.calls.map((c) => c.json)).toStrictEqual([{ type: 'WEB_PROXY', name: 'P' }])
  })

  const bad: readonly Refused[] = [
    ['no type', { name: 'x' }, 'input.type', 'is required'],
    [
      'an unknown type',
      { ...S3, type: 'FTP' },
      'input.type',
      "must be one of 'S3', 'S3_COMPATIBLE', 'CLOUDINARY_BACKUP', 'WEB_FOLDER', 'WEB_PROXY', 'GCS', 'AZURE_BLOB', 'AKENEO_PIM'",
    ],
    [
      'a name with punctuation',
      { ...S3, name: 'my-origin' },
      'input.name',
      'may only contain letters, digits and spaces',
    ],
    ['an empty name', { ...S3, name: '' }, 'input.name', 'must not be empty'],
    [
      'a name over 100 characters',
      { ...S3, name: 'a'.repeat(101) },
      'input.name',
      'must be at most 100 characters',
    ],
    [
      'a relative canonical URL',
      { ...S3, baseUrlForCanonicalHeader: 'cdn.example.com' },
      'input.baseUrlForCanonicalHeader',
      'must be an absolute http or https URL',
    ],
    ['an S3 origin without a bucket', { ...S3, bucket: undefined }, 'input.bucket', 'is required'],
    [
      'an S3 prefix over 100 characters',
      { ...S3, prefix: 'p'.repeat(101) },
      'input.prefix',
      'must be at most 100 characters',
    ],
    ['an S3 origin without keys', { ...S3, accessKey: '' }, 'input.accessKey', 'must not be empty'],
    [
      'an IAM role with a secret key',
      { ...S3, useIAMRole: true, accessKey: '' },
      'input.secretKey',
      "must be '' when useIAMRole is true",
    ],
    [
      'an S3_COMPATIBLE origin without an endpoint',
      { ...S3, type: 'S3_COMPATIBLE' },
      'input.endpoint',
      'is required',
    ],
    [
      'an S3_COMPATIBLE ftp endpoint',
      { ...S3, type: 'S3_COMPATIBLE', endpoint: 'ftp://x.com' },
      'input.endpoint',
      'must be an absolute http or https URL',
    ],
    ['a WEB_FOLDER without baseUrl', { type: 'WEB_FOLDER', name: 'W' }, 'input.baseUrl', 'is required'],
    [
      'a GCS origin with a bad email',
      { type: 'GCS', name: 'G', bucket: 'b', clientEmail: 'me@localhost', privateKey: 'k' },
      'input.clientEmail',
      'must be an email address',
    ],
    [
      'a GCS origin without a private key',
      { type: 'GCS', name: 'G', bucket: 'b', clientEmail: 'a@b.io', privateKey: '' },
      'input.privateKey',
      'must not be empty',
    ],
    [
      'an AZURE_BLOB origin without a SAS token',
      { type: 'AZURE_BLOB', name: 'A', container: 'c', accountName: 'a' },
      'input.sasToken',
      'is required',
    ],
    [
      'an AKENEO_PIM password over 100 characters',
      {
        type: 'AKENEO_PIM',
        name: 'P',
        baseUrl: 'https://a.io',
        clientId: 'i',
        clientSecret: 's',
        username: 'u',
        password: 'p'.repeat(101),
      },
      'input.password',
      'must be at most 100 characters',
    ],
  ]
  refuses(createOrigin, bad)
})

describe('updateOrigin', () => {
  it('sends PUT with the whole origin', async () => {
    const stub = stubFetch(() => json(ORIGIN))
    await updateOrigin({ privateKey: KEY, fetch: stub.fetch }, { id: 'o1', ...S3 } as never)()
    expect(stub.calls.map((c) => [c.method, c.path, c.json])).toStrictEqual([
      ['PUT', '/v1/accounts/origins/o1', S3],
    ])
  })

  refuses(updateOrigin, [
    ['no id', S3, 'input.id', 'is required'],
    ['a dot-dot id', { ...S3, id: '..' }, 'input.id', "must not be '.' or '..'"],
    ['a bad origin', { id: 'o1', type: 'WEB_PROXY' }, 'input.name', 'is required'],
  ])
})
