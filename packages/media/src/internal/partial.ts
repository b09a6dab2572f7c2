// The 207 partial success of the bulk calls is data: the decoded body, kept whole, plus `partial`.
import type { Decoder } from 'io-ts'

/**
 * The `codec` and `result` of a call whose 207 is a partial success: the body with `partial: true` on a 207,
 * `false` otherwise. Spread it into the call: `{ method, path, ...partialSuccess(Codec) }`.
 */
export const partialSuccess = <A extends object>(codec: Decoder<unknown, A>) => ({
  codec,
  result: (body: A, status: number): A & { readonly partial: boolean } => ({
    ...body,
    partial: status === 207,
  }),
})
