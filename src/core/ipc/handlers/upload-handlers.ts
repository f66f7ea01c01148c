import { IpcError } from '../../../shared/ipc/errors';
import type { Core } from '../../create-core';
import type { UploadService } from '../../services/upload/upload-service';
import type { HandlerTable } from '../dispatcher';

type UploadChannels = 'getUploadProgress' | 'startUpload' | 'cancelUpload';

function requireUploads(core: Core): UploadService {
  if (!core.uploads)
    throw new IpcError({ code: 'UNAVAILABLE', message: core.catalog.ok ? 'Uploads are unavailable.' : core.catalog.error });
  return core.uploads;
}

export function uploadHandlers(core: Core): Pick<HandlerTable, UploadChannels> {
  return {
    getUploadProgress: ({ recordingId }) => requireUploads(core).progress(recordingId),
    startUpload: ({ recordingId }) => {
      const uploads = requireUploads(core);
      // The upload runs on; its outcome arrives as `uploadProgress` events.
      uploads
        .retry(recordingId)
        .catch((error: unknown) => core.logger.warn('Upload failed', { recordingId, error: (error as Error).message }));
      return uploads.progress(recordingId);
    },
    cancelUpload: ({ recordingId }) => requireUploads(core).cancel(recordingId),
  };
}
