// Types only: the serializer validates values itself, so no io-ts codec is shipped with `buildUrl`.

/** A number, or a string such as an arithmetic expression (`bw_mul_0.2`). */
type NumberLike = number | string

/**
 * An on/off effect: `true`, `"true"` or `"-"` emit the bare code; `false`, `"false"` or `""` emit nothing;
 * any other value emits `code-value`.
 */
type Flag = boolean | 'true' | 'false' | '-' | ''

/**
 * An effect with an optional value: `true`, `"true"`, `"-"` or `""` emit the bare code; `false` or
 * `"false"` emit nothing; any other value emits `code-value`.
 */
type OptionalValue = boolean | number | string

/**
 * One transformation step. Params are emitted in key order as `code-value`, joined by `,`; steps are
 * joined by `:`. `null`/`undefined` params are dropped and `"-"` emits the bare code for any key.
 *
 * The type is closed: a misspelt key (`{ widht: 400 }`) or a value outside a documented enumeration does not
 * compile. A parameter ImageKit adds later goes through `raw` (`{ raw: 'new-param' }`). At run time, for
 * JavaScript callers, a snake_case key (`aspect_ratio`) still works as its camelCase twin and unknown keys
 * still pass through as written.
 *
 * @since 0.1.0
 * @category model
 */
export interface Transformation {
  /** `w-`: width in px, a ratio, or an expression. */
  readonly width?: NumberLike | null | undefined
  /** `h-`: height in px, a ratio, or an expression. */
  readonly height?: NumberLike | null | undefined
  /** `ar-`: aspect ratio, e.g. `4-3` or `iar_div_2`. */
  readonly aspectRatio?: NumberLike | null | undefined
  /** `bg-`: background colour, `dominant`, `blurred…`, `genfill…`. */
  readonly background?: string | null | undefined
  /** `b-`: border, e.g. `5_FFF000`. */
  readonly border?: string | null | undefined
  /** `c-`: crop strategy. */
  readonly crop?:
    | 'force'
    | 'at_max'
    | 'at_max_enlarge'
    | 'at_least'
    | 'maintain_ratio'
    | 'maintain_ratio_no_enlarge'
    | null
    | undefined
  /** `cm-`: crop mode. */
  readonly cropMode?:
    | 'pad_resize'
    | 'extract'
    | 'pad_extract'
    | 'pad_resize_no_enlarge'
    | 'pad_extract_no_shrink'
    | null
    | undefined
  /** `dpr-`: device pixel ratio (0.1–5) or `auto`. */
  readonly dpr?: number | 'auto' | null | undefined
  /** `fo-`: focus (object-aware focus such as `fo-car` goes through `raw`). */
  readonly focus?:
    | 'auto'
    | 'custom'
    | 'face'
    | 'center'
    | 'top'
    | 'left'
    | 'bottom'
    | 'right'
    | 'top_left'
    | 'top_right'
    | 'bottom_left'
    | 'bottom_right'
    | null
    | undefined
  /** `q-`: quality, 1–100. */
  readonly quality?: NumberLike | null | undefined
  /** `x-`: focus x coordinate. */
  readonly x?: NumberLike | null | undefined
  /** `xc-`: focus centre x coordinate. */
  readonly xCenter?: NumberLike | null | undefined
  /** `y-`: focus y coordinate. */
  readonly y?: NumberLike | null | undefined
  /** `yc-`: focus centre y coordinate. */
  readonly yCenter?: NumberLike | null | undefined
  /** `f-`: output format. */
  readonly format?:
    | 'auto'
    | 'webp'
    | 'jpg'
    | 'jpeg'
    | 'png'
    | 'gif'
    | 'svg'
    | 'mp4'
    | 'webm'
    | 'avif'
    | 'orig'
    | null
    | undefined
  /** `vc-`: video codec. */
  readonly videoCodec?: 'h264' | 'vp9' | 'av1' | 'none' | null | undefined
  /** `ac-`: audio codec. */
  readonly audioCodec?: 'aac' | 'opus' | 'none' | null | undefined
  /** `r-`: corner radius: a number, `max`, or `10_20_30_40`. */
  readonly radius?: NumberLike | null | undefined
  /** `rt-`: rotation in degrees (`N90` counter-clockwise, `auto`). */
  readonly rotation?: NumberLike | null | undefined
  /** `rt-`: classic name of `rotation`. */
  readonly rotate?: NumberLike | null | undefined
  /** `bl-`: Gaussian blur, 1–100. */
  readonly blur?: NumberLike | null | undefined
  /** `n-`: a named transformation. */
  readonly named?: string | null | undefined
  /** `di-`: fallback image path; outer `/` stripped, inner `/` → `@@`. */
  readonly defaultImage?: string | null | undefined
  /** `fl-`: flip. */
  readonly flip?: 'h' | 'v' | 'h_v' | 'v_h' | null | undefined
  /** `orig-`: deliver the original file. */
  readonly original?: boolean | string | null | undefined
  /** `so-`: video start offset (s). */
  readonly startOffset?: NumberLike | null | undefined
  /** `eo-`: video end offset (s). */
  readonly endOffset?: NumberLike | null | undefined
  /** `du-`: video duration (s). */
  readonly duration?: NumberLike | null | undefined
  /** `sr-`: adaptive-streaming resolutions; an array is joined with `_` (`sr-240_360`). */
  readonly streamingResolutions?:
    readonly (number | '240' | '360' | '480' | '720' | '1080' | '1440' | '2160')[] | string | null | undefined
  /** `e-grayscale` (flag). */
  readonly grayscale?: Flag | null | undefined
  /** `e-upscale` (flag). */
  readonly aiUpscale?: Flag | null | undefined
  /** `e-retouch` (flag). */
  readonly aiRetouch?: Flag | null | undefined
  /** `e-genvar` (flag). */
  readonly aiVariation?: Flag | null | undefined
  /** `e-dropshadow` or `e-dropshadow-<value>`. */
  readonly aiDropShadow?: OptionalValue | null | undefined
  /** `e-changebg-<value>`, e.g. `prompt-snow`. */
  readonly aiChangeBackground?: string | null | undefined
  /** `e-edit-<value>`, e.g. `prompt-snow`. */
  readonly aiEdit?: string | null | undefined
  /** `e-bgremove` (flag). */
  readonly aiRemoveBackground?: Flag | null | undefined
  /** `e-removedotbg` (flag). */
  readonly aiRemoveBackgroundExternal?: Flag | null | undefined
  /** `e-contrast` (flag). */
  readonly contrastStretch?: Flag | null | undefined
  /** `e-shadow` or `e-shadow-<value>`. */
  readonly shadow?: OptionalValue | null | undefined
  /** `e-sharpen` or `e-sharpen-<value>`. */
  readonly sharpen?: OptionalValue | null | undefined
  /** `e-usm` or `e-usm-<value>`. */
  readonly unsharpMask?: OptionalValue | null | undefined
  /** `e-gradient` or `e-gradient-<value>`. */
  readonly gradient?: OptionalValue | null | undefined
  /** `cr-`: colour replace, `toColor[_tolerance[_fromColor]]`. */
  readonly colorReplace?: string | null | undefined
  /** `e-distort-`: `p-x1_y1_…` or `a-degrees`. */
  readonly distort?: string | null | undefined
  /** `e-colorize-`: e.g. `co-red_in-50`. */
  readonly colorize?: string | null | undefined
  /** `pr-`: progressive JPEG. */
  readonly progressive?: boolean | string | null | undefined
  /** `lo-`: lossless WebP/PNG. */
  readonly lossless?: boolean | string | null | undefined
  /** `cp-`: keep the colour profile. */
  readonly colorProfile?: boolean | string | null | undefined
  /** `md-`: keep metadata. */
  readonly metadata?: boolean | string | null | undefined
  /** `dn-`: output density (DPI) or an `idn` expression. */
  readonly density?: NumberLike | null | undefined
  /** `o-`: opacity. */
  readonly opacity?: NumberLike | null | undefined
  /** `t-`: trim; `true` or `""` → `t-true`, a number is the threshold. */
  readonly trim?: boolean | NumberLike | null | undefined
  /** `z-`: zoom. */
  readonly zoom?: NumberLike | null | undefined
  /** `pg-`: page (PDF/PSD/AI). */
  readonly page?: NumberLike | null | undefined
  /** `lm-`: layer mode. */
  readonly layerMode?: 'multiply' | 'cutter' | 'cutout' | 'displace' | null | undefined
  /** `fs-`: overlay font size. */
  readonly fontSize?: NumberLike | null | undefined
  /** `ff-`: overlay font family or font file path (outer `/` stripped, inner `/` → `@@`). */
  readonly fontFamily?: string | null | undefined
  /** `co-`: text overlay font colour. */
  readonly fontColor?: string | null | undefined
  /** `ia-`: text overlay inner alignment. */
  readonly innerAlignment?: 'left' | 'right' | 'center' | null | undefined
  /** `pa-`: text overlay padding. */
  readonly padding?: NumberLike | null | undefined
  /** `al-`: overlay alpha, 1–9. */
  readonly alpha?: NumberLike | null | undefined
  /** `tg-`: typography: `b`, `i`, `strikethrough` or combinations (`b_i`). */
  readonly typography?:
    | 'b'
    | 'i'
    | 'strikethrough'
    | 'b_i'
    | 'b_strikethrough'
    | 'i_strikethrough'
    | 'b_i_strikethrough'
    | null
    | undefined
  /** `lh-`: text overlay line height. */
  readonly lineHeight?: NumberLike | null | undefined
  /** `fol-`: subtitle font outline, e.g. `2_blue`. */
  readonly fontOutline?: string | null | undefined
  /** `fsh-`: subtitle font shadow, e.g. `blue_2`. */
  readonly fontShadow?: string | null | undefined
  /** `co-`: subtitle font colour. */
  readonly color?: string | null | undefined
  /** `e-sharpen` (classic name of `sharpen`). */
  readonly effectSharpen?: OptionalValue | null | undefined
  /** `e-usm` (classic name of `unsharpMask`). */
  readonly effectUSM?: OptionalValue | null | undefined
  /** `e-usm` (classic name of `unsharpMask`, as the classic SDKs also spell it). */
  readonly effectUsm?: OptionalValue | null | undefined
  /** `e-contrast` (classic name of `contrastStretch`; `"1"` → `e-contrast-1`). */
  readonly effectContrast?: Flag | NumberLike | null | undefined
  /** `e-grayscale` (classic name of `grayscale`). */
  readonly effectGray?: Flag | null | undefined
  /** `e-shadow` (classic name of `shadow`). */
  readonly effectShadow?: OptionalValue | null | undefined
  /** `e-gradient` (classic name of `gradient`). */
  readonly effectGradient?: OptionalValue | null | undefined
  /** Appended verbatim, e.g. `l-text,i-Hi,l-end`. */
  readonly raw?: string | null | undefined
  /** A layer: `l-<type>,i-…|ie-…,…,l-end`. */
  readonly overlay?: Overlay | null | undefined
}

/**
 * Position of an overlay. `null`, `undefined`, `""` and `false` are absent; `0` is emitted (`lx-0`).
 *
 * @since 0.1.0
 * @category model
 */
export interface OverlayPosition {
  /** `lx-`: x offset of the layer. */
  readonly x?: NumberLike | null | undefined
  /** `ly-`: y offset of the layer. */
  readonly y?: NumberLike | null | undefined
  /** `lxc-`: x of the layer centre. */
  readonly xCenter?: NumberLike | null | undefined
  /** `lyc-`: y of the layer centre. */
  readonly yCenter?: NumberLike | null | undefined
  /** `lap-`: the layer point that x/y refer to. */
  readonly anchorPoint?: OverlayFocus | null | undefined
  /** `lfo-`: position relative to the base image. */
  readonly focus?: OverlayFocus | null | undefined
}

type OverlayFocus =
  'center' | 'top' | 'left' | 'bottom' | 'right' | 'top_left' | 'top_right' | 'bottom_left' | 'bottom_right'

/**
 * Timing of a video overlay, in seconds (`lso-`, `leo-`, `ldu-`).
 *
 * @since 0.1.0
 * @category model
 */
export interface OverlayTiming {
  /** `lso-`: start offset. */
  readonly start?: NumberLike | null | undefined
  /** `leo-`: end offset. */
  readonly end?: NumberLike | null | undefined
  /** `ldu-`: duration. */
  readonly duration?: NumberLike | null | undefined
}

/**
 * Fields shared by every overlay kind.
 *
 * @since 0.1.0
 * @category model
 */
export interface BaseOverlay {
  /** `lm-`: how the layer blends with the base. */
  readonly layerMode?: 'multiply' | 'cutter' | 'cutout' | 'displace' | null | undefined
  /** `lx-`, `ly-`, `lxc-`, `lyc-`, `lap-`, `lfo-`. */
  readonly position?: OverlayPosition | null | undefined
  /** `lso-`, `leo-`, `ldu-`. */
  readonly timing?: OverlayTiming | null | undefined
  /** Transformations of the layer itself, emitted before `l-end`. */
  readonly transformation?: readonly Transformation[] | null | undefined
}

/**
 * How an overlay input is written: `plain` → `i-…`, `base64` → `ie-…` (UTF-8 base64, percent-encoded),
 * `auto` (default) → `i-` for simple inputs (`[a-zA-Z0-9-._ ]`, plus `/` for paths), `ie-` otherwise.
 *
 * @since 0.1.0
 * @category model
 */
export type OverlayEncoding = 'auto' | 'plain' | 'base64'

/**
 * A text layer: `l-text,i-<text>|ie-<base64>,…,l-end`.
 *
 * @since 0.1.0
 * @category model
 */
export interface TextOverlay extends BaseOverlay {
  readonly type: 'text'
  /** The text (required; percent-encoded). */
  readonly text: string
  /** @default 'auto' */
  readonly encoding?: OverlayEncoding | undefined
}

/**
 * An image layer: `l-image,i-<path with / → @@>|ie-<base64>,…,l-end`.
 *
 * @since 0.1.0
 * @category model
 */
export interface ImageOverlay extends BaseOverlay {
  readonly type: 'image'
  /** Path of the image (required; one outer `/` stripped at each end). */
  readonly input: string
  /** @default 'auto' */
  readonly encoding?: OverlayEncoding | undefined
}

/**
 * A video layer: `l-video,i-…|ie-…,…,l-end`.
 *
 * @since 0.1.0
 * @category model
 */
export interface VideoOverlay extends BaseOverlay {
  readonly type: 'video'
  /** Path of the video (required). */
  readonly input: string
  /** @default 'auto' */
  readonly encoding?: OverlayEncoding | undefined
}

/**
 * A subtitle layer: `l-subtitles,i-…|ie-…,…,l-end` (style with `color`, `fontOutline`, `fontShadow` …).
 *
 * @since 0.1.0
 * @category model
 */
export interface SubtitleOverlay extends BaseOverlay {
  readonly type: 'subtitle' | 'subtitles'
  /** Path of the subtitle file (required). */
  readonly input: string
  /** @default 'auto' */
  readonly encoding?: OverlayEncoding | undefined
}

/**
 * A solid colour layer: `l-image,i-ik_canvas,bg-<color>,…,l-end`.
 *
 * @since 0.1.0
 * @category model
 */
export interface SolidColorOverlay extends BaseOverlay {
  readonly type: 'solidColor'
  /** Colour name, `RRGGBB` or `RRGGBBAA` (required). */
  readonly color: string
}

/**
 * A layer placed on the asset (`overlay` key of a step).
 *
 * @since 0.1.0
 * @category model
 */
export type Overlay = TextOverlay | ImageOverlay | VideoOverlay | SubtitleOverlay | SolidColorOverlay
