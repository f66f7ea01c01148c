import { describe, expect, it } from 'vitest';
import { decideWindowOpen, isNavigationAllowed } from '../../src/main/security/navigation';

const APP = 'app://interview-recorder';

describe('navigation guard', () => {
  const allowed = { httpsHosts: ['help.example', 'media.acme.example:8443'], contactLinks: ['mailto:dana@acme.example', 'tel:+15550100'] };

  it("opens the script's contact links and https pages on allowed hosts outside the app", () => {
    for (const url of ['mailto:dana@acme.example', 'tel:+15550100', 'https://help.example/camera', 'https://media.acme.example:8443/q1'])
      expect(decideWindowOpen(url, allowed)).toEqual({ action: 'open-externally', url });
  });

  it('drops every other link', () => {
    const refused = [
      'https://example.com/help', // a host nobody named
      'https://help.example.evil.test/',
      'https://help.example:8443/', // an allowed host on another port
      'https://media.acme.example/q1', // … or without the one it was named with
      'https://user:secret@help.example/', // credentials for an allowed host
      'http://help.example/camera', // http, even to an allowed host
      'mailto:mallory@evil.example', // another address than the contact's
      'mailto:dana@acme.example?attach=/etc/passwd', // the contact's, with a mail client's attach parameter
      'mailto:dana@acme.example,mallory@evil.example',
      'tel:+15550199',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://interview-recorder/x',
      'nonsense',
    ];
    for (const url of refused) expect(decideWindowOpen(url, allowed), url).toEqual({ action: 'deny' });
    expect(decideWindowOpen('https://help.example/camera', { httpsHosts: [], contactLinks: [] })).toEqual({ action: 'deny' });
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
