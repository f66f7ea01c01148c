import type { App } from 'electron';
import path from 'node:path';
import { LINK_SCHEME, looksLikeLink } from '../../shared/interview/interview-link';

/** The link among a launch's arguments (Windows and Linux pass a clicked link as one), if any. */
export const linkArgument = (argv: readonly string[]): string | undefined => argv.slice(1).find(looksLikeLink);

export interface LinkInbox {
  /** From now on links go to `offer` (the core's `links.offer`); the ones that came earlier first, in order. */
  deliverTo(offer: (link: string) => void): void;
}

/**
 * Receives interview links however the OS hands them over: the first launch's arguments, a second launch's
 * (forwarded by the single-instance lock), and macOS `open-url` — which can fire before the app is ready, so links
 * are kept until the core exists. Must run before `app.whenReady()`. The links are untrusted: the core parses them.
 */
export function receiveInterviewLinks(app: Pick<App, 'on' | 'setAsDefaultProtocolClient'>, argv: readonly string[]): LinkInbox {
  // Unpackaged (electron .), the OS must start Electron with the app's folder to reach this app.
  if (process.defaultApp && argv[1]) app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [path.resolve(argv[1])]);
  else app.setAsDefaultProtocolClient(LINK_SCHEME);

  const early: string[] = [];
  let offer: ((link: string) => void) | undefined;
  const receive = (link: string | undefined) => {
    if (link === undefined) return;
    if (offer) offer(link);
    else early.push(link);
  };
  receive(linkArgument(argv));
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url);
  });
  app.on('second-instance', (_event, secondArgv) => receive(linkArgument(secondArgv)));
  return {
    deliverTo(next) {
      offer = next;
      for (const link of early.splice(0)) next(link);
    },
  };
}
