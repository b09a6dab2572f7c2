// Authentication as ImageKit checks it: HTTP Basic with the private key (API and server-side upload), the
// v1 client-side fields (publicKey, token, expire, signature = HMAC-SHA1(privateKey, token + expire)) and the
// v2 JWT (HS256 with the private key, `kid` = public key, every form field in its payload).
import { hmacSha1Hex, hmacSha256 } from '@imagekit-fp/utils'

// The digests, or a value no signature equals where the runtime has no HMAC (so the check fails closed).
const sha1Hex = (key: string, message: string): string => {
  const r = hmacSha1Hex(key, message)
  return r._tag === 'Right' ? r.right : ''
}
const sha256 = (key: string, message: string): Uint8Array => {
  const r = hmacSha256(key, message)
  return r._tag === 'Right' ? r.right : new Uint8Array()
}
import { fail, type Reply } from './reply'
import type { State } from './state'

/** The keys a stand-in checks against. */
export interface Keys {
  readonly privateKey: string
  readonly publicKey: string
}

/** Constant-time string comparison (the length still shows, as with any HMAC check). */
export const same = (a: string, b: string): boolean => {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}

const decodeBase64 = (s: string): string | undefined => {
  try {
    return atob(s)
  } catch {
    return undefined
  }
}

/**
 * The key an `Authorization: Basic …` header presents: `base64(key + ":" + anything)`, or the bare key (both are
 * documented); the private key when either reading of it matches. `undefined` without a Basic header.
 */
export const basicKeyOf = (keys: Keys, authorization: string | null): string | undefined => {
  if (authorization === null || !/^basic\s+/i.test(authorization)) return undefined
  const credential = authorization.replace(/^basic\s+/i, '').trim()
  const decoded = decodeBase64(credential)
  const user =
    decoded === undefined
      ? undefined
      : decoded.slice(0, decoded.includes(':') ? decoded.indexOf(':') : undefined)
  if (user !== undefined && same(user, keys.privateKey)) return user
  return same(credential, keys.privateKey) ? credential : (user ?? credential)
}

/** Checks `Authorization: Basic …` against the private key. `undefined` when it passes. */
export const checkBasic = (keys: Keys, authorization: string | null): Reply | undefined => {
  const key = basicKeyOf(keys, authorization)
  if (key === undefined) return fail(401, 'Your request does not contain private API key.')
  return same(key, keys.privateKey) ? undefined : fail(401, 'Your account cannot be authenticated.')
}

const UPLOAD_AUTH_FIELDS = ['publicKey', 'token', 'expire', 'signature'] as const

/** Checks v1 client-side upload fields at clock `nowMs`; marks the token used when they pass. */
export const checkClientSignature = (
  keys: Keys,
  state: State,
  fields: Readonly<Record<string, string>>,
  nowMs: number,
): Reply | undefined => {
  const missing = UPLOAD_AUTH_FIELDS.find((k) => fields[k] === undefined || fields[k] === '')
  if (missing === 'publicKey') return fail(400, 'Your request is missing publicKey parameter.')
  if (!same(fields.publicKey!, keys.publicKey)) return fail(401, 'Your account cannot be authenticated.')
  if (missing !== undefined) return fail(400, `Your request is missing ${missing} parameter.`)
  const expire = Number(fields.expire)
  const now = Math.floor(nowMs / 1000)
  if (!/^\d+$/.test(fields.expire!) || expire <= now || expire > now + 3600) {
    return fail(
      400,
      'Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.',
    )
  }
  if (!same(fields.signature!, sha1Hex(keys.privateKey, `${fields.token!}${fields.expire!}`))) {
    return fail(400, 'Your request contains invalid signature. Please make sure it is generated correctly.')
  }
  if (state.usedTokens.has(fields.token!))
    return fail(400, 'The token has been used before. Please use a new token.')
  state.usedTokens.add(fields.token!)
  return undefined
}

const base64UrlToText = (s: string): string | undefined => {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return undefined
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/')
  const bin = decodeBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
  if (bin === undefined) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))
  } catch {
    return undefined
  }
}

const bytesToBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

const parseObject = (text: string | undefined): Record<string, unknown> | undefined => {
  if (text === undefined) return undefined
  try {
    const u: unknown = JSON.parse(text)
    return typeof u === 'object' && u !== null && !Array.isArray(u)
      ? (u as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/**
 * The public key a client-side upload presents (not yet checked): the `publicKey` field (v1), or the `kid` of
 * the JWT `token`'s header (v2). `undefined` when there is none.
 */
export const clientKeyOf = (
  clientAuth: 'signature' | 'jwt',
  fields: Readonly<Record<string, string>>,
): string | undefined => {
  if (clientAuth === 'signature') return fields.publicKey === '' ? undefined : fields.publicKey
  const kid = parseObject(base64UrlToText(fields.token?.split('.')[0] ?? ''))?.kid
  return typeof kid === 'string' && kid !== '' ? kid : undefined
}

/** How a JWT claim compares with the form field sent beside it. */
const asField = (u: unknown): string =>
  typeof u === 'string' ? u : Array.isArray(u) ? u.join(',') : JSON.stringify(u)

/**
 * Checks a v2 upload's JWT `token`: HS256 signed with the private key, header `kid` = public key, `exp` in the
 * future and at most an hour past `iat` (and past now), never used before, and a payload whose claims other
 * than `iat`/`exp` are exactly the form fields other than `file` and `token`.
 */
export const checkJwt = (
  keys: Keys,
  state: State,
  fields: Readonly<Record<string, string>>,
  nowMs: number,
): Reply | undefined => {
  const token = fields.token
  if (token === undefined || token === '') return fail(400, 'Your request is missing token parameter.')
  const invalid = fail(400, 'Your request has invalid token.')
  const parts = token.split('.')
  if (parts.length !== 3) return invalid
  const [h, p, sig] = parts as [string, string, string]
  const header = parseObject(base64UrlToText(h))
  const payload = parseObject(base64UrlToText(p))
  if (header === undefined || payload === undefined || header.alg !== 'HS256') return invalid
  if (typeof header.kid !== 'string' || !same(header.kid, keys.publicKey)) return invalid
  if (!same(sig, bytesToBase64Url(sha256(keys.privateKey, `${h}.${p}`)))) return invalid
  const now = Math.floor(nowMs / 1000)
  const { iat, exp } = payload
  if (typeof exp !== 'number' || (iat !== undefined && typeof iat !== 'number')) return invalid
  if (exp <= now) return fail(400, 'Your request contains expired token.')
  if (exp - (typeof iat === 'number' ? Math.min(iat, now) : now) > 3600) {
    return fail(400, 'Your request has invalid token. Its expiry is more than one hour after it was issued.')
  }
  if (state.usedTokens.has(token)) return fail(400, 'The token has been used before. Please use a new token.')
  const claims = Object.entries(payload).filter(([k]) => k !== 'iat' && k !== 'exp')
  const sent = Object.entries(fields).filter(([k]) => k !== 'file' && k !== 'token')
  const matches =
    claims.length === sent.length &&
    claims.every(([k, v]) => Object.hasOwn(fields, k) && fields[k] === asField(v))
  state.usedTokens.add(token)
  return matches
    ? undefined
    : fail(
        400,
        'Your request contains invalid payload. It does not match with the payload used to generate token.',
      )
}

/** Signs a v2 upload JWT the way ImageKit expects one (a helper for tests that upload client-side to v2). */
export const signJwt = (keys: Keys, claims: Record<string, unknown>): string => {
  const enc = (o: unknown) => bytesToBase64Url(new TextEncoder().encode(JSON.stringify(o)))
  const head = `${enc({ alg: 'HS256', typ: 'JWT', kid: keys.publicKey })}.${enc(claims)}`
  return `${head}.${bytesToBase64Url(sha256(keys.privateKey, head))}`
}
