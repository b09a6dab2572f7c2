// Types of ./standIn.mjs (plain JavaScript, run by Node as is).

/** A fault for the next upload(s), with the shape of @imagekit-fp/testing's `Fault` (the subset used here). */
export interface Fault {
  /** How many uploads it applies to. @default 1 */
  readonly times?: number
  /** Answer with this status (after reading the body) instead of storing the file. */
  readonly status?: number
  /** With `status`: the JSON body. @default `{ message: 'Injected fault: status N.', help }` */
  readonly body?: unknown
  /** Wait this long before handling the upload; the client going away ends the wait. */
  readonly delayMs?: number
  /** Read the body, then drop the connection (HTTP/1.1) or the stream (HTTP/2) without an answer. */
  readonly reset?: boolean
}

export interface StandInUploadRequest {
  readonly method: string
  readonly path: string
  readonly httpVersion: string
  /** The status answered, `'reset'`, `'aborted'` (the client went away), or undefined while pending. */
  readonly status: number | 'reset' | 'aborted' | undefined
  readonly fault?: Fault
}

export interface StandInDelivery {
  /** Path and query as requested. */
  readonly url: string
  /** The file's path (after the endpoint and any `tr:` segment). */
  readonly path: string
  readonly transformation: string | undefined
  readonly status: number
}

export interface StandIn {
  readonly uploadBaseUrl: string
  readonly urlEndpoint: string
  readonly privateKey: string
  readonly publicKey: string
  readonly maxFileSize: number
  readonly inject: (fault: Fault) => void
  readonly files: () => readonly { readonly filePath: string; readonly size: number; readonly type: string }[]
  readonly requests: () => readonly StandInUploadRequest[]
  readonly deliveries: () => readonly StandInDelivery[]
  readonly reset: () => void
  readonly close: () => Promise<void>
}

export declare const startStandIn: (options?: {
  readonly tls?: { readonly key: Buffer; readonly cert: Buffer }
  readonly maxFileSize?: number
}) => Promise<StandIn>
