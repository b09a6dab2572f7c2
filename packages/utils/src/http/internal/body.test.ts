import { describe, expect, it, vi } from 'vitest'
import { FirefoxRequest } from '../test-support/platformRequests'
import { bodySize, keepsStreamBodies, streamsForProgress } from './body'

describe('bodySize', () => {
  const form = new FormData()
  form.set('fileName', 'a.jpg')
  form.set('file', new Blob([new Uint8Array(1000)]), 'a.jpg')
  it.each([
    ['a string (UTF-8 bytes)', 'héllo', 6],
    ['a Blob', new Blob([new Uint8Array(42)]), 42],
    ['an ArrayBuffer', new ArrayBuffer(7), 7],
    ['a Uint8Array view', new Uint8Array(16).subarray(4), 12],
    ['URLSearchParams', new URLSearchParams({ a: 'b c' }), 5],
    ['a FormData (estimated)', form, 120 + 8 + 5 + 120 + 4 + 1000 + 5],
    ['a ReadableStream (unknown)', new ReadableStream(), undefined],
  ] as const)('measures %s', (_name, body, expected) => {
    expect(bodySize(body)).toBe(expected)
  })
})

describe('keepsStreamBodies and streamsForProgress', () => {
  it('are true on Node 20', () => {
    expect([keepsStreamBodies(), streamsForProgress()]).toStrictEqual([true, true])
  })

  it('do not stream for progress in Cloudflare Workers (workerd crashes when a streamed body is aborted)', () => {
    vi.stubGlobal('navigator', { userAgent: 'Cloudflare-Workers' })
    try {
      expect([keepsStreamBodies(), streamsForProgress()]).toStrictEqual([true, false])
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('say no where Request turns a stream into text (Firefox)', () => {
    vi.stubGlobal('Request', FirefoxRequest)
    try {
      expect([keepsStreamBodies(), streamsForProgress()]).toStrictEqual([false, false])
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
