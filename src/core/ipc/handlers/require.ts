import { IpcError } from '../../../shared/ipc/errors';
import type { Core } from '../../create-core';
import type { RecordingService } from '../../services/recording/recording-service';

/** The recording service, or the reason nothing can be recorded (the catalog could not be opened). */
export function requireRecording(core: Core): RecordingService {
  if (!core.recording)
    throw new IpcError({ code: 'UNAVAILABLE', message: core.catalog.ok ? 'Recording is unavailable.' : core.catalog.error });
  return core.recording;
}

export function requireDb(core: Core) {
  if (!core.catalog.ok) throw new IpcError({ code: 'UNAVAILABLE', message: core.catalog.error });
  return core.catalog.catalog.db;
}
