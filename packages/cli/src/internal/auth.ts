// `imagekit-fp auth [--expire <s>] [--token <t>]`
import { getAuthenticationParameters } from '@imagekit-fp/utils'
import { reportError, type Context } from './context'
import { EXIT, say } from './io'
import { need } from './settings'

/** Options of `auth`, as commander parses them. */
export interface AuthFlags {
  /** Seconds from now until the signature expires (1 to 3600). */
  readonly expire: number
  readonly token?: string
}

/** Prints, as JSON, what a client-side upload sends: token, expire, signature (and the public key when set). */
export const authCommand = async (ctx: Context, flags: AuthFlags): Promise<number> => {
  const privateKey = need(ctx.settings, 'privateKey', 'the signature is made with it')
  const params = getAuthenticationParameters(
    { privateKey, now: ctx.now },
    {
      expire: Math.floor(ctx.now() / 1000) + flags.expire,
      ...(flags.token === undefined ? {} : { token: flags.token }),
    },
  )
  if (params._tag === 'Left') return reportError(ctx.io, params.left)
  const publicKey = ctx.settings.publicKey
  say(ctx.io.stdout, JSON.stringify({ ...params.right, ...(publicKey ? { publicKey } : {}) }, null, 2))
  return EXIT.ok
}
