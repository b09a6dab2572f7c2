// verifyWebhook beside the standardwebhooks package (what @imagekit/nodejs verifies with): the same
// webhook-signature header values, the same accept/reject verdicts.
import fc from 'fast-check'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { utf8 } from './internal/bytes'
import { verifyWebhook } from './verifyWebhook'
import { BODY, config, MSG_ID, NOW_MS, NOW_S, SECRET, signStandard } from './test-support/webhook'

// Keyed as ImageKit keys it: the UTF-8 bytes of the whole secret string.
const theirs = new Webhook(utf8(SECRET), { format: 'raw' })

type Verdict = 'accept' | 'reject'

const headersWith = (signature: string, id = MSG_ID, timestamp = String(NOW_S)) => ({
  'webhook-id': id,
  'webhook-timestamp': timestamp,
  'webhook-signature': signature,
})

const theirVerdict = (headers: Record<string, string>): Verdict => {
  try {
    theirs.verify(BODY, headers)
    return 'accept'
  } catch {
    return 'reject'
  }
}
const ourVerdict = (headers: Record<string, string>): Verdict =>
  verifyWebhook(config, { body: BODY, headers })._tag === 'Right' ? 'accept' : 'reject'

/** A message id whose signature has a `+` or `/`, so that its base64url twin differs from it. */
const urlSafeId = (() => {
  for (let i = 0; ; i++) if (/[+/]/.test(signStandard(SECRET, `msg_${i}`, NOW_S, BODY))) return `msg_${i}`
})()

const SIG = signStandard(SECRET, MSG_ID, NOW_S, BODY)
const B64 = SIG.slice('v1,'.length)
const UNPADDED = `v1,${B64.replace(/=+$/, '')}`
const WRONG = `v1,${B64.startsWith('A') ? 'B' : 'A'}${B64.slice(1)}`
// 32 bytes leave 2 spare bits in the last character before `=`: setting one is a non-canonical twin.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const NON_CANONICAL = `v1,${B64.slice(0, -2)}${ALPHABET[ALPHABET.indexOf(B64.charAt(B64.length - 2)) | 1]}=`

describe('verifyWebhook', () => {
  // standardwebhooks reads the clock itself: pin Date.now to the tests' clock.
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW_MS)
  })
  afterAll(() => {
    vi.useRealTimers()
  })

  describe('gives the verdicts of standardwebhooks on the webhook-signature header', () => {
    it.each<[string, string, Verdict]>([
      ['the padded signature', SIG, 'accept'],
      ['the same signature unpadded', UNPADDED, 'reject'],
      ['the signature with one more =', `${SIG}=`, 'reject'],
      ['a non-canonical twin (spare bits set)', NON_CANONICAL, 'reject'],
      ['a wrong signature', WRONG, 'reject'],
      ['a wrong then the right signature', `${WRONG} ${SIG}`, 'accept'],
      ['the right then a wrong signature', `${SIG} ${WRONG}`, 'accept'],
      ['the right signature twice', `${SIG} ${SIG}`, 'accept'],
      ['two wrong signatures', `${WRONG} ${UNPADDED}`, 'reject'],
      ['two spaces between signatures', `${WRONG}  ${SIG}`, 'accept'],
      ['a leading space', ` ${SIG}`, 'accept'],
      ['a trailing space', `${SIG} `, 'accept'],
      ['a tab between signatures', `${WRONG}\t${SIG}`, 'reject'],
      ['a trailing tab', `${SIG}\t`, 'reject'],
      ['a trailing CRLF', `${SIG}\r\n`, 'reject'],
      ['a newline between signatures', `${WRONG}\n${SIG}`, 'reject'],
      ['a trailing comma', `${SIG},`, 'reject'],
      ['a comma and a space between signatures (the right one first)', `${SIG}, ${WRONG}`, 'reject'],
      ['a space after the version', `v1, ${B64}`, 'reject'],
      ['version v2', `v2,${B64}`, 'reject'],
      ['version V1', `V1,${B64}`, 'reject'],
      ['version v1a', `v1a,${B64}`, 'reject'],
      ['v1= instead of v1,', `v1=${B64}`, 'reject'],
      ['no version', B64, 'reject'],
      ['v1, alone', 'v1,', 'reject'],
      ['an empty header', '', 'reject'],
      ['spaces only', '   ', 'reject'],
    ])('%s', (_, signature, verdict) => {
      const headers = headersWith(signature)
      expect(theirVerdict(headers)).toBe(verdict)
      expect(ourVerdict(headers)).toBe(verdict)
    })

    it('rejects the base64url spelling of a signature, as standardwebhooks does', () => {
      const sig = signStandard(SECRET, urlSafeId, NOW_S, BODY)
      const headers = headersWith(sig.replace(/\+/g, '-').replace(/\//g, '_'), urlSafeId)
      expect([theirVerdict(headers), ourVerdict(headers)]).toStrictEqual(['reject', 'reject'])
      const original = headersWith(sig, urlSafeId)
      expect([theirVerdict(original), ourVerdict(original)]).toStrictEqual(['accept', 'accept'])
    })

    it('agrees on any header put together from signatures, separators and prefixes', () => {
      const piece = fc.constantFrom(
        SIG,
        UNPADDED,
        WRONG,
        NON_CANONICAL,
        B64,
        ' ',
        '  ',
        '\t',
        '\n',
        ',',
        '=',
        'v1,',
        'v2,',
      )
      fc.assert(
        fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
          const headers = headersWith(pieces.join(''))
          expect(ourVerdict(headers)).toBe(theirVerdict(headers))
        }),
        { numRuns: 1000 },
      )
    })
  })

  describe('differs from standardwebhooks only where it is stricter about the other headers', () => {
    it.each([
      ['a blank webhook-id (no id to drop a redelivery by)', ' ', String(NOW_S)],
      ['a timestamp with trailing characters (parseInt reads 1735689600abc)', MSG_ID, `${NOW_S}abc`],
      ['a fractional timestamp', MSG_ID, `${NOW_S}.5`],
      ['a timestamp with a + sign', MSG_ID, `+${NOW_S}`],
    ])('%s: standardwebhooks accepts it, verifyWebhook rejects it', (_, id, timestamp) => {
      const headers = headersWith(signStandard(SECRET, id, NOW_S, BODY), id, timestamp)
      expect([theirVerdict(headers), ourVerdict(headers)]).toStrictEqual(['accept', 'reject'])
    })
  })
})
