import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes';
import { devBackend } from '../support/dev-backend';
import { recordChunks } from '../support/recorded-chunks';
import { runIrecAsync } from '../support/run-irec';
import { tempDir } from '../support/temp-dir';
import { testEnv } from '../support/test-paths';

describe('irec agora | livekit | media against the configured backend', () => {
  it(
    'runs the documented calls with --json and exits with the backend code and the backend’s message on an error',
    { timeout: 60_000 },
    async () => {
      const { backend } = await devBackend();
      const env = testEnv(tempDir(), backend.env);
      const irec = (...args: string[]) => runIrecAsync(args, env);

      const started = await irec('agora', 'start', '--channel', 'cli_channel', '--uid', '1001', '--schedule', 'sched-cli', '--json');
      expect(started.status).toBe(0);
      const { resourceId, sid } = started.json<{ resourceId: string; sid: string }>();
      // A resource id is base64url and may start with "-", which parseArgs takes for an option unless it is joined by "=".
      const ref = ['--channel', 'cli_channel', '--uid', '1001', `--resource-id=${resourceId}`, '--sid', sid];
      expect((await irec('agora', 'query', ...ref)).stdout).toMatch(/Status 5: Recording in progress/);
      backend.setFault({ backend: 'agora', endpoint: 'stop', mode: 'noStorage', times: 1 });
      const stop = await irec('agora', 'stop', ...ref, '--schedule', 'sched-cli');
      expect(stop.status).toBe(EXIT.backend);
      expect(stop.stderr).toMatch(/recording backend has no cloud storage configured/);
      const listed = await irec('agora', 'list', '--schedule', 'sched-cli', '--json');
      expect(listed.json()).toMatchObject({ total_count: 1, recordings: [{ sid, status: 'completed' }] });

      const unknown = await irec('livekit', 'status', '--egress', 'egress_unknown');
      expect(unknown.status).toBe(EXIT.backend);
      expect(unknown.stderr).toMatch(/Recording not found \(NOT_FOUND\)/);
      const noChannel = await irec('agora', 'start', '--uid', '1001');
      expect(noChannel.status).toBe(EXIT.usage);
      expect(noChannel.stderr).toMatch(/agora start needs --channel <value>/);

      const file = path.join(tempDir(), 'answer.webm');
      fs.writeFileSync(file, Buffer.concat((await recordChunks('vp8-webm', 2)).chunks));
      const uploaded = await irec('media', 'upload', '--file', file, '--json');
      expect(uploaded.status).toBe(0);
      expect(uploaded.json()).toMatchObject({ url: expect.stringMatching(/_final\.webm$/), size: fs.statSync(file).size });
      const status = await irec('media', 'status', '--session', uploaded.json<{ sessionId: string }>().sessionId, '--json');
      expect(status.json()).toMatchObject({ status: 'completed', missingChunks: [] });
    },
  );

  it('says which setting is missing, as not configured, when no backend is configured', async () => {
    const run = await runIrecAsync(['agora', 'list', '--schedule', 'x'], testEnv(tempDir()));
    expect(run.status).toBe(EXIT.unavailable);
    expect(run.stderr).toMatch(/No Agora recording backend configured \(backends\.agora\.baseUrl or IREC_AGORA_URL\)/);
  });
});
