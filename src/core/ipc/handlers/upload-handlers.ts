import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';

type UploadChannels = 'getUploadProgress' | 'startUpload' | 'cancelUpload';

export function uploadHandlers(core: Core): Pick<HandlerTable, UploadChannels> {
  return {
    getUploadProgress: ({ recordingId }) => core.uploads.progress(recordingId),
    startUpload: ({ recordingId }) => {
      // The upload runs on; its outcome arrives as `uploadProgress` events.
      core.uploads
        .retry(recordingId)
        .catch((error: unknown) => core.logger.warn('Upload failed', { recordingId, error: (error as Error).message }));
      return core.uploads.progress(recordingId);
    },
    cancelUpload: ({ recordingId }) => core.uploads.cancel(recordingId),
  };
}
