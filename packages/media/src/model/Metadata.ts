import type * as t from 'io-ts'
import { array, laxBoolean, laxNumber, laxRecord, laxString, struct } from '@imagekit-fp/utils/codec'

// Each EXIF group documents its fields and allows any other (`additionalProperties: true`): io-ts keeps them.
const ExifImage = /*#__PURE__*/ struct('ExifImage', {
  optional: {
    Make: laxString,
    Model: laxString,
    ImageDescription: laxString,
    Artist: laxString,
    Copyright: laxString,
    Orientation: laxNumber,
    XResolution: laxNumber,
    YResolution: laxNumber,
    ResolutionUnit: laxNumber,
    Software: laxString,
    ModifyDate: laxString,
    YCbCrPositioning: laxNumber,
    ExifOffset: laxNumber,
    GPSInfo: laxNumber,
  },
})

const ExifThumbnail = /*#__PURE__*/ struct('ExifThumbnail', {
  optional: {
    Compression: laxNumber,
    XResolution: laxNumber,
    YResolution: laxNumber,
    ResolutionUnit: laxNumber,
    ThumbnailOffset: laxNumber,
    ThumbnailLength: laxNumber,
  },
})

const ExifDetails = /*#__PURE__*/ struct('ExifDetails', {
  optional: {
    ExposureTime: laxNumber,
    FNumber: laxNumber,
    ExposureProgram: laxNumber,
    ISO: laxNumber,
    ExifVersion: laxString,
    DateTimeOriginal: laxString,
    CreateDate: laxString,
    ShutterSpeedValue: laxNumber,
    ApertureValue: laxNumber,
    ExposureCompensation: laxNumber,
    MeteringMode: laxNumber,
    Flash: laxNumber,
    BrightnessValue: laxNumber,
    MaxApertureValue: laxNumber,
    LightSource: laxNumber,
    FocalLength: laxNumber,
    UserComment: laxString,
    SensingMethod: laxNumber,
    SceneType: laxString,
    FocalLengthIn35mmFormat: laxNumber,
    LensModel: laxString,
    SubSecTime: laxString,
    FlashpixVersion: laxString,
    ColorSpace: laxNumber,
    ExifImageWidth: laxNumber,
    ExifImageHeight: laxNumber,
    InteropOffset: laxNumber,
    FocalPlaneXResolution: laxNumber,
    FocalPlaneYResolution: laxNumber,
    FocalPlaneResolutionUnit: laxNumber,
    CustomRendered: laxNumber,
    ExposureMode: laxNumber,
    WhiteBalance: laxNumber,
    SceneCaptureType: laxNumber,
  },
})

const Gps = /*#__PURE__*/ struct('Gps', {
  optional: {
    GPSVersionID: /*#__PURE__*/ array(laxNumber),
    GPSLatitudeRef: laxString,
    GPSLatitude: /*#__PURE__*/ array(laxNumber),
    GPSLongitudeRef: laxString,
    GPSLongitude: /*#__PURE__*/ array(laxNumber),
    GPSAltitudeRef: laxNumber,
    GPSAltitude: laxNumber,
    GPSTimeStamp: /*#__PURE__*/ array(laxNumber),
    GPSImgDirectionRef: laxString,
    GPSImgDirection: laxNumber,
    GPSDateStamp: laxString,
  },
})

const Interoperability = /*#__PURE__*/ struct('Interoperability', {
  optional: { InteropIndex: laxString, InteropVersion: laxString },
})

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
export const Metadata = /*#__PURE__*/ struct('Metadata', {
  optional: {
    height: laxNumber,
    width: laxNumber,
    size: laxNumber,
    format: laxString,
    hasColorProfile: laxBoolean,
    quality: laxNumber,
    density: laxNumber,
    hasTransparency: laxBoolean,
    pHash: laxString,
    bitRate: laxNumber,
    duration: laxNumber,
    audioCodec: laxString,
    videoCodec: laxString,
    exif: /*#__PURE__*/ struct('Exif', {
      optional: {
        image: ExifImage,
        thumbnail: ExifThumbnail,
        exif: ExifDetails,
        gps: Gps,
        interoperability: Interoperability,
        makernote: laxRecord,
      },
    }),
  },
})
/**
 * @since 0.1.0
 * @category model
 */
export type Metadata = t.TypeOf<typeof Metadata>
