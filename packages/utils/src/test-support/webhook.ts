// Shared by the verifyWebhook tests: a fixed secret, clock and event, and signing with our own HMAC and base64.
import { webhookError } from '../errors'
import { hmacSha256 as hmacSha256Either, hmacSha256Hex as hmacSha256HexEither } from '../hmac'
import type { HmacInput } from '../hmac'
import { encodeBase64 } from '@imagekit-fp/internal'
import { concatBytes, utf8 } from '../internal/bytes'

export const SECRET = 'whsec_dGVzdF9zZWNyZXRfMTIzNDU2Nzg5MA=='
export const NOW_S = 1735689600
export const NOW_MS = NOW_S * 1000 + 250
export const config = { webhookSecret: SECRET, now: () => NOW_MS }
export const EVENT = {
  id: '7f1c0c3e-2b4d-4c7a-9a57-0a5b1d9c9f00',
  type: 'file.deleted',
  created_at: '2025-01-01T00:00:00.000Z',
  data: { fileId: '598821f949c0a938d57563bd' },
}
export const BODY = JSON.stringify(EVENT)
export const MSG_ID = 'msg_2b4d4c7a9a57'

// The HMAC functions return an Either; these tests sign with their Right.
const unwrap = <A>(r: { _tag: 'Left' } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error('no HMAC')
  return r.right
}
export const hmacSha256 = (k: HmacInput, m: HmacInput) => unwrap(hmacSha256Either(k, m))
export const hmacSha256Hex = (k: HmacInput, m: HmacInput) => unwrap(hmacSha256HexEither(k, m))

const bytesOf = (body: string | Uint8Array) => (typeof body === 'string' ? utf8(body) : body)

/** Standard Webhooks `v1,<base64>` signed with our own HMAC and base64. */
export const signStandard = (secret: string, id: string, ts: number, body: string | Uint8Array) =>
  `v1,${encodeBase64(hmacSha256(secret, concatBytes(utf8(`${id}.${ts}.`), bytesOf(body))))}`

/** Legacy `t=<ms>,v1=<hex>` signed with our own HMAC. */
export const signLegacy = (secret: string, tMs: number, body: string | Uint8Array) =>
  `t=${tMs},v1=${hmacSha256Hex(secret, concatBytes(utf8(`${tMs}.`), bytesOf(body)))}`

export const standardHeaders = (ts = NOW_S, body: string | Uint8Array = BODY, secret = SECRET) => ({
  'webhook-id': MSG_ID,
  'webhook-timestamp': String(ts),
  'webhook-signature': signStandard(secret, MSG_ID, ts, body),
})

/** A verified Standard Webhooks request: its `webhook-id` (default `MSG_ID`), timestamp and event. */
export const right = (timestamp: number, event: unknown = EVENT, id: string = MSG_ID) => ({
  _tag: 'Right',
  right: { id, timestamp, event },
})
/** A verified legacy request: the id is the event's own `id`. */
export const legacyRight = (timestamp: number, event: { readonly id: string } = EVENT) =>
  right(timestamp, event, event.id)
export const wl = (reason: Parameters<typeof webhookError>[0], message: string) => ({
  _tag: 'Left',
  left: webhookError(reason, message),
})
