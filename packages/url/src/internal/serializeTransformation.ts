import type { either } from 'fp-ts'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import { base64Utf8, boundedLength, caught, fail, left, right } from '@imagekit-fp/internal'
import { TABLES } from './transformationMap'

// A bad value throws its ValidationError through `fail`; `serializeTransformation` catches once.

type Obj = Readonly<Record<string, unknown>>

// Overlay inputs that may be emitted as plain `i-…` in `auto` encoding (official grammar: ASCII
// letters, digits, `-._ `, and `/` in paths).
const SIMPLE = /^[\w\-. /]*$/
/** The error message for a transformation value that is not a string, number or boolean. */
export const SCALAR = 'must be a string, number or boolean'
const PLAIN = 'must be a plain object'
const hasOwn = Object.prototype.hasOwnProperty

// A plain object: `{}` literal, `Object.create(null)`, or a plain object from another realm.
const isPlainObject = (v: unknown): v is Obj => {
  if (typeof v !== 'object' || v === null) return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null
}

// `String(v)` for a string, number, boolean or bigint; `undefined` for anything else.
// (`typeof` gives one of eight fixed words, and only these four occur in the string below.)
const print = (v: unknown): string | undefined =>
  'stringnumberbooleanbigint'.includes(typeof v) ? String(v) : undefined

// `aspect_ratio` → `aspectRatio` (every `_` followed by a character: that character upper-cased).
const camel = (k: string): string => k.replace(/_([^])/g, (_, c: string) => c.toUpperCase())

// Lookup order: exact key, camelCased snake_case key, lower-cased key; unknown keys pass through.
const [CODES, KINDS] = TABLES
const codeOf = (key: string): string =>
  CODES.get(key) ??
  (key.includes('_') ? CODES.get(camel(key)) : undefined) ??
  CODES.get(key.toLowerCase()) ??
  key

// Strip one leading and one trailing `/` (a lone `/` becomes `''`).
const trimSlash = (s: string): string => s.replace(/^\/|\/$/g, '')

/** Most steps in one transformation chain, and most resolutions in `streamingResolutions`. */
export const MAX_STEPS = 1000

const COMMON = ['type', 'layerMode', 'position', 'timing', 'transformation']
const TEXT_KEYS = [...COMMON, 'text', 'encoding']
const IMAGE_KEYS = [...COMMON, 'input', 'encoding']
const COLOR_KEYS = [...COMMON, 'color']
const LAYERS = ['image', 'video', 'subtitle', 'subtitles']
// Position and timing fields → their codes, in the order they are emitted.
const POSITION: Readonly<Record<string, string>> = {
  x: 'lx',
  y: 'ly',
  xCenter: 'lxc',
  yCenter: 'lyc',
  anchorPoint: 'lap',
  focus: 'lfo',
}
const TIMING: Readonly<Record<string, string>> = { start: 'lso', end: 'leo', duration: 'ldu' }

/**
 * The fields of an overlay object (or its position or timing) under their camelCase names: a snake_case key
 * (`layer_mode`, `x_center`) counts as its camelCase twin, and no key is ever silently dropped: a key outside
 * `known`, or one given under both names, is a ValidationError. `null`/`undefined` values are absent.
 */
const fields = (o: Obj, known: readonly string[], at: string): Obj => {
  const out: Record<string, unknown> = {}
  for (const key in o) {
    if (!hasOwn.call(o, key)) continue
    const v = o[key]
    if (v == null) continue
    const name = key.includes('_') ? camel(key) : key
    if (!known.includes(name)) fail(at + '.' + key, 'is not a known key (allowed: ' + known.join(', ') + ')')
    if (name in out) fail(at + '.' + key, 'is given twice (as ' + name + ' and in snake_case)')
    out[name] = v
  }
  return out
}

// `,code-value` for each field of an optional position or timing object, in the order of `codes`; `null`,
// `undefined`, `''` and `false` values are absent, `0` is emitted (`lx-0`: the left edge, not the centre).
const layerParams = (v: unknown, at: string, codes: Readonly<Record<string, string>>): string => {
  if (v == null) return ''
  const known = Object.keys(codes)
  const o = isPlainObject(v) ? fields(v, known, at) : fail(at, PLAIN)
  let out = ''
  for (const key of known) {
    const x = o[key]
    if (x != null && x !== '' && x !== false)
      out += ',' + codes[key] + '-' + (print(x) ?? fail(at + '.' + key, SCALAR))
  }
  return out
}

// The keys an overlay of `type` accepts; fails on an unknown type.
const keysOf = (type: unknown, at: string): readonly string[] =>
  type === 'text'
    ? TEXT_KEYS
    : type === 'solidColor'
      ? COLOR_KEYS
      : LAYERS.includes(type as string)
        ? IMAGE_KEYS
        : fail(at + '.type', 'must be text, image, video, subtitle or solidColor')

// The overlay's required `text`, `input` or `color`: a non-empty string or a number, as a string.
const required = (o: Obj, field: string, at: string): string => {
  const v = o[field]
  return (typeof v === 'string' && v !== '') || typeof v === 'number'
    ? String(v)
    : fail(at + '.' + field, 'must be a non-empty string')
}

// `l-<layer>,i-…` or `,ie-…` (base64) for a text, image, video or subtitle overlay.
const layerInput = (type: string, o: Obj, at: string): string => {
  const text = type === 'text'
  let s = required(o, text ? 'text' : 'input', at)
  const enc = o['encoding'] ?? 'auto'
  if (enc !== 'auto' && enc !== 'plain' && enc !== 'base64')
    fail(at + '.encoding', 'must be auto, plain or base64')
  if (!text) s = trimSlash(s)
  const plain = enc === 'plain' || (enc === 'auto' && SIMPLE.test(s) && !(text && s.includes('/')))
  return (
    'l-' +
    (type === 'subtitle' ? 'subtitles' : type) +
    (plain
      ? ',i-' + (text ? encodeURIComponent(s) : s.replaceAll('/', '@@'))
      : ',ie-' + encodeURIComponent(base64Utf8(s)))
  )
}

// `,<nested steps>` of an overlay, `''` without any.
const nestedSteps = (nested: unknown, at: string): string => {
  const r = nested == null ? '' : chain(nested, at)
  return r === '' ? '' : ',' + r
}

// One overlay: `l-<type>,i-…|ie-…,[lm-],[position],[timing],[nested],l-end` (checked in that order).
const overlay = (raw: unknown, at: string): string => {
  if (!isPlainObject(raw)) return fail(at, PLAIN)
  const type = raw['type']
  const o = fields(raw, keysOf(type, at), at)
  const mode = o['layerMode']
  return (
    (type === 'solidColor'
      ? 'l-image,i-ik_canvas,bg-' + required(o, 'color', at)
      : layerInput(type as string, o, at)) +
    (mode == null || mode === '' ? '' : ',lm-' + (print(mode) ?? fail(at + '.layerMode', SCALAR))) +
    layerParams(o['position'], at + '.position', POSITION) +
    layerParams(o['timing'], at + '.timing', TIMING) +
    nestedSteps(o['transformation'], at + '.transformation') +
    ',l-end'
  )
}

// An effect code with a kind (see KINDS): its bare code or '' for a flag value, `undefined` for any other value.
const effect = (code: string, v: unknown): string | undefined => {
  // Only `e-…` codes have a kind; skipping the lookup for the others is measurably faster.
  const kind = code.startsWith('e-') ? KINDS.get(code) : undefined
  if (!kind) return undefined
  if (v === true || v === 'true') return code
  if (v === false || v === 'false') return ''
  return typeof v === 'string' && v.trim() === '' ? (kind === 2 ? code : '') : undefined
}

// `sr-a_b_c` for a list of streaming resolutions.
const resolutions = (v: readonly unknown[], at: string): string => {
  let s = 'sr-'
  const n = boundedLength(v, MAX_STEPS, at)
  for (let j = 0; j < n; j++) s += (j ? '_' : '') + (print(v[j]) ?? fail(at + '[' + j + ']', SCALAR))
  return s
}

// One `key: value` parameter of step `i` → its string ('' when it emits nothing). The error path
// is only built on failure (this is the hot path).
const param = (key: string, v: unknown, path: string, i: number): string => {
  if (key === 'overlay') return overlay(v, path + '[' + i + '].overlay')
  const code = codeOf(key)
  if (code !== 'raw' && v === '-') return code
  const flag = effect(code, v)
  if (flag !== undefined) return flag
  if (code === 'sr' && Array.isArray(v)) return resolutions(v, path + '[' + i + '].' + key)
  const s = print(v) ?? fail(path + '[' + i + '].' + key, SCALAR)
  return code === 'raw' ? s : code + '-' + value(code, s)
}

// A printed value as its code writes it: paths with `@@` for `/`, a blank trim as `true`.
const value = (code: string, s: string): string =>
  code === 'di' || code === 'ff'
    ? trimSlash(s).replaceAll('/', '@@')
    : code === 't' && s.trim() === ''
      ? 'true'
      : s

/** Steps → `a,b:c`; null/undefined params and steps, empty keys and empty results are dropped. Throws (see `fail`). */
export const chain = (t: unknown, path: string): string => {
  // Bounded before iterating: a sparse array of length 2^32 - 1 would keep this loop busy for over a minute.
  const n = boundedLength(t, MAX_STEPS, path, 'steps')
  let out = ''
  for (let i = 0; i < n; i++) {
    const step: unknown = (t as readonly unknown[])[i]
    if (step == null) continue
    if (!isPlainObject(step)) return fail(path + '[' + i + ']', PLAIN)
    let s = ''
    // for…in + hasOwnProperty: own keys in Object.keys order, ~3x faster than Object.keys (no array).
    for (const key in step) {
      if (!hasOwn.call(step, key)) continue
      const v = step[key]
      if (v == null || key === '') continue
      const p = param(key, v, path, i)
      if (p !== '') s = s === '' ? p : s + ',' + p
    }
    if (s !== '') out = out === '' ? s : out + ':' + s
  }
  return out
}

/**
 * Serialises transformation steps to the ImageKit transformation string: `''` when
 * nothing is emitted. Never throws: a throwing getter or proxy gives a Left at `path`.
 */
export const serializeTransformation = (
  transformation: unknown,
  path: string,
): either.Either<ValidationError, string> => {
  try {
    return right(transformation === undefined ? '' : chain(transformation, path))
  } catch (e) {
    return left(caught(e, path, validationError))
  }
}
