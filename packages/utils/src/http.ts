// Entry point `@imagekit-fp/utils/http`: the transport shared by upload and media. Named re-exports only.
export type {
  TransportConfig,
  RetryOptions,
  HttpMethod,
  HttpRequest,
  HttpResponse,
  UploadProgress,
  RequestError,
} from './http/types'
export { isResponseTooLarge, request, requestJson } from './http/request'
