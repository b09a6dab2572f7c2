// The upload response example of ImageKit's documentation, read by UploadResult: lax, it reads as the example
// (plus our `_tag`); strict, a reading finds nothing to report. The documentation's elision
// (`/* ... more googleVision tags ... */`) is left out; the values are as shown.
import { describe, expect, it } from 'vitest'
import { readAll } from '@imagekit-fp/utils/codec'
import { UploadResult } from './model/UploadResult'
import { captureFetch } from './test-support/capture'
import { bytes, send, server } from './test-support/uploadCases'

// https://docs.imagekit.io/api-reference/upload-file-api/server-side-file-upload (Response code and structure)
const uploaded = {
  fileId: '598821f949c0a938d57563bd',
  name: 'file1.jpg',
  url: 'https://ik.imagekit.io/your_imagekit_id/images/products/file1.jpg',
  thumbnailUrl:
    'https://ik.imagekit.io/your_imagekit_id/tr:n-media_library_thumbnail/images/products/file1.jpg',
  height: 300,
  width: 200,
  size: 83622,
  filePath: '/images/products/file1.jpg',
  tags: ['t-shirt', 'round-neck', 'sale2019'],
  AITags: [{ name: 'Shirt', confidence: 90.12, source: 'google-auto-tagging' }],
  versionInfo: { id: '598821f949c0a938d57563bd', name: 'Version 1' },
  isPrivateFile: false,
  customCoordinates: null,
  customMetadata: { brand: 'Nike', color: 'red' },
  embeddedMetadata: {
    Title: 'The Title (ref2019.1)',
    Description: 'The description aka caption (ref2019.1)',
    State: 'Province/State(Core)(ref2019.1)',
    Copyright: 'Copyright (Notice) 2019.1 IPTC - www.iptc.org  (ref2019.1)',
  },
  extensionStatus: { 'google-auto-tagging': 'success', 'aws-auto-tagging': 'pending' },
  fileType: 'image',
}

describe("ImageKit's documented upload response", () => {
  it('is read as it is (with our tag), with nothing to report', () => {
    expect(readAll(UploadResult, uploaded)).toStrictEqual({
      value: { ...uploaded, _tag: 'UploadResult' },
      findings: [],
    })
    expect(UploadResult.decode(uploaded)).toStrictEqual({
      _tag: 'Right',
      right: { ...uploaded, _tag: 'UploadResult' },
    })
    expect(UploadResult.is({ ...uploaded, _tag: 'UploadResult' })).toBe(true)
  })

  it('is an upload result with strictResponses', async () => {
    const { fetch } = captureFetch(
      () => new Response(JSON.stringify(uploaded), { headers: { 'content-type': 'application/json' } }),
    )
    expect(
      await send({ ...server(fetch), strictResponses: true }, { file: bytes('a'), fileName: 'file1.jpg' }),
    ).toStrictEqual({ _tag: 'Right', right: { ...uploaded, _tag: 'UploadResult' } })
  })
})
