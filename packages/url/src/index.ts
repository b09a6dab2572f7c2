export {}
export { buildTransformationString } from './buildTransformationString'
export type {
  Transformation,
  Overlay,
  BaseOverlay,
  TextOverlay,
  ImageOverlay,
  VideoOverlay,
  SubtitleOverlay,
  SolidColorOverlay,
  OverlayPosition,
  OverlayTiming,
  OverlayEncoding,
} from './model/Transformation'
export type { UrlConfig } from './model/UrlConfig'
export type { BuildUrlOptions } from './buildUrl'
export { buildUrl } from './buildUrl'
export type { SignUrlConfig, SignUrlOptions } from './signUrl'
export { signUrl } from './signUrl'
export type {
  GetResponsiveImageAttributesOptions,
  GetResponsiveImageAttributesResult,
} from './getResponsiveImageAttributes'
export { getResponsiveImageAttributes } from './getResponsiveImageAttributes'
