import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core';
import { createHandlerTable } from '../core/ipc/handlers';
import { nodeCorePorts } from '../core/node-ports';
import { findChromium } from '../core/platform/runtimes';
import { projectDist } from './dist-paths';
import { startHostServer } from './server';

const HELP = `Usage: npm run host -- [--port <n>] [--no-open] [--script <interview.json>] [--extra-time 1|1.5|2]

Runs the Interview Recorder UI in a browser, without Electron: the same renderer and the same main-process
handlers, served on 127.0.0.1 only. Opens Chromium when a display is available, else prints the URL.
Without --script it runs the bundled practice interview. --extra-time is the invite's accommodation: every
think time and answer limit is multiplied by 1.5 or 2 (it overrides the script's "extraTime"). Build first
(npm run build); \`npm start\` does both and prefers Electron when its runtime is installed.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      script: { type: 'string' },
      'extra-time': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(HELP);

  const core = createCore({ ...nodeCorePorts(), scriptFile: values.script, extraTime: values['extra-time'] });
  const dist = projectDist();
  const server = await startHostServer({
    handlers: createHandlerTable(core),
    onInternalError: (channel, error) => core.logger.error('IPC handler failed', { channel, error }),
    events: core.events,
    rendererDir: path.join(dist, 'renderer'),
    bridgeFile: path.join(dist, 'host', 'bridge.js'),
    port: values.port ? Number(values.port) : undefined,
  });
  core.logger.info('Browser host listening', { url: server.url });
  console.log(`Interview Recorder is running at ${server.url} (Ctrl+C to stop)`);
  core.pipeline.appStarted();

  const chromium = findChromium();
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
  if (!values['no-open'] && hasDisplay && chromium) {
    const profile = path.join(core.dataDir, 'browser-host-profile');
    spawn(chromium, [`--app=${server.url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking'], {
      stdio: 'ignore',
      detached: true,
    }).unref();
  } else if (!values['no-open']) {
    console.log(chromium ? 'No display found: open the URL above in a browser.' : 'Chromium not found: open the URL above in a browser.');
  }

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
