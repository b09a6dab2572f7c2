// What the upload test files share: a fixed clock, keys, the client-side auth fields, config makers, and a
// one-line table row for "this input is refused before anything is sent".
import { expect } from 'vitest'
import type { ValidationError } from '@imagekit-fp/utils'
import { upload, type UploadConfig, type UploadRequest } from '@imagekit-fp/upload'
import { captureFetch } from './capture'

export const NOW = 1_700_000_000_000
export const EXPIRE = 1_700_000_600
export const KEY = 'private_test_key'
export const server = (fetch: typeof globalThis.fetch): UploadConfig => ({
  privateKey: KEY,
  fetch,
  now: () => NOW,
})
export const client = (fetch: typeof globalThis.fetch): UploadConfig => ({ fetch, now: () => NOW })
export const CLIENT_AUTH = {
  publicKey: 'public_test',
  token: 'tok-1',
  signature: 'abc123',
  expire: EXPIRE,
} as const

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

export const send = async (config: UploadConfig, request: UploadRequest) => upload(config, request)()

/** The request most refusal rows start from: a server-side upload of one byte. */
export const base = { file: bytes('a'), fileName: 'a.jpg' } as const

/** One refusal: title, config, request, and the ValidationError's path and message. */
export type Refusal = readonly [string, unknown, unknown, string, string]

/** A row with its own config and request. */
export const row = (
  title: string,
  config: unknown,
  request: unknown,
  path: string,
  message: string,
): Refusal => [title, config, request, path, message] as const

/** A server-side row: `fields` over {@link base}, with `privateKey`. */
export const srv = (title: string, fields: object, path: string, message: string): Refusal =>
  [title, { privateKey: KEY }, { ...base, ...fields }, path, message] as const

/** A client-side row: `fields` over {@link base} and {@link CLIENT_AUTH}, with the fixed clock. */
export const cli = (title: string, fields: object, path: string, message: string): Refusal =>
  [title, { now: () => NOW }, { ...base, ...CLIENT_AUTH, ...fields }, path, message] as const

/** `upload(config, request)` is exactly `Left(error)`, and fetch was never called. */
export const expectRefused = async (config: unknown, request: unknown, error: ValidationError) => {
  const { fetch, calls } = captureFetch()
  const cfg = config !== null && typeof config === 'object' ? { ...config, fetch } : config
  const result = await upload(cfg as UploadConfig, request as UploadRequest)()
  expect(result).toStrictEqual({ _tag: 'Left', left: error })
  expect(calls).toHaveLength(0)
}
