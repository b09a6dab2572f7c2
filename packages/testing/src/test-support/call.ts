// One-line helpers for the stand-in's tests: an API call as data, and multipart uploads.
import type { StandIn } from '../createImagekitStandIn'

export interface Answer {
  readonly status: number
  readonly body: unknown
  readonly headers: Readonly<Record<string, string>>
}

/** Basic auth with the stand-in's private key. */
export const basic = (standIn: Pick<StandIn, 'privateKey'>): string =>
  `Basic ${btoa(`${standIn.privateKey}:`)}`

const read = async (res: Response): Promise<Answer> => {
  const text = await res.text()
  const headers: Record<string, string> = {}
  res.headers.forEach((v, k) => {
    headers[k] = v
  })
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers }
}

/** Sends `method path` (JSON body when given) with Basic auth, through `standIn.fetch` or to `base`. */
export const call = async (
  standIn: Pick<StandIn, 'fetch' | 'privateKey'>,
  method: string,
  path: string,
  json?: unknown,
  options: { readonly auth?: string | null; readonly base?: string } = {},
): Promise<Answer> => {
  const auth = options.auth === undefined ? basic(standIn) : options.auth
  const url = `${options.base ?? 'https://api.imagekit.io'}${path}`
  const init: RequestInit = {
    method,
    headers: {
      ...(auth === null ? {} : { authorization: auth }),
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  }
  return read(options.base === undefined ? await standIn.fetch(url, init) : await fetch(url, init))
}

/** Posts a multipart upload (v1 by default) with the given fields; `file` may be bytes or text. */
export const uploadForm = async (
  standIn: Pick<StandIn, 'fetch' | 'privateKey'>,
  fields: Readonly<Record<string, string | Uint8Array>>,
  options: { readonly auth?: string | null; readonly version?: 1 | 2; readonly base?: string } = {},
): Promise<Answer> => {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') form.append(k, v)
    else form.append(k, new Blob([v as Uint8Array<ArrayBuffer>]), 'blob')
  }
  const auth = options.auth === undefined ? basic(standIn) : options.auth
  const url = `${options.base ?? 'https://upload.imagekit.io'}/api/v${options.version ?? 1}/files/upload`
  const init: RequestInit = {
    method: 'POST',
    body: form,
    headers: auth === null ? {} : { authorization: auth },
  }
  return read(options.base === undefined ? await standIn.fetch(url, init) : await fetch(url, init))
}

/** A 1x1 PNG (RGBA) of the given width and height header values (the pixel data is not valid; headers are). */
export const pngHeader = (width: number, height: number): Uint8Array => {
  const b = new Uint8Array(33)
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  new DataView(b.buffer).setUint32(16, width)
  new DataView(b.buffer).setUint32(20, height)
  b[24] = 8
  b[25] = 6
  return b
}
