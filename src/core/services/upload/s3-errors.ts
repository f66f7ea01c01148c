import { redact } from '../../../shared/redact';

/** What the queue does about a failed S3 call. */
export interface UploadFailure {
  /** retry: try again after a backoff; offline: the same, shown as waiting for the network; upload-gone: start a new multipart upload; fatal: stop and tell the person. */
  kind: 'retry' | 'offline' | 'upload-gone' | 'fatal';
  message: string;
}

interface SdkError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
]);
const RETRYABLE_NAMES = new Set([
  'SlowDown',
  'InternalError',
  'ServiceUnavailable',
  'RequestTimeout',
  'RequestTimeoutException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'BadDigest',
  'TimeoutError',
  'OperationAborted',
]);
const CREDENTIAL_NAMES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'ExpiredToken',
  'TokenRefreshRequired',
  'AuthorizationHeaderMalformed',
]);

/** Where the failed call went, and the credentials it carried (to be cut from a reply that echoes them). */
export interface S3ErrorTarget {
  bucket: string;
  endpoint?: string;
  settings?: { credentials: { accessKeyId?: string; secretAccessKey?: string; sessionToken?: string } };
}

/**
 * Sorts an error from the S3 client into retry, offline, upload-gone or fatal, with a message a person can act on.
 * The store's own words (an error's Message) are quoted redacted: some stores echo the request's Authorization
 * header (`Credential=AKIA…`) and `X-Amz-Security-Token` there.
 */
export function classifyS3Error(error: unknown, target: S3ErrorTarget): UploadFailure {
  const failure = classify(error, target);
  const credentials = Object.values(target.settings?.credentials ?? {}).filter((value): value is string => typeof value === 'string');
  return { ...failure, message: redact(failure.message, credentials) };
}

function classify(error: unknown, target: S3ErrorTarget): UploadFailure {
  const e = (error ?? {}) as SdkError;
  const name = e.Code ?? e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  const detail = e.message ? `: ${e.message}` : '';
  const where = target.endpoint ?? 'S3';

  if ((e.code && NETWORK_CODES.has(e.code)) || /socket hang up|ECONNRESET|ECONNREFUSED|network/i.test(e.message ?? '')) {
    return { kind: 'offline', message: `No connection to ${where} (${e.code ?? e.message}); waiting for the network.` };
  }
  if (name === 'NoSuchUpload') return { kind: 'upload-gone', message: 'The multipart upload is gone from the bucket; starting it again.' };
  if (name === 'NoSuchBucket') {
    return {
      kind: 'fatal',
      message: `Bucket "${target.bucket}" does not exist at ${where}. Check s3.bucket and s3.region in the configuration.`,
    };
  }
  if (name === 'RequestTimeTooSkewed') {
    return {
      kind: 'fatal',
      message: "This computer's clock is more than 15 minutes off, so S3 refuses every request. Correct the system time, then retry.",
    };
  }
  if (CREDENTIAL_NAMES.has(name)) {
    return {
      kind: 'fatal',
      message: `S3 rejected the credentials (${name}). Check the access key and secret (s3.credentials, AWS_* variables or the AWS profile), then retry.`,
    };
  }
  if (name === 'CredentialsProviderError') {
    return {
      kind: 'fatal',
      message:
        'No S3 credentials found. Set s3.credentials in the configuration, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or an AWS profile.',
    };
  }
  if (name === 'AccessDenied' || status === 403) {
    return {
      kind: 'fatal',
      message: `S3 denied access to bucket "${target.bucket}" (${name || 403}). The credentials need s3:PutObject, s3:GetObject and s3:ListMultipartUploadParts on it.`,
    };
  }
  if (RETRYABLE_NAMES.has(name) || status === undefined || status >= 500 || status === 408 || status === 429) {
    return { kind: 'retry', message: `${where} answered ${status ?? 'nothing'}${name ? ` ${name}` : ''}${detail}; retrying.` };
  }
  return { kind: 'fatal', message: `S3 refused the upload (${status} ${name})${detail}.` };
}
