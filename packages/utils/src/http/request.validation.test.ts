import { describe, expect, it } from 'vitest'
import type { HttpRequest, TransportConfig } from './types'
import { get, json, KEY, run, stub, validation } from './test-support/stub'

describe('request: validation', () => {
  describe('validation', () => {
    const cases: readonly (readonly [string, unknown, unknown, string, string])[] = [
      ['a null config', null, get, 'config', 'must be an object'],
      ['a string request', {}, 'GET /', 'request', 'must be an object'],
      [
        'a missing privateKey',
        {},
        get,
        'config.privateKey',
        'is required for this request (server-side only)',
      ],
      [
        'an empty privateKey',
        { privateKey: '' },
        get,
        'config.privateKey',
        'is required for this request (server-side only)',
      ],
      [
        'a numeric privateKey',
        { privateKey: 42 },
        get,
        'config.privateKey',
        'is required for this request (server-side only)',
      ],
      [
        'a relative base URL',
        { privateKey: KEY, apiBaseUrl: '/api' },
        get,
        'config.apiBaseUrl',
        'must be an absolute http or https URL',
      ],
      [
        'an ftp base URL',
        { privateKey: KEY, apiBaseUrl: 'ftp://x.com' },
        get,
        'config.apiBaseUrl',
        'must be an absolute http or https URL',
      ],
      [
        'a base URL that is not a string',
        { privateKey: KEY, apiBaseUrl: 1 },
        get,
        'config.apiBaseUrl',
        'must be a string',
      ],
      [
        'a base URL with credentials',
        { privateKey: KEY, apiBaseUrl: 'https://u:p@x.com' },
        get,
        'config.apiBaseUrl',
        'must not contain credentials',
      ],
      [
        'a base URL with a query',
        { privateKey: KEY, apiBaseUrl: 'https://x.com/?a=1' },
        get,
        'config.apiBaseUrl',
        'must not contain a query or a fragment',
      ],
      [
        'a zero timeout',
        { privateKey: KEY, timeout: 0 },
        get,
        'config.timeout',
        'must be an integer number of milliseconds from 1 to 2147483647',
      ],
      [
        'a fractional timeout',
        { privateKey: KEY, timeout: 1.5 },
        get,
        'config.timeout',
        'must be an integer number of milliseconds from 1 to 2147483647',
      ],
      [
        'a huge timeout',
        { privateKey: KEY, timeout: 2 ** 31 },
        get,
        'config.timeout',
        'must be an integer number of milliseconds from 1 to 2147483647',
      ],
      [
        'a string timeout',
        { privateKey: KEY, timeout: '5' },
        get,
        'config.timeout',
        'must be an integer number of milliseconds from 1 to 2147483647',
      ],
      [
        'a zero maxResponseBytes',
        { privateKey: KEY, maxResponseBytes: 0 },
        get,
        'config.maxResponseBytes',
        'must be an integer from 1 to 268435456',
      ],
      [
        'a fractional maxResponseBytes',
        { privateKey: KEY, maxResponseBytes: 1.5 },
        get,
        'config.maxResponseBytes',
        'must be an integer from 1 to 268435456',
      ],
      [
        'a string maxResponseBytes',
        { privateKey: KEY, maxResponseBytes: '1000' },
        get,
        'config.maxResponseBytes',
        'must be an integer from 1 to 268435456',
      ],
      [
        'a null maxResponseBytes',
        { privateKey: KEY, maxResponseBytes: null },
        get,
        'config.maxResponseBytes',
        'must be an integer from 1 to 268435456',
      ],
      [
        'a maxResponseBytes over 256 MiB',
        { privateKey: KEY, maxResponseBytes: 2 ** 28 + 1 },
        get,
        'config.maxResponseBytes',
        'must be an integer from 1 to 268435456',
      ],
      [
        'a negative retry',
        { privateKey: KEY, retry: -1 },
        get,
        'config.retry',
        'must be an integer from 0 to 10',
      ],
      [
        'a retry of 11',
        { privateKey: KEY, retry: 11 },
        get,
        'config.retry',
        'must be an integer from 0 to 10',
      ],
      // Null, an array and a blank key were defaulted or accepted silently.
      [
        'a null timeout',
        { privateKey: KEY, timeout: null },
        get,
        'config.timeout',
        'must be an integer number of milliseconds from 1 to 2147483647',
      ],
      [
        'a null retry.limit',
        { privateKey: KEY, retry: { limit: null } },
        get,
        'config.retry.limit',
        'must be an integer from 0 to 10',
      ],
      [
        'a null retry.maxDelay',
        { privateKey: KEY, retry: { maxDelay: null } },
        get,
        'config.retry.maxDelay',
        'must be an integer from 0 to 2147483647',
      ],
      [
        'an array retry',
        { privateKey: KEY, retry: [] },
        get,
        'config.retry',
        'must be a number or { limit, maxDelay }',
      ],
      ['a blank privateKey', { privateKey: ' ' }, get, 'config.privateKey', 'must not be blank'],
      ['a whitespace privateKey', { privateKey: '\t\n' }, get, 'config.privateKey', 'must not be blank'],
      [
        'a null retry',
        { privateKey: KEY, retry: null },
        get,
        'config.retry',
        'must be a number or { limit, maxDelay }',
      ],
      [
        'a bad retry.limit',
        { privateKey: KEY, retry: { limit: 1.5 } },
        get,
        'config.retry.limit',
        'must be an integer from 0 to 10',
      ],
      [
        'a bad retry.maxDelay',
        { privateKey: KEY, retry: { maxDelay: -1 } },
        get,
        'config.retry.maxDelay',
        'must be an integer from 0 to 2147483647',
      ],
      [
        'a fetch that is not a function',
        { privateKey: KEY, fetch: {} },
        get,
        'config.fetch',
        'must be a fetch function',
      ],
      ['a now that is not a function', { privateKey: KEY, now: 5 }, get, 'config.now', 'must be a function'],
      [
        'a lowercase method',
        { privateKey: KEY },
        { ...get, method: 'get' },
        'request.method',
        'must be one of GET, HEAD, POST, PUT, PATCH, DELETE',
      ],
      [
        'an unknown base',
        { privateKey: KEY },
        { ...get, base: 'cdn' },
        'request.base',
        "must be 'api' or 'upload'",
      ],
      [
        'an unknown auth',
        { privateKey: KEY },
        { ...get, auth: 'bearer' },
        'request.auth',
        "must be 'basic' or 'none'",
      ],
      [
        'a relative path',
        { privateKey: KEY },
        { ...get, path: 'v1/files' },
        'request.path',
        "must be a string starting with '/'",
      ],
      [
        'a path with a query',
        { privateKey: KEY },
        { ...get, path: '/v1/files?x=1' },
        'request.path',
        'must not contain ? or # (use searchParams)',
      ],
      [
        'a missing codec',
        { privateKey: KEY },
        { ...get, codec: undefined },
        'request.codec',
        'must be an io-ts decoder',
      ],
      [
        'a non-boolean idempotent',
        { privateKey: KEY },
        { ...get, idempotent: 'yes' },
        'request.idempotent',
        "must be a boolean or 'unsent'",
      ],
      [
        'a look-alike signal',
        { privateKey: KEY },
        { ...get, signal: { aborted: false, addEventListener: () => undefined } },
        'request.signal',
        'must be an AbortSignal',
      ],
      [
        'a signal that is not one',
        { privateKey: KEY },
        { ...get, signal: {} },
        'request.signal',
        'must be an AbortSignal',
      ],
      [
        'a progress callback that is not a function',
        { privateKey: KEY },
        { ...get, onUploadProgress: 1 },
        'request.onUploadProgress',
        'must be a function',
      ],
      [
        'searchParams as an array',
        { privateKey: KEY },
        { ...get, searchParams: [] },
        'request.searchParams',
        'must be an object',
      ],
      [
        'a searchParams object value',
        { privateKey: KEY },
        { ...get, searchParams: { q: {} } },
        'request.searchParams.q',
        'must be a string, a finite number or a boolean',
      ],
      [
        'a NaN searchParam',
        { privateKey: KEY },
        { ...get, searchParams: { q: NaN } },
        'request.searchParams.q',
        'must be a string, a finite number or a boolean',
      ],
      [
        'headers as an array',
        { privateKey: KEY },
        { ...get, headers: [] },
        'request.headers',
        'must be an object',
      ],
      [
        'a numeric header',
        { privateKey: KEY },
        { ...get, headers: { 'x-a': 1 } },
        'request.headers.x-a',
        'must be a string',
      ],
      [
        'an Authorization header',
        { privateKey: KEY },
        { ...get, headers: { Authorization: 'Basic x' } },
        'request.headers.Authorization',
        'is set by auth, not by headers',
      ],
      [
        'an invalid header name',
        { privateKey: KEY },
        { ...get, headers: { 'a b': 'x' } },
        'request.headers.a b',
        'is not a valid header name and value',
      ],
      [
        'a header value with a newline',
        { privateKey: KEY },
        { ...get, headers: { 'x-a': 'a\nb' } },
        'request.headers.x-a',
        'is not a valid header name and value',
      ],
      [
        'both json and body',
        { privateKey: KEY },
        { ...get, method: 'POST', json: {}, body: 'x' },
        'request.body',
        'set either json or body, not both',
      ],
      [
        'a GET with a body',
        { privateKey: KEY },
        { ...get, body: 'x' },
        'request.body',
        'a GET request has no body',
      ],
      [
        'a HEAD with json',
        { privateKey: KEY },
        { ...get, method: 'HEAD', json: {} },
        'request.json',
        'a HEAD request has no body',
      ],
      [
        'json with a bigint',
        { privateKey: KEY },
        { ...get, method: 'POST', json: { n: 1n } },
        'request.json.n',
        'must be JSON data: a string, a finite number, a boolean, null, an array or a plain object',
      ],
      [
        'json that is a function',
        { privateKey: KEY },
        { ...get, method: 'POST', json: () => 1 },
        'request.json',
        'must be JSON data: a string, a finite number, a boolean, null, an array or a plain object',
      ],
      [
        'a numeric body',
        { privateKey: KEY },
        { ...get, method: 'POST', body: 42 },
        'request.body',
        'must be a string, Blob, FormData, bytes or a ReadableStream',
      ],
      [
        'a config getter that throws',
        {
          privateKey: KEY,
          get timeout() {
            throw new Error('boom')
          },
        },
        get,
        'config.timeout',
        'could not be read',
      ],
      [
        'a retry policy whose limit getter throws',
        {
          privateKey: KEY,
          retry: {
            get limit() {
              throw new Error('boom')
            },
          },
        },
        get,
        'config.retry.limit',
        'could not be read',
      ],
      [
        'a request getter that throws',
        { privateKey: KEY },
        {
          ...get,
          get path() {
            throw new Error(KEY)
          },
        },
        'request.path',
        'could not be read',
      ],
      [
        'a revoked proxy as config',
        (() => {
          const p = Proxy.revocable({}, {})
          p.revoke()
          return p.proxy
        })(),
        get,
        'config',
        'could not be read',
      ],
    ]
    it.each(cases)('rejects %s before sending anything', async (_name, cfg, req, path, message) => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      let config = cfg
      try {
        if (typeof cfg === 'object' && cfg !== null && !('fetch' in cfg))
          config = Object.defineProperty(cfg, 'fetch', { value: fetch, enumerable: true })
      } catch {
        // a revoked proxy stays as it is
      }
      expect(await run(config as TransportConfig, req as HttpRequest<unknown>)).toStrictEqual(
        validation(path, message),
      )
      expect(calls).toHaveLength(0)
    })
  })
})
