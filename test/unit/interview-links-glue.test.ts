import { describe, expect, it, vi } from 'vitest';

// Electron's app is replaced by a fake that records listeners: this tests only the translation from Electron's
// ways of handing over a link (arguments, second-instance, open-url) to the core's `links.offer`. What the core
// does with a link is tested for real in test/integration/interview-link.test.ts.
vi.mock('electron', () => ({}));

import { linkArgument, receiveInterviewLinks } from '../../src/main/platform/interview-links';

const LINK = 'interview-recorder://interview?script=https%3A%2F%2Fjobs.example.com%2Fs.json';

function fakeApp() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const app = {
    on: (name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener),
    setAsDefaultProtocolClient: vi.fn(() => true),
  };
  return { app, fire: (name: string, ...args: unknown[]) => listeners.get(name)!(...args) };
}

describe('receiveInterviewLinks', () => {
  it('registers the scheme, and hands over the first launch link once the core exists, then later ones at once', () => {
    const { app, fire } = fakeApp();
    const inbox = receiveInterviewLinks(app as never, ['/opt/Interview Recorder/interview-recorder', '--no-sandbox', LINK]);
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('interview-recorder');

    // macOS hands a link over before the app is ready: kept, in order.
    const preventDefault = vi.fn();
    fire('open-url', { preventDefault }, 'https://jobs.example.com/interview/a');
    expect(preventDefault).toHaveBeenCalled();

    const offered: string[] = [];
    inbox.deliverTo((link) => offered.push(link));
    expect(offered).toEqual([LINK, 'https://jobs.example.com/interview/a']);

    // A second launch with a link forwards it; one without a link (just focusing the app) forwards nothing.
    fire('second-instance', {}, ['/opt/Interview Recorder/interview-recorder', '--flag', 'interview-recorder://interview?script=x']);
    fire('second-instance', {}, ['/opt/Interview Recorder/interview-recorder']);
    expect(offered).toEqual([LINK, 'https://jobs.example.com/interview/a', 'interview-recorder://interview?script=x']);
  });

  it('never takes the executable or a flag for a link', () => {
    expect(linkArgument(['https://not-an-argument-position', '--script=x.json'])).toBeUndefined();
    expect(linkArgument(['electron', 'app.asar', '--extra-time', '1.5'])).toBeUndefined();
    expect(linkArgument(['electron', '.', LINK])).toBe(LINK);
  });
});
