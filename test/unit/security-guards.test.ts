import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/core/security/csp';
import { decideWindowOpen, isNavigationAllowed } from '../../src/main/security/navigation';
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

describe('navigation guard', () => {
  it('opens https links in the system browser and drops everything else', () => {
    expect(decideWindowOpen('https://example.com/help')).toEqual({ action: 'open-externally', url: 'https://example.com/help' });
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'app://interview-recorder/x', 'nonsense']) {
      expect(decideWindowOpen(url)).toEqual({ action: 'deny' });
    }
  });

  it('refuses navigation to any other document', () => {
    const current = `${APP}/index.html`;
    expect(isNavigationAllowed(`${APP}/index.html#recordings`, current)).toBe(true);
    expect(isNavigationAllowed('https://evil.example/', current)).toBe(false);
    expect(isNavigationAllowed(`${APP}/other.html`, current)).toBe(false);
    expect(isNavigationAllowed('app://attacker/index.html', current)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', current)).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows no inline script, no eval and no remote origins', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives['default-src']).toBe("default-src 'none'");
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
  });
});
