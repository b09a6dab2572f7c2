import type { either } from 'fp-ts'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import { base64Utf8, boundedLength, caught, fail, left, right } from '@imagekit-fp/internal'
import { TABLES } from './transformationMap'

// A bad value throws its ValidationError through `fail` (./fail.ts); `serializeTransformation` catches once.

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
const print = (v: unknown): string | undefined => {
  const t = typeof v
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'bigint' ? String(v) : undefined
}

// `aspect_ratio` → `aspectRatio` (a loop: much faster than a regex replace with a callback).
const camel = (k: string): string => {
  let out = ''
  for (let j = 0; j < k.length; j++) {
    const c = k[j]!
    out += c === '_' && j + 1 < k.length ? k[++j]!.toUpperCase() : c
  }
  return out
}

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
const KEYS: Readonly<Record<string, readonly string[]>> = {
  text: [...COMMON, 'text', 'encoding'],
  image: [...COMMON, 'input', 'encoding'],
  solidColor: [...COMMON, 'color'],
}
const POSITION = ['x', 'y', 'xCenter', 'yCenter', 'anchorPoint', 'focus']
const TIMING = ['start', 'end', 'duration']

/**
 * The fields of an overlay object (or its position or timing) under their camelCase names: a snake_case key
 * (`layer_mode`, `x_center`) counts as its camelCase twin (DESIGN §4), and no key is ever silently dropped: a
 * key outside `known`, or one given under both names, is a ValidationError. `null`/`undefined` values are absent.
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

// An optional overlay sub-object (position, timing): `undefined` when absent.
const sub = (v: unknown, at: string, known: readonly string[]): Obj | undefined =>
  v == null ? undefined : isPlainObject(v) ? fields(v, known, at) : fail(at, PLAIN)

// `,code-value` of a position/timing field; `null`, `undefined`, `''` and `false` are absent, `0` is
// emitted (`lx-0`: the left edge, not the default centre). `at` is the sub-object's path.
const layerParam = (code: string, v: unknown, at: string, key: string): string =>
  v == null || v === '' || v === false ? '' : ',' + code + '-' + (print(v) ?? fail(at + '.' + key, SCALAR))

// One overlay: `l-<type>,i-…|ie-…,[lm-],[position],[timing],[nested],l-end`.
const overlay = (raw: unknown, at: string): string => {
  if (!isPlainObject(raw)) return fail(at, PLAIN)
  const type = raw['type']
  const text = type === 'text'
  const solid = type === 'solidColor'
  const layer =
    type === 'subtitle' || type === 'subtitles'
      ? 'subtitles'
      : text || solid || type === 'image' || type === 'video'
        ? type
        : fail(at + '.type', 'must be text, image, video, subtitle or solidColor')
  const o = fields(raw, KEYS[solid ? 'solidColor' : text ? 'text' : 'image']!, at)
  const field = text ? 'text' : solid ? 'color' : 'input'
  const v = o[field]
  if (!((typeof v === 'string' && v !== '') || typeof v === 'number'))
    fail(at + '.' + field, 'must be a non-empty string')
  let s = String(v)
  let out: string
  if (solid) out = 'l-image,i-ik_canvas,bg-' + s
  else {
    const enc = o['encoding'] ?? 'auto'
    if (enc !== 'auto' && enc !== 'plain' && enc !== 'base64')
      fail(at + '.encoding', 'must be auto, plain or base64')
    if (!text) s = trimSlash(s)
    out =
      'l-' +
      layer +
      (enc === 'plain' || (enc === 'auto' && SIMPLE.test(s) && !(text && s.includes('/')))
        ? ',i-' + (text ? encodeURIComponent(s) : s.replaceAll('/', '@@'))
        : ',ie-' + encodeURIComponent(base64Utf8(s)))
  }
  const mode = o['layerMode']
  if (mode != null && mode !== '') out += ',lm-' + (print(mode) ?? fail(at + '.layerMode', SCALAR))
  // Named reads (not a table) keep these property loads monomorphic: measurably faster.
  const pAt = at + '.position'
  const pos = sub(o['position'], pAt, POSITION)
  if (pos)
    out +=
      layerParam('lx', pos['x'], pAt, 'x') +
      layerParam('ly', pos['y'], pAt, 'y') +
      layerParam('lxc', pos['xCenter'], pAt, 'xCenter') +
      layerParam('lyc', pos['yCenter'], pAt, 'yCenter') +
      layerParam('lap', pos['anchorPoint'], pAt, 'anchorPoint') +
      layerParam('lfo', pos['focus'], pAt, 'focus')
  const tAt = at + '.timing'
  const timing = sub(o['timing'], tAt, TIMING)
  if (timing)
    out +=
      layerParam('lso', timing['start'], tAt, 'start') +
      layerParam('leo', timing['end'], tAt, 'end') +
      layerParam('ldu', timing['duration'], tAt, 'duration')
  const nested = o['transformation']
  const r = nested == null ? '' : chain(nested, at + '.transformation')
  return out + (r === '' ? '' : ',' + r) + ',l-end'
}

// One `key: value` parameter of step `i` → its string ('' when it emits nothing). The error path
// is only built on failure.
const param = (key: string, v: unknown, path: string, i: number): string => {
  if (key === 'overlay') return overlay(v, path + '[' + i + '].overlay')
  const code = codeOf(key)
  if (code !== 'raw') {
    if (v === '-') return code
    // Only `e-…` codes have a kind; skipping the lookup for the others is measurably faster.
    const kind = code.startsWith('e-') ? KINDS.get(code) : undefined
    if (kind) {
      if (v === true || v === 'true') return code
      if (v === false || v === 'false') return ''
      if (typeof v === 'string' && v.trim() === '') return kind === 2 ? code : ''
    } else if (code === 'sr' && Array.isArray(v)) {
      let s = 'sr-'
      const n = boundedLength(v, MAX_STEPS, path + '[' + i + '].' + key)
      for (let j = 0; j < n; j++)
        s += (j ? '_' : '') + (print(v[j]) ?? fail(path + '[' + i + '].' + key + '[' + j + ']', SCALAR))
      return s
    }
  }
  // The error path is only built on failure (this is the hot path).
  let s = print(v) ?? fail(path + '[' + i + '].' + key, SCALAR)
  if (code === 'raw') return s
  if (code === 'di' || code === 'ff') s = trimSlash(s).replaceAll('/', '@@')
  else if (code === 't' && s.trim() === '') s = 'true'
  return code + '-' + s
}

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
 * Serialises transformation steps to the ImageKit transformation string (DESIGN §4): `''` when
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
