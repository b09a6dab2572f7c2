import type { Transformation } from '../model/Transformation'

// Transformation key -> URL code: the current official map (`@imagekit/javascript` 5.5.1
// `supportedTransforms`), plus `color` (subtitle text colour, as node 7 / python 5 map it) and the
// classic names of `imagekit` 6 / python 4 (`rotate`, `effect*`).
//
// One compact string, parsed once (bundle size: it is ~half the size of the equivalent object
// literal after gzip). Space-separated entries:
// - `key`: the code is the key's initials, lower-cased (`aspectRatio` → `ar`, `width` → `w`);
// - `key:code`: the code as written;
// - `key:<digit>name`: the effect code `e-name`, with its kind (see `KINDS`; `0`: none);
// - `key:<digit>`: the same, `name` being the key lower-cased without an `ai` or `effect` prefix
//   (`aiUpscale:1` → `e-upscale`, `effectSharpen:2` → `e-sharpen`).
// internal/transformationMap.test.ts pins the parsed result to the full table, entry by entry.
// A template literal (with line continuations, which add nothing to its value) so that its type is the literal
// string itself: `SpecKeys` reads the keys out of it, and `TIED` below fails to compile unless they are exactly
// the keys of `Transformation` (save `overlay`, serialised on its own).
const SPEC = `width height aspectRatio background:bg border crop cropMode dpr:dpr focus:fo quality x xCenter y \
yCenter format videoCodec audioCodec radius rotation:rt rotate:rt blur:bl named defaultImage flip:fl \
original:orig startOffset endOffset duration:du streamingResolutions grayscale:1 aiUpscale:1 \
aiRetouch:1 aiVariation:1genvar aiDropShadow:2 aiChangeBackground:0changebg aiEdit:0 \
aiRemoveBackground:1bgremove aiRemoveBackgroundExternal:1removedotbg contrastStretch:1contrast \
shadow:2 sharpen:2 unsharpMask:2usm gradient:2 colorReplace distort:0 colorize:0 progressive:pr \
lossless:lo colorProfile metadata:md density:dn opacity trim zoom page:pg layerMode fontSize \
fontFamily fontColor:co innerAlignment padding:pa alpha:al typography:tg lineHeight fontOutline:fol \
fontShadow:fsh color:co effectSharpen:2 effectUSM:2 effectUsm:2 effectContrast:1 \
effectGray:1grayscale effectShadow:2 effectGradient:2 raw:raw`

/** The key of one SPEC entry (`key`, `key:code`). */
type EntryKey<E extends string> = E extends `${infer K}:${string}` ? K : E

/** The keys of a space-separated SPEC string (tail-recursive: fine for any length TypeScript allows). */
export type SpecKeys<S extends string, Acc extends string = never> = S extends `${infer E} ${infer R}`
  ? SpecKeys<R, Acc | EntryKey<E>>
  : Acc | EntryKey<S>

/** `true` when SPEC maps exactly the keys of `Transformation`, else the keys that differ. */
type Tied<K extends string> = [
  Exclude<keyof Transformation, K | 'overlay'>,
  Exclude<K, keyof Transformation>,
] extends [never, never]
  ? true
  : {
      readonly missingFromMap: Exclude<keyof Transformation, K | 'overlay'>
      readonly notInType: Exclude<K, keyof Transformation>
    }

/** The keys the map holds, read from SPEC by the type checker. */
export type MapKeys = SpecKeys<typeof SPEC>

/** Compile-time only: adding a key to `Transformation` or to SPEC without the other does not compile. */
export const TIED: Tied<MapKeys> = true

/**
 * Parses {@link SPEC}: `[key → code, code → kind]`. Kinds: 1, flag (`true`/`"true"`/`"-"` → bare code;
 * `false`/`"false"`/blank → nothing); 2, optional-value effect (`true`/`"true"`/`"-"`/blank → bare code;
 * `false`/`"false"` → nothing). Anything else on either kind emits `code-value`.
 */
const parse = (): readonly [ReadonlyMap<string, string>, ReadonlyMap<string, number>] => {
  const codes = new Map<string, string>()
  const kinds = new Map<string, number>()
  for (const entry of SPEC.split(' ')) {
    const [key = '', given] = entry.split(':')
    let code = given ?? (key[0] + key.replace(/[^A-Z]/g, '')).toLowerCase()
    const kind = +code[0]!
    if (kind >= 0) {
      code = 'e-' + (code.slice(1) || key.replace(/^(ai|effect)(?=[A-Z])/, '').toLowerCase())
      if (kind) kinds.set(code, kind)
    }
    codes.set(key, code)
  }
  return [codes, kinds]
}

/**
 * `[CODES, KINDS]`. Lookups in CODES use `Map#get`, so inherited names (`constructor`, `__proto__`)
 * are never codes.
 */
export const TABLES = /*#__PURE__*/ parse()

const toObject = (): Readonly<Record<string, string>> => Object.fromEntries(parse()[0])

/** The same table as a plain object (for tests and tooling; tree-shaken from bundles). */
export const TRANSFORMATION_MAP = /*#__PURE__*/ toObject()
