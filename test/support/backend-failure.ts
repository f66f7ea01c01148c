import { expect } from 'vitest';
import { BackendError } from '../../src/core/services/backends/backend-error';

/** The BackendError a call must fail with. */
export async function failure(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

/** The object key behind a path-style local S3 URL (`http://host/<bucket>/<key>`). */
export const keyOfUrl = (url: string, bucket: string): string => decodeURIComponent(new URL(url).pathname).replace(`/${bucket}/`, '');
