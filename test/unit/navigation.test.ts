import { describe, expect, it } from 'vitest';
import { decideWindowOpen, isNavigationAllowed } from '../../src/main/security/navigation';

const APP = 'app://interview-recorder';

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
