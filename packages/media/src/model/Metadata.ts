import * as t from 'io-ts'

// Each EXIF group documents its fields and allows any other (`additionalProperties: true`): io-ts keeps them.
const ExifImage = /*#__PURE__*/ t.partial(
  {
    Make: t.string,
    Model: t.string,
    ImageDescription: t.string,
    Artist: t.string,
    Copyright: t.string,
    Orientation: t.number,
    XResolution: t.number,
    YResolution: t.number,
    ResolutionUnit: t.number,
    Software: t.string,
    ModifyDate: t.string,
    YCbCrPositioning: t.number,
    ExifOffset: t.number,
    GPSInfo: t.number,
  },
  'ExifImage',
)

const ExifThumbnail = /*#__PURE__*/ t.partial(
  {
    Compression: t.number,
    XResolution: t.number,
    YResolution: t.number,
    ResolutionUnit: t.number,
    ThumbnailOffset: t.number,
    ThumbnailLength: t.number,
  },
  'ExifThumbnail',
)

const ExifDetails = /*#__PURE__*/ t.partial(
  {
    ExposureTime: t.number,
    FNumber: t.number,
    ExposureProgram: t.number,
    ISO: t.number,
    ExifVersion: t.string,
    DateTimeOriginal: t.string,
    CreateDate: t.string,
    ShutterSpeedValue: t.number,
    ApertureValue: t.number,
    ExposureCompensation: t.number,
    MeteringMode: t.number,
    Flash: t.number,
    BrightnessValue: t.number,
    MaxApertureValue: t.number,
    LightSource: t.number,
    FocalLength: t.number,
    UserComment: t.string,
    SensingMethod: t.number,
    SceneType: t.string,
    FocalLengthIn35mmFormat: t.number,
    LensModel: t.string,
    SubSecTime: t.string,
    FlashpixVersion: t.string,
    ColorSpace: t.number,
    ExifImageWidth: t.number,
    ExifImageHeight: t.number,
    InteropOffset: t.number,
    FocalPlaneXResolution: t.number,
    FocalPlaneYResolution: t.number,
    FocalPlaneResolutionUnit: t.number,
    CustomRendered: t.number,
    ExposureMode: t.number,
    WhiteBalance: t.number,
    SceneCaptureType: t.number,
  },
  'ExifDetails',
)

const Gps = /*#__PURE__*/ t.partial(
  {
    GPSVersionID: /*#__PURE__*/ t.array(t.number),
    GPSLatitudeRef: t.string,
    GPSLatitude: /*#__PURE__*/ t.array(t.number),
    GPSLongitudeRef: t.string,
    GPSLongitude: /*#__PURE__*/ t.array(t.number),
    GPSAltitudeRef: t.number,
    GPSAltitude: t.number,
    GPSTimeStamp: /*#__PURE__*/ t.array(t.number),
    GPSImgDirectionRef: t.string,
    GPSImgDirection: t.number,
    GPSDateStamp: t.string,
  },
  'Gps',
)

const Interoperability = /*#__PURE__*/ t.partial(
  { InteropIndex: t.string, InteropVersion: t.string },
  'Interoperability',
)

/**
 * A file's technical metadata (image or video), with its EXIF groups: `getFileMetadata` and
 * `getRemoteFileMetadata`. Every field is optional (the API sends what applies to the file); fields the
 * API adds later pass through.
 *
 * @example
 * import { Metadata } from '@imagekit-fp/media'
 *
 * Metadata.is({ height: 68, width: 100, size: 7749, format: 'jpg', exif: { image: { Make: 'Canon' } } }) // true
 * @since 0.1.0
 * @category codecs
 */
export const Metadata = /*#__PURE__*/ t.partial(
  {
    height: t.number,
    width: t.number,
    size: t.number,
    format: t.string,
    hasColorProfile: t.boolean,
    quality: t.number,
    density: t.number,
    hasTransparency: t.boolean,
    pHash: t.string,
    bitRate: t.number,
    duration: t.number,
    audioCodec: t.string,
    videoCodec: t.string,
    exif: /*#__PURE__*/ t.partial({
      image: ExifImage,
      thumbnail: ExifThumbnail,
      exif: ExifDetails,
      gps: Gps,
      interoperability: Interoperability,
      makernote: t.UnknownRecord,
    }),
  },
  'Metadata',
)
/**
 * @since 0.1.0
 * @category model
 */
export type Metadata = t.TypeOf<typeof Metadata>
