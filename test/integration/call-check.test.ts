// `irec call check` as a user runs it (the built CLI, its page in a real headless Chromium) against the real
// development backend and call server: every step passes; the relay gone, the backend gone, Agora not configured
// and a LiveKit URL where no LiveKit answers each fail at the right step, say why, and exit non-zero. Chromium and
// its profile never outlive the command.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes';
import type { CallCheckReport } from '../../src/core/services/call/call-check';
import { devBackend } from '../support/dev-backend';
import { listenForTest } from '../support/loopback-server';
import { builtFile } from '../support/built';
import { processesMentioning } from '../support/process-group';
import { runIrecAsync } from '../support/run-irec';
import { tempDir } from '../support/temp-dir';
import { testEnv } from '../support/test-paths';

/** Runs the check with TMPDIR in a folder of its own, so the test can see that Chromium's profile is gone after. */
async function callCheck(env: NodeJS.ProcessEnv, ...args: string[]) {
  const tmp = tempDir('irec-call-check-tmp-');
  const run = await runIrecAsync(['call', 'check', '--json', ...args], { ...env, TMPDIR: tmp });
  expect(processesMentioning(tmp)).toEqual([]);
  expect(fs.readdirSync(tmp)).toEqual([]);
  return { ...run, report: run.stdout ? run.json<CallCheckReport>() : undefined };
}

const statuses = (report: CallCheckReport | undefined) => Object.fromEntries(report!.steps.map((step) => [step.name, step.status]));
const step = (report: CallCheckReport | undefined, name: string) => report!.steps.find((s) => s.name === name)!;

/** Where the relay was: the host still answers HTTP, but no WebSocket signalling is there any more. */
async function relayGone(): Promise<string> {
  const server = http.createServer((_req, res) => res.writeHead(503).end('relay stopped'));
  server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n'));
  return (await listenForTest(server)).replace('http:', 'ws:') + '/call/ws';
}

describe('irec call check', () => {
  it('passes every step against the development call server and prints each with its time', { timeout: 120_000 }, async () => {
    const { backend } = await devBackend();
    const run = await callCheck(testEnv(tempDir(), backend.env), '--provider', 'dev', '--channel', 'cli-check-room');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.report).toMatchObject({ provider: 'dev', channel: 'cli-check-room', ok: true });
    expect(statuses(run.report)).toEqual({ configuration: 'ok', reach: 'ok', token: 'ok', browser: 'ok', join: 'ok', leave: 'ok' });
    for (const s of run.report!.steps) expect(s.ms).toBeGreaterThanOrEqual(0);
    expect(step(run.report, 'reach').detail).toMatch(/^127\.0\.0\.1:\d+: DNS \d+ ms, TCP \d+ ms$/);
    expect(step(run.report, 'token').detail).toMatch(/^a token of \d+ characters, valid for \d+ s$/);
    // The relay saw the participant join the room and leave it again.
    const tokens = backend.requests().filter((r) => r.method === 'POST' && r.path === '/call/token');
    expect(tokens.at(-1)!.body).toMatchObject({ channel: 'cli-check-room', participantId: expect.stringMatching(/^\d+$/) });
    // A default channel is a fresh one each time.
    const again = await callCheck(testEnv(tempDir(), backend.env), '--provider', 'dev');
    expect(again.report!.channel).toMatch(/^irec-check-[0-9a-f]{8}$/);
    expect(again.status).toBe(0);
  });

  it(
    'fails the join with a clear message when the relay is stopped, and at reach when the backend is gone',
    { timeout: 120_000 },
    async () => {
      const { backend, stop } = await devBackend();
      const gone = await callCheck(testEnv(tempDir(), { ...backend.env, IREC_DEV_CALL_URL: await relayGone() }), '--provider', 'dev');
      expect(gone.status).toBe(EXIT.backend);
      expect(statuses(gone.report)).toMatchObject({ token: 'ok', browser: 'ok', join: 'failed', leave: 'skipped' });
      expect(step(gone.report, 'join').detail).toMatch(/^cannot reach the development call server: .*\(unreachable: /);

      await stop();
      const down = await callCheck(testEnv(tempDir(), backend.env), '--provider', 'dev', '--timeout', '3');
      expect(down.status).toBe(EXIT.backend);
      expect(statuses(down.report)).toMatchObject({ configuration: 'ok', reach: 'failed', token: 'skipped', join: 'skipped' });
      expect(step(down.report, 'reach').detail).toMatch(
        /cannot reach the development call server: 127\.0\.0\.1:\d+: TCP connect .* failed \(connect ECONNREFUSED/,
      );
    },
  );

  it('names the missing Agora setting at the configuration step', async () => {
    const { backend } = await devBackend();
    const env = testEnv(tempDir(), backend.env);
    delete env.IREC_AGORA_APP_ID;
    const run = await callCheck(env, '--provider', 'agora');
    expect(run.status).toBe(EXIT.unavailable);
    expect(step(run.report, 'configuration')).toMatchObject({
      status: 'failed',
      code: 'NOT_CONFIGURED',
      detail: 'calls over Agora are not configured: set backends.agora.appId (IREC_AGORA_APP_ID)',
    });
    expect(statuses(run.report)).toMatchObject({ reach: 'skipped', join: 'skipped' });
  });

  it('fails at the join where no LiveKit answers at the URL, and at reach where nothing listens', { timeout: 120_000 }, async () => {
    const { backend } = await devBackend();
    // The development backend is reachable, but speaks no LiveKit: the SDK cannot open its signalling.
    const env = testEnv(tempDir(), { ...backend.env, IREC_LIVEKIT_SERVER_URL: backend.url.replace('http:', 'ws:') });
    const run = await callCheck(env, '--provider', 'livekit', '--timeout', '5');
    expect(run.status).toBe(EXIT.backend);
    expect(statuses(run.report)).toMatchObject({ reach: 'ok', token: 'ok', join: 'failed', leave: 'skipped' });
    expect(step(run.report, 'join').detail).toMatch(/^cannot reach LiveKit: .*\((unreachable|timeout): /);

    const refused = await callCheck({ ...env, IREC_LIVEKIT_SERVER_URL: 'wss://127.0.0.1:1' }, '--provider', 'livekit', '--timeout', '5');
    expect(refused.status).toBe(EXIT.backend);
    expect(step(refused.report, 'reach')).toMatchObject({ status: 'failed', detail: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('ends Chromium and removes its profile when interrupted (Ctrl+C) in the middle of a join', { timeout: 120_000 }, async () => {
    const { backend } = await devBackend();
    // A relay that takes the WebSocket and never answers: the join waits for its whole timeout.
    let joining = false;
    const sockets: Duplex[] = [];
    const silent = http.createServer();
    silent.on('upgrade', (_req, socket: Duplex) => {
      joining = true;
      sockets.push(socket);
    });
    const relay = (await listenForTest(silent)).replace('http:', 'ws:') + '/call/ws';
    const tmp = tempDir('irec-call-check-tmp-');
    const env = { ...testEnv(tempDir(), { ...backend.env, IREC_DEV_CALL_URL: relay }), TMPDIR: tmp };
    const child = spawn(process.execPath, [builtFile('cli/irec.cjs'), 'call', 'check', '--provider', 'dev', '--timeout', '60'], { env });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await expect.poll(() => joining, { timeout: 60_000, interval: 100 }).toBe(true);
    expect(processesMentioning(tmp).length).toBeGreaterThan(0);
    child.kill('SIGINT');
    const code = await exited;
    // An upgraded socket is no longer the HTTP server's to close when the test ends.
    sockets.forEach((socket) => socket.destroy());
    expect(code).toBe(EXIT.cancelled);
    await expect.poll(() => processesMentioning(tmp), { timeout: 10_000 }).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('says how to install Chromium when there is none', async () => {
    const { backend } = await devBackend();
    const env = testEnv(tempDir(), { ...backend.env, CHROMIUM_PATH: '/nonexistent/chromium' });
    const run = await callCheck(env, '--provider', 'dev');
    expect(run.status).toBe(EXIT.unavailable);
    expect(step(run.report, 'browser').detail).toMatch(/^Chromium not found: .*apt-get install chromium.*CHROMIUM_PATH/);
  });

  it('refuses a wrong provider or channel as usage errors', async () => {
    const env = testEnv(tempDir());
    const noProvider = await runIrecAsync(['call', 'check'], env);
    expect(noProvider.status).toBe(EXIT.usage);
    expect(noProvider.stderr).toMatch(/call check needs --provider agora\|livekit\|dev/);
    const badChannel = await runIrecAsync(['call', 'check', '--provider', 'dev', '--channel', 'no/slashes'], env);
    expect(badChannel.status).toBe(EXIT.usage);
    expect(badChannel.stderr).toMatch(/--channel "no\/slashes": expected a channel name/);
  });
});
