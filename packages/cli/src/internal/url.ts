// `imagekit-fp url <path> [--tr …] [--sign] [--expire <s>]`
import { buildUrl, signUrl, type BuildUrlOptions } from '@imagekit-fp/url'
import { reportError, type Context } from './context'
import { EXIT, say } from './io'
import { need } from './settings'

/** Options of `url`, as commander parses them. */
export interface UrlFlags {
  readonly tr: readonly string[]
  readonly query?: boolean
  readonly sign?: boolean
  readonly expire?: number
}

/** Prints the URL of `path` (or of a full URL under the endpoint), signed when asked. */
export const urlCommand = async (ctx: Context, path: string, flags: UrlFlags): Promise<number> => {
  const urlEndpoint = need(ctx.settings, 'urlEndpoint', 'it is the start of every URL')
  const options: BuildUrlOptions = {
    ...(/^https?:\/\//i.test(path) ? { src: path } : { path }),
    ...(flags.tr.length === 0 ? {} : { transformation: flags.tr.map((raw) => ({ raw })) }),
    ...(flags.query === true ? { transformationPosition: 'query' as const } : {}),
  }
  const signed = flags.sign === true || flags.expire !== undefined
  const url = signed
    ? signUrl(
        {
          urlEndpoint,
          privateKey: need(ctx.settings, 'privateKey', 'signing needs it'),
          now: ctx.now,
        },
        { ...options, ...(flags.expire === undefined ? {} : { expireSeconds: flags.expire }) },
      )
    : buildUrl({ urlEndpoint }, options)
  if (url._tag === 'Left') return reportError(ctx.io, url.left)
  say(ctx.io.stdout, url.right)
  return EXIT.ok
}
