// Types of ./server.mjs (plain JavaScript, run by Node as is).
import type { NodeStandIn } from '@imagekit-fp/testing/node'

/** The account the server signs for and purges on (or a stand-in's keys and `fetch`). */
export interface ServerAccount {
  readonly privateKey: string
  readonly publicKey: string
  /** Where file URLs point; a `file.updated` event without `url` is purged at `urlEndpoint + filePath`. */
  readonly urlEndpoint: string
  /** Where the media API is (default https://api.imagekit.io). */
  readonly apiBaseUrl?: string
  /** The fetch the purge calls use (a stand-in's `fetch`, say). */
  readonly fetch?: typeof globalThis.fetch
}

export interface StartServerOptions {
  /** Default 0: a free port. */
  readonly port?: number
  /** Without it the server starts the offline stand-in on loopback (closed with the server). */
  readonly imagekit?: ServerAccount
  /** The endpoint's secret (`whsec_…`); offline it defaults to {@link OFFLINE_WEBHOOK_SECRET}. */
  readonly webhookSecret?: string
  /** Clock in milliseconds, for the signatures made and the webhook timestamps checked. */
  readonly now?: () => number
  /** Where each log line goes. @default console.log */
  readonly log?: (line: string) => void
  /** Largest request body read, in bytes; above it the answer is 413. @default 1048576 */
  readonly maxBodyBytes?: number
  /** First wait between two purge status reads (waitForPurge), in milliseconds. @default 1000 */
  readonly purgePollInterval?: number
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  /** The stand-in the server started itself (when no `imagekit` was given). */
  readonly standIn: NodeStandIn | undefined
  /** Resolves once every purge the server is waiting for (waitForPurge) has ended. */
  readonly idle: () => Promise<void>
  readonly close: () => Promise<void>
}

export declare const OFFLINE_WEBHOOK_SECRET: string

export declare const startServer: (options?: StartServerOptions) => Promise<RunningServer>

/** The account from IMAGEKIT_* variables, undefined when none is set, or a message naming what is missing. */
export declare const accountFromEnv: (
  env: Readonly<Record<string, string | undefined>>,
) => ServerAccount | string | undefined
