import type { either } from 'fp-ts'
import type { ValidationError } from '@imagekit-fp/utils'
import { validationError } from '@imagekit-fp/utils'
import type { BuildUrlOptions } from './buildUrl'
import type { UrlConfig } from './model/UrlConfig'
import { UNREADABLE, left, right } from '@imagekit-fp/internal'
import { serializeTransformation } from './internal/serializeTransformation'
import { emitUrl, refuseSigning, resolveTarget, type UrlTarget } from './internal/urlTarget'

/**
 * Options of {@link getResponsiveImageAttributes}: the `buildUrl` options plus the responsive strategy.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetResponsiveImageAttributesOptions extends BuildUrlOptions {
  /**
   * The HTML `sizes` value (`"(min-width: 768px) 50vw, 100vw"`). Gives `w` descriptors; its smallest `vw`
   * percentage drops candidates narrower than that share of the smallest device breakpoint. Wins over `width`.
   */
  readonly sizes?: string
  /** The display width in CSS px, used when there is no `sizes`: gives a `1x`/`2x` `srcSet`. */
  readonly width?: number
  /**
   * Device widths in px (whole numbers above 0, at least one). Sorted for you.
   *
   * @default [640, 750, 828, 1080, 1200, 1920, 2048, 3840]
   */
  readonly deviceBreakpoints?: readonly number[]
  /**
   * Extra, smaller image widths in px (whole numbers above 0), merged with the device widths for `sizes`
   * and `width`. Sorted for you.
   *
   * @default [16, 32, 48, 64, 96, 128, 256, 384]
   */
  readonly imageBreakpoints?: readonly number[]
}

/**
 * The attributes for an `<img>` element.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetResponsiveImageAttributesResult {
  /** The URL of the largest candidate, for the plain `src` attribute. */
  readonly src: string
  /** The candidates with their `w` or `x` descriptors, joined by `, `. */
  readonly srcSet: string
  /** The `sizes` given, or `100vw` for `w` descriptors without one. */
  readonly sizes?: string
  /** The `width` given. */
  readonly width?: number
}

const DEVICE_BREAKPOINTS: readonly number[] = [640, 750, 828, 1080, 1200, 1920, 2048, 3840]
const IMAGE_BREAKPOINTS: readonly number[] = [16, 32, 48, 64, 96, 128, 256, 384]
const VW = /(^|\s)(1?\d{1,2})vw/g

const ascending = (a: number, b: number): number => a - b

/** Most widths in either breakpoint list (checked before anything iterates over it). */
const MAX_BREAKPOINTS = 1000

// Sorted, without duplicates (a srcset must not repeat a descriptor): sort, then drop repeats, O(n log n).
const sortedUnique = (a: readonly number[]): number[] => {
  const sorted = a.slice().sort(ascending)
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1])
}

const breakpoints = (
  v: unknown,
  at: string,
  fallback: readonly number[],
  nonEmpty: boolean,
): number[] | ValidationError => {
  if (v === undefined || v === null) return sortedUnique(fallback)
  if (!Array.isArray(v) || (nonEmpty && v.length === 0))
    return validationError(
      at,
      nonEmpty ? 'must be a non-empty array of widths' : 'must be an array of widths',
    )
  if (v.length > MAX_BREAKPOINTS)
    return validationError(at, `must have at most ${MAX_BREAKPOINTS} widths (it has ${v.length})`)
  for (let i = 0; i < v.length; i++) {
    const w: unknown = v[i]
    if (typeof w !== 'number' || !Number.isSafeInteger(w) || w < 1)
      return validationError(at + '[' + i + ']', 'must be a whole number of pixels above 0')
  }
  return sortedUnique(v as number[])
}

/** The responsive options, checked: `sizes`, `width`, the sorted device widths and all widths. */
interface Strategy {
  readonly sizes: string | undefined
  readonly width: number | undefined
  readonly device: readonly number[]
  readonly all: readonly number[]
}

/** Reads and checks the responsive options (a throwing getter fails at `options`). */
const readStrategy = (
  options: GetResponsiveImageAttributesOptions,
): either.Either<ValidationError, Strategy> => {
  let sizes: unknown
  let width: unknown
  let device: number[] | ValidationError
  let all: number[] | ValidationError
  try {
    sizes = options.sizes
    width = options.width
    device = breakpoints(options.deviceBreakpoints, 'options.deviceBreakpoints', DEVICE_BREAKPOINTS, true)
    all = breakpoints(options.imageBreakpoints, 'options.imageBreakpoints', IMAGE_BREAKPOINTS, false)
  } catch {
    return left(validationError('options', UNREADABLE))
  }
  if (sizes != null && typeof sizes !== 'string')
    return left(validationError('options.sizes', 'must be a string'))
  if (width != null && (typeof width !== 'number' || !(width > 0) || width === Infinity))
    return left(validationError('options.width', 'must be a number above 0'))
  if (!Array.isArray(device)) return left(device)
  if (!Array.isArray(all)) return left(all)
  return right({
    sizes: sizes ?? undefined,
    width: width ?? undefined,
    device,
    all: sortedUnique(all.concat(device)),
  })
}

/** With `sizes`: every width at least its smallest `vw` share of the smallest device width. */
const bySizes = (sizes: string, device: readonly number[], all: readonly number[]): readonly number[] => {
  // The smallest `vw` share, in one pass (`Math.min(...list)` throws a RangeError on a long `sizes`).
  let share = Infinity
  for (const m of sizes.matchAll(VW)) share = Math.min(share, parseInt(m[2]!, 10))
  const min = share === Infinity ? 0 : device[0]! * (share / 100)
  const candidates = all.filter((w) => w >= min)
  // `sizes` above 100vw can leave nothing: keep the widest candidate rather than an empty srcset.
  return candidates.length === 0 ? [all[all.length - 1]!] : candidates
}

/** With `width`: the nearest widths at or above `width` and `2 * width` (`1x`, `2x`). */
const byWidth = (width: number, all: readonly number[]): readonly number[] => {
  const nearest = (t: number): number => all.find((w) => w >= t) ?? all[all.length - 1]!
  const one = nearest(width)
  const two = nearest(width * 2)
  return one === two ? [one] : [one, two]
}

/** The URL of `target` at each width, with `{ width: w, crop: 'at_max' }` appended to its transformation. */
const urlsAt = (target: UrlTarget, widths: readonly number[]): string[] =>
  widths.map((w) => {
    const step = serializeTransformation([{ width: w, crop: 'at_max' }], 'options')
    const base = target[6]
    const tr = step._tag === 'Right' ? (base === '' ? step.right : base + ':' + step.right) : base
    return emitUrl(target, tr)
  })

/**
 * Builds `src`, `srcSet` and `sizes` for a responsive `<img>`, with the semantics of the official
 * `@imagekit/javascript` function of the same name. Each candidate URL is built like `buildUrl`, with
 * the step `{ width: w, crop: 'at_max' }` appended to the transformation. The URLs are not signed.
 *
 * Candidates: with `sizes`, every breakpoint (device and image) at least as wide as the smallest `vw`
 * share of the smallest device breakpoint (`w` descriptors); else with `width`, the nearest breakpoints
 * at or above `width` and `2 * width` (`1x`, `2x`); else the device breakpoints (`w`, `sizes: 100vw`).
 *
 * @param config - `urlEndpoint` and the default `transformationPosition`.
 * @param options - the `buildUrl` options plus `sizes`, `width`, `deviceBreakpoints`, `imageBreakpoints`.
 * @returns `Right` with the attributes, or `Left<ValidationError>` for everything `buildUrl` rejects and
 *   a bad `sizes`, `width` or breakpoint list.
 * @example
 * import { getResponsiveImageAttributes } from '@imagekit-fp/url'
 *
 * getResponsiveImageAttributes(
 *   { urlEndpoint: 'https://ik.imagekit.io/demo' },
 *   { path: '/a.jpg', width: 400, transformationPosition: 'query' },
 * )
 * // { _tag: 'Right', right: {
 * //   src: 'https://ik.imagekit.io/demo/a.jpg?tr=w-828%2Cc-at_max',
 * //   srcSet: 'https://ik.imagekit.io/demo/a.jpg?tr=w-640%2Cc-at_max 1x, https://ik.imagekit.io/demo/a.jpg?tr=w-828%2Cc-at_max 2x',
 * //   width: 400 } }
 * @since 0.1.0
 * @category url
 */
export const getResponsiveImageAttributes = (
  config: UrlConfig,
  options: GetResponsiveImageAttributesOptions,
): either.Either<ValidationError, GetResponsiveImageAttributesResult> => {
  const r = resolveTarget(config, options, refuseSigning)
  if (r._tag === 'Left') return r
  const read = readStrategy(options)
  if (read._tag === 'Left') return read
  const { sizes, width, device, all } = read.right
  const x = !sizes && width !== undefined
  const candidates = sizes ? bySizes(sizes, device, all) : x ? byWidth(width, all) : device
  const urls = urlsAt(r.right, candidates)
  const srcSet = urls.map((u, i) => u + ' ' + (x ? i + 1 + 'x' : candidates[i] + 'w')).join(', ')
  const finalSizes = sizes ?? (x ? '' : '100vw')
  return right({
    src: urls[urls.length - 1]!,
    srcSet,
    ...(finalSizes === '' ? {} : { sizes: finalSizes }),
    ...(width === undefined ? {} : { width }),
  })
}
