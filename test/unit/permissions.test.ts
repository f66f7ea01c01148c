import { describe, expect, it } from 'vitest';
import { isPermissionAllowed, type PermissionQuery } from '../../src/main/security/permissions';

const APP = 'app://interview-recorder';
const camera: PermissionQuery = { permission: 'media', requestingUrl: `${APP}/index.html`, isMainFrame: true, mediaTypes: ['video'] };

describe('permission handler', () => {
  it.each<[string, Partial<PermissionQuery>]>([
    ['camera', { mediaTypes: ['video'] }],
    ['microphone', { mediaTypes: ['audio'] }],
    ['camera and microphone', { mediaTypes: ['video', 'audio'] }],
    ['a media check that names no device', { mediaTypes: [] }],
    ['a check given the bare origin', { requestingUrl: APP }],
    ['fullscreen for the interview', { permission: 'fullscreen', mediaTypes: [] }],
  ])('grants %s to the app origin main frame', (_name, change) => {
    expect(isPermissionAllowed({ ...camera, ...change }, APP)).toBe(true);
  });

  it.each<[string, Partial<PermissionQuery>]>([
    ['a subframe of the app', { isMainFrame: false }],
    ['another https origin', { requestingUrl: 'https://evil.example/' }],
    ['a look-alike host', { requestingUrl: 'app://interview-recorder.evil/index.html' }],
    ['a file:// page', { requestingUrl: 'file:///tmp/x.html' }],
    ['a malformed URL', { requestingUrl: 'not a url' }],
    ['screen capture', { permission: 'display-capture', mediaTypes: [] }],
    ['notifications', { permission: 'notifications', mediaTypes: [] }],
    ['fullscreen for another origin', { permission: 'fullscreen', requestingUrl: 'https://evil.example/', mediaTypes: [] }],
    ['geolocation', { permission: 'geolocation', mediaTypes: [] }],
    ['clipboard reading', { permission: 'clipboard-read', mediaTypes: [] }],
    ['an unknown media type', { mediaTypes: ['video', 'desktop'] }],
  ])('denies %s', (_name, change) => {
    expect(isPermissionAllowed({ ...camera, ...change }, APP)).toBe(false);
  });
});
