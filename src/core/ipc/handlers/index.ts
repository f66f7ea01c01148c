import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';
import { appHandlers } from './app-handlers';
import { callHandlers } from './call-handlers';
import { cloudHandlers } from './cloud-handlers';
import { finalizeHandlers } from './finalize-handlers';
import { interviewHandlers } from './interview-handlers';
import { interviewerCloudHandlers } from './interviewer-cloud-handlers';
import { libraryHandlers } from './library-handlers';
import { logHandlers } from './log-handlers';
import { notesHandlers } from './notes-handlers';
import { reviewHandlers } from './review-handlers';
import { recordingHandlers } from './recording-handlers';
import { settingsHandlers } from './settings-handlers';
import { updateHandlers } from './update-handlers';
import { uploadHandlers } from './upload-handlers';

/** The one handler table every transport (Electron IPC, browser host, tests) dispatches to. */
export function createHandlerTable(core: Core): HandlerTable {
  return {
    ...appHandlers(core),
    ...libraryHandlers(core),
    ...logHandlers(core),
    ...interviewHandlers(core),
    ...recordingHandlers(core),
    ...finalizeHandlers(core),
    ...uploadHandlers(core),
    ...cloudHandlers(core),
    ...interviewerCloudHandlers(core),
    ...callHandlers(core),
    ...notesHandlers(core),
    ...reviewHandlers(core),
    ...settingsHandlers(core),
    ...updateHandlers(core),
  };
}
