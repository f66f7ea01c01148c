/** Paths and names shared by the browser host server and the bridge it injects into the page. */
export const HOST_IPC_PATH = '/__irec/ipc';
export const HOST_EVENTS_PATH = '/__irec/events';
export const HOST_BRIDGE_PATH = '/__irec/bridge.js';
export const HOST_TOKEN_HEADER = 'X-Irec-Token';
export const HOST_TOKEN_META = 'irec-token';
/** Request bodies from the bridge: JSON with byte arrays carried raw after it (see binary-frame.ts). */
export const HOST_FRAME_TYPE = 'application/x-irec-frame';
