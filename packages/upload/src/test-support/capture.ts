// Test helpers: a fetch stub that records what upload sends, and a parser for the multipart body.

/** What one call of the stub fetch saw. */
export interface Captured {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  /** The raw body bytes. */
  readonly body: Uint8Array
  /** The body parsed as multipart/form-data (boundary taken from the body's first line). */
  readonly form: FormData
}

export const RESULT = {
  fileId: '6673f88237b244ef54d60180',
  name: 'test-image.jpg',
  filePath: '/test-image.jpg',
  url: 'https://ik.imagekit.io/demo/test-image.jpg',
  size: 117079,
  fileType: 'image',
} as const

/** What `upload` gives for the body {@link RESULT}: the decoded copy, tagged by the SDK. */
export const UPLOADED = { ...RESULT, _tag: 'UploadResult' } as const

/** Parses a multipart body whatever its Content-Type header says, with the platform's own parser. */
export const parseMultipart = async (body: Uint8Array): Promise<FormData> => {
  const firstLine = new TextDecoder().decode(body.subarray(0, 200)).split('\r\n')[0] ?? ''
  const boundary = firstLine.replace(/^--/, '')
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }).formData()
}

/** A fetch that records each request and answers `reply` (default: 200 with {@link RESULT}). */
export const captureFetch = (
  reply: () => Response = () =>
    new Response(JSON.stringify(RESULT), { status: 200, headers: { 'content-type': 'application/json' } }),
): { readonly fetch: typeof fetch; readonly calls: Captured[] } => {
  const calls: Captured[] = []
  const stub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const body = new Uint8Array(await request.arrayBuffer())
    const headers: Record<string, string> = {}
    request.headers.forEach((v, k) => {
      headers[k] = v
    })
    calls.push({ method: request.method, url: request.url, headers, body, form: await parseMultipart(body) })
    return reply()
  }
  return { fetch: stub as typeof fetch, calls }
}

/** Form entries as a plain object; a file part becomes `{ name, type, text }`. */
export const entries = async (
  form: FormData,
): Promise<Record<string, string | { name: string; type: string; text: string }>> => {
  const out: Record<string, string | { name: string; type: string; text: string }> = {}
  for (const [k, v] of form) {
    out[k] = typeof v === 'string' ? v : { name: v.name, type: v.type, text: await v.text() }
  }
  return out
}
