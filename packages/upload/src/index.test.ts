import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as browserEntry from '@imagekit-fp/upload'
import * as nodeEntry from '@imagekit-fp/upload/node'

const root = fileURLToPath(new URL('../../..', import.meta.url))

describe('entry points', () => {
  it('the browser entry exports upload, uploadMany, uploadV2 and the UploadResult and UploadAccepted codecs only', () => {
    expect(Object.keys(browserEntry).sort()).toStrictEqual([
      'UploadAccepted',
      'UploadResult',
      'upload',
      'uploadMany',
      'uploadV2',
    ])
  })

  it('the node entry exports nodeFetch, fileFromPath, uploadFromPath and uploadDirectory', () => {
    expect(Object.keys(nodeEntry).sort()).toStrictEqual([
      'fileFromPath',
      'nodeFetch',
      'uploadDirectory',
      'uploadFromPath',
    ])
  })

  it('the browser entry bundles for the browser with no node: import anywhere in its graph', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: root,
      alias: {
        '@imagekit-fp/utils/http': `${root}packages/utils/src/http.ts`,
        '@imagekit-fp/utils/codec': `${root}packages/utils/src/codec.ts`,
        '@imagekit-fp/utils': `${root}packages/utils/src/index.ts`,
      },
    })
    const inputs = Object.keys(result.metafile.inputs)
    const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path))
    expect(inputs.some((p) => p.includes('nodeFetch') || p.includes('fileFromPath'))).toBe(false)
    expect(imports.filter((p) => p.startsWith('node:'))).toStrictEqual([])
    expect(result.outputFiles[0]!.text).not.toMatch(/["']node:/)
  })
})
