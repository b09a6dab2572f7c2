import { createImagekitStandIn as create, type StandIn, type StandInOptions } from '../createImagekitStandIn'
import { listen, type ListeningStandIn } from '../listen'

/**
 * A stand-in that can also serve itself on loopback.
 *
 * @since 0.1.0
 * @category model
 */
export interface NodeStandIn extends StandIn {
  /** Starts a loopback server for this stand-in (call it once per server you need). */
  readonly listen: () => Promise<ListeningStandIn>
}

/**
 * {@link createImagekitStandIn} from `@imagekit-fp/testing`, plus `listen()`: a loopback HTTP server on
 * `127.0.0.1` serving both the API and the upload host, for code that cannot take an injected `fetch`.
 *
 * @param options - keys, URL endpoint, clock, how long jobs stay pending and a rate limit; each has a default.
 * @returns the stand-in, with `listen()`.
 * @example
 * import { createImagekitStandIn } from '@imagekit-fp/testing/node'
 *
 * const standIn = createImagekitStandIn()
 * const { url, close } = await standIn.listen()
 * // new ImageKit({ privateKey: standIn.privateKey, baseURL: url }) now talks to the stand-in
 * await close()
 * @since 0.1.0
 * @category constructors
 */
export const createImagekitStandIn = (options: StandInOptions = {}): NodeStandIn => {
  const standIn = create(options)
  return { ...standIn, listen: () => listen(standIn) }
}
