/** Names and identities fixed for every build; nothing here may depend on the runtime. */
export const PRODUCT_NAME = 'Interview Recorder';
export const PACKAGE_NAME = 'interview-recorder';
export const CLI_NAME = 'irec';
export const APP_ID = 'com.interviewrecorder.desktop';

/** The renderer is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'interview-recorder';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
