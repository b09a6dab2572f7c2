// The sample's management steps (list, details, update tags, metadata, purge and its status, delete) run
// in order against Prism serving ImageKit's spec, until the offline stand-in can serve them to the sample
// itself. Each step uses what the previous one returned, as a user's script would.
import { describe, expect, it } from 'vitest'
import {
  deleteFile,
  getFileDetails,
  getFileMetadata,
  listFiles,
  getPurgeCacheStatus,
  purgeCache,
  updateFileDetails,
} from '@imagekit-fp/media'
import { recordingFetch } from '../../../test/support/prism'
import { prismSpec, usePrism } from './test-support/contract'
import { KEY, type DriftConfig } from './test-support/stub'

describe.skipIf(prismSpec.path === undefined)('management steps against Prism', () => {
  const prism = usePrism()

  it('lists, reads, tags, inspects, purges (and reads the purge status), and deletes a file', async () => {
    const recorder = recordingFetch()
    // Strict: a reply that drifts from our codecs fails the steps.
    const config: DriftConfig = {
      privateKey: KEY,
      apiBaseUrl: prism().url,
      fetch: recorder.fetch,
      strictResponses: true,
    }

    const list = await listFiles(config, { path: '/images/products', limit: 10 })()
    if (list._tag === 'Left') throw new Error(list.left.message)
    const first = list.right.find((item) => 'fileId' in item)
    if (first === undefined || !('fileId' in first)) throw new Error('no file listed')

    const details = await getFileDetails(config, { fileId: first.fileId })()
    expect(details._tag === 'Right' && details.right.fileId).toBe(first.fileId)

    const tagged = await updateFileDetails(config, {
      fileId: first.fileId,
      tags: ['sample', 'imagekit-fp'],
    })()
    expect(tagged._tag).toBe('Right')

    const metadata = await getFileMetadata(config, { fileId: first.fileId })()
    expect(metadata._tag === 'Right' && typeof metadata.right.width).toBe('number')

    const url = details._tag === 'Right' ? details.right.url : undefined
    const purge = await purgeCache(config, { url: url ?? 'https://ik.imagekit.io/demo/file.jpg' })()
    if (purge._tag === 'Left') throw new Error(purge.left.message)
    // Prism answers every status call with the same example ('Pending'), so the step reads the status once
    // (waitForPurge is tested against a stub that completes: waitForPurge.test.ts).
    const status = await getPurgeCacheStatus(config, { requestId: purge.right.requestId })()
    expect(status).toStrictEqual({ _tag: 'Right', right: { status: 'Pending' } })

    expect(await deleteFile(config, { fileId: first.fileId })()).toStrictEqual({
      _tag: 'Right',
      right: undefined,
    })

    expect(
      recorder.exchanges.map((e) => [e.method, new URL(e.url).pathname, e.status, e.violations]),
    ).toStrictEqual([
      ['GET', '/v1/files', 200, null],
      ['GET', `/v1/files/${first.fileId}/details`, 200, null],
      ['PATCH', `/v1/files/${first.fileId}/details`, 200, null],
      ['GET', `/v1/files/${first.fileId}/metadata`, 200, null],
      ['POST', '/v1/files/purge', 201, null],
      ['GET', `/v1/files/purge/${purge.right.requestId}`, 200, null],
      ['DELETE', `/v1/files/${first.fileId}`, 204, null],
    ])
  })
})
