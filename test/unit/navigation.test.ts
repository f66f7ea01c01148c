import { describe, expect, it } from 'vitest';
import { decideWindowOpen, isNavigationAllowed } from '../../src/main/security/navigation';

const APP = 'app://interview-recorder';

describe('navigation guard', () => {
  it('opens the contact links and allowlisted https pages outside the app and drops everything else', () => {
    expect(decideWindowOpen('mailto:dana@acme.example')).toEqual({ action: 'open-externally', url: 'mailto:dana@acme.example' });
    expect(decideWindowOpen('tel:+15550100')).toEqual({ action: 'open-externally', url: 'tel:+15550100' });
    expect(decideWindowOpen('https://help.example/camera', ['help.example'])).toEqual({
      action: 'open-externally',
      url: 'https://help.example/camera',
    });
    const refused = [
      'https://example.com/help', // not on the allowlist (empty by default)
      'https://help.example.evil.test/',
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://interview-recorder/x',
      'nonsense',
    ];
    for (const url of refused)
      expect(decideWindowOpen(url, url.includes('evil') ? ['help.example'] : undefined)).toEqual({ action: 'deny' });
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
