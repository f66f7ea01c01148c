/** Paths and names shared by the browser host server and the bridge it injects into the page. */
export const HOST_PROTOCOL = {
  ipcPath: '/__irec/ipc',
  eventsPath: '/__irec/events',
  bridgePath: '/__irec/bridge.js',
  /** The query parameter of a one-time launch link, `/?launch=<secret>` (see host-access.ts). */
  launchParam: 'launch',
  /** An interview link carried by a launch link (`/?launch=<secret>&link=<link>`): honoured only with a valid secret. */
  linkParam: 'link',
  /** Request bodies from the bridge: JSON with byte arrays carried raw after it (see binary-frame.ts). */
  frameType: 'application/x-irec-frame',
} as const;
