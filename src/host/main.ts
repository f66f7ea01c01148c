import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core';
import { disabledUpdates } from '../core/services/updates/updates';
import { createHandlerTable } from '../core/ipc/handlers';
import { nodeCorePorts } from '../core/node-ports';
import { findChromium } from '../core/platform/runtimes';
import { securityHeadersFor } from '../core/security/csp';
import { localMediaReply } from '../core/services/review/local-media';
import { projectDist } from './dist-paths';
import { startHostServer } from './server';

const HELP = `Usage: npm run host -- [--port <n>] [--no-open] [--script <interview.json>] [--extra-time 1|1.5|2] [--link <link>]

Runs the Interview Recorder UI in a browser, without Electron: the same renderer and the same main-process
handlers, served on 127.0.0.1 only. Opens Chromium with a one-time link when a display is available (or
prints the link: with --no-open, or without a display). Only a browser that opened such a link gets in;
each time one is used, a fresh one is printed ("Open another window: <link>") for the next window.
Without --script it runs the bundled practice interview. --extra-time is the invite's accommodation: every
think time and answer limit is multiplied by 1.5 or 2 (it overrides the script's "extraTime"). Build first
(npm run build); \`npm start\` does both and prefers Electron when its runtime is installed.
--link opens the interview of an interview-recorder:// or https invite link (its host must be in
interview.inviteHosts); a launch link with &link=<link> (URL-encoded) does the same for a running host.`;

/** Opens Chromium on a launch link when it can; otherwise, or when Chromium fails, prints one for the user to open. */
function openWindow(launchUrl: () => string, profile: string, noOpen = false): void {
  const chromium = findChromium();
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
  const printLink = (why: string) => console.log(`${why}Open this link in a browser (it works once): ${launchUrl()}`);
  if (noOpen) return printLink('');
  if (!chromium) return printLink('Chromium not found. ');
  if (!hasDisplay) return printLink('No display found. ');
  const args = [`--app=${launchUrl()}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking'];
  const child = spawn(chromium, args, { stdio: 'ignore', detached: true });
  // A fresh link, not Chromium's: Chromium may have used its link before it failed.
  child.once('error', (error) => {
    child.removeAllListeners('exit');
    printLink(`Chromium did not start (${error.message}). `);
  });
  child.once('exit', (code) => {
    if (code) printLink(`Chromium stopped (exit code ${code}). `);
  });
  child.unref();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      script: { type: 'string' },
      'extra-time': { type: 'string' },
      link: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(HELP);

  const core = createCore({
    ...nodeCorePorts(),
    scriptFile: values.script,
    extraTime: values['extra-time'],
    updates: (settings) => disabledUpdates('the browser host does not update', settings.mode),
  });
  const dist = projectDist();
  const server = await startHostServer({
    handlers: createHandlerTable(core),
    onInternalError: (channel, error) => core.logger.error('IPC handler failed', { channel, error }),
    redact: core.redact,
    events: core.events,
    rendererDir: path.join(dist, 'renderer'),
    bridgeFile: path.join(dist, 'host', 'bridge.js'),
    port: values.port ? Number(values.port) : undefined,
    pageHeaders: securityHeadersFor(core.config.config),
    localMedia: (pathname, range, head) => localMediaReply(core.review, pathname, range, head),
    // The terminal belongs to the user who started the host: the link for another window goes there.
    onLaunch: () => console.log(`Open another window: ${server.launchUrl()}`),
    onLink: (link) => core.links.offer(link),
  });
  core.logger.info('Browser host listening', { url: server.url });
  console.log(`Interview Recorder is running at ${server.url} (Ctrl+C to stop)`);
  core.pipeline.appStarted();
  // Opened by the page when it loads (it asks for a waiting link), like a link the OS hands to the Electron app.
  if (values.link) core.links.offer(values.link);

  openWindow(server.launchUrl, path.join(core.dataDir, 'browser-host-profile'), values['no-open']);

  const stop = () =>
    void server
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Browser host could not start: ${(error as Error).message}`);
  process.exit(1);
});
