import type { Config } from '../../../shared/config/schema';
import { createS3Target, type S3TargetState } from './s3-target';

/**
 * Which destinations `upload.destination` allows. `auto` is the rule from before the setting: every destination
 * that is configured. A destination that is allowed still needs its own settings (a bucket, the API's URL).
 */
export function uploadDestinations(destination: Config['upload']['destination']): { s3: boolean; mediaApi: boolean } {
  return { s3: destination !== 'mediaApi', mediaApi: destination !== 's3' };
}

/** The S3 target, or why there is none: not configured, or not a destination. */
export function s3TargetFor(settings: Pick<Config, 's3' | 'upload'>): S3TargetState {
  if (!uploadDestinations(settings.upload.destination).s3)
    return {
      ok: false,
      reason: 'Recordings go to the Media Recording API only (upload.destination is mediaApi); nothing is uploaded to S3.',
    };
  return createS3Target(settings.s3);
}
