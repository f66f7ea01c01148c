import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';

type InterviewerCloudChannels =
  'openInterviewerInterview' | 'getInterviewConsent' | 'startCloudRecording' | 'stopCloudRecording' | 'cloudRecordingHealth';

/** The interviewer's control of the call's cloud recording; a degraded core answers UNAVAILABLE. */
export function interviewerCloudHandlers(core: Core): Pick<HandlerTable, InterviewerCloudChannels> {
  return {
    openInterviewerInterview: (input) => core.cloud.openInterviewerInterview(input),
    getInterviewConsent: ({ interviewId }) => core.cloud.interviewConsent(interviewId),
    startCloudRecording: (request) => core.cloud.startRecording(request),
    stopCloudRecording: ({ sessionId }) => core.cloud.stopRecording(sessionId),
    cloudRecordingHealth: ({ sessionId }) => core.cloud.recordingHealth(sessionId),
  };
}
