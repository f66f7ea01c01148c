import { originOf } from './origin';

/** What Electron tells us about a permission request or check, reduced to what the decision needs. */
export interface PermissionQuery {
  permission: string;
  /** Origin or URL of the frame asking. */
  requestingUrl: string;
  isMainFrame: boolean;
  /** For `media`: which devices ("video", "audio"); absent or empty when the check does not say. */
  mediaTypes?: readonly string[];
}

const ALLOWED_MEDIA_TYPES = new Set(['video', 'audio']);

/**
 * Camera and microphone (and fullscreen, for the interview's optional kiosk-like mode), only for the app's own
 * origin, only in the main frame. Everything else — notifications, geolocation, screen capture, MIDI, other
 * origins, iframes — is denied.
 */
export function isPermissionAllowed(query: PermissionQuery, appOrigin: string): boolean {
  if (query.permission !== 'media' && query.permission !== 'fullscreen') return false;
  if (!query.isMainFrame) return false;
  if (originOf(query.requestingUrl) !== appOrigin) return false;
  return (query.mediaTypes ?? []).every((type) => ALLOWED_MEDIA_TYPES.has(type));
}
