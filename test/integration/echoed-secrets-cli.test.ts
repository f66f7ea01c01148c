import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UploadJobSummary } from '../../src/shared/domain/upload';
import { startEchoBackend, type EchoBackendReply } from '../support/echo-backend';
import { startEchoS3 } from '../support/echo-s3';
import { expectNoPlantedSecrets, fileBytes, PLANTED } from '../support/planted-secrets';
import { runIrecAsync, type IrecRun } from '../support/run-irec';
import { testEnv, testPaths } from '../support/test-paths';
import { tempDir } from '../support/temp-dir';

/** A settings file holding the planted credentials, the way a user or IT would write them. */
function plantSettings(root: string, settings: { s3Endpoint: string; livekitUrl: string }): void {
  const file = testPaths(root).userConfigFile;
  fs.writeFileSync(
    file,
    JSON.stringify({
      s3: {
        bucket: 'echo-bucket',
        endpoint: settings.s3Endpoint,
        forcePathStyle: true,
        credentials: {
          accessKeyId: PLANTED.accessKeyId,
          secretAccessKey: PLANTED.secretAccessKey,
          sessionToken: PLANTED.sessionToken,
        },
      },
      backends: { livekit: { baseUrl: settings.livekitUrl, token: PLANTED.livekitToken } },
    }),
    { mode: 0o600 },
  );
}

const printed = (run: IrecRun) => `${run.stdout}\n${run.stderr}`;

describe('secrets a server echoes in its error text', () => {
  // 403 is a refusal whose message the app writes itself; 400 quotes the store's own words (which echo the headers).
  it.each([
    { status: 403, code: 'AccessDenied', shown: /S3 denied access to bucket "echo-bucket" \(AccessDenied\)/ },
    { status: 400, code: 'InvalidRequest', shown: /S3 refused the upload \(400 InvalidRequest\): Request refused\. The request carried:/ },
  ])(
    'irec upload --file, its --json and irec uploads list --json show the $status $code without the key id or session token',
    { timeout: 120_000 },
    async ({ status, code, shown }) => {
      const root = tempDir();
      const s3 = await startEchoS3({ status, code });
      plantSettings(root, { s3Endpoint: s3.url, livekitUrl: 'http://127.0.0.1:9' });
      const file = path.join(root, 'answer.webm');
      fs.writeFileSync(file, Buffer.alloc(64 * 1024, 1));
      const env = testEnv(root);

      const upload = await runIrecAsync(['upload', '--file', file, '--key', 'echo/answer.webm'], env);
      expect(s3.requests()).toBeGreaterThan(0);
      expect(upload.status).not.toBe(0);
      expect(printed(upload)).toMatch(shown);
      expectNoPlantedSecrets('irec upload output', printed(upload));

      const uploadJson = await runIrecAsync(['upload', '--file', file, '--key', 'echo/answer.webm', '--json'], env);
      expect(printed(uploadJson)).toMatch(shown);
      expectNoPlantedSecrets('irec upload --json output', printed(uploadJson));

      const list = await runIrecAsync(['uploads', 'list', '--json'], env);
      expect(list.status, list.stderr).toBe(0);
      expect(list.json<UploadJobSummary[]>()[0]).toMatchObject({ state: 'failed', lastError: expect.stringMatching(shown) });
      expectNoPlantedSecrets('irec uploads list --json', printed(list));

      const dataDir = testPaths(root).userDataDir;
      expectNoPlantedSecrets('catalog.sqlite, -wal and -shm', fileBytes(path.join(dataDir, 'catalog.sqlite'), ['-wal', '-shm']));
      expectNoPlantedSecrets('the log', fileBytes(path.join(testPaths(root).logDir, 'irec.log')));
    },
  );

  it('irec livekit prints 400, 401 and 500 refusals without the bearer token', { timeout: 120_000 }, async () => {
    const root = tempDir();
    let reply: EchoBackendReply = { status: 400, format: 'json' };
    const backend = await startEchoBackend(() => reply);
    plantSettings(root, { s3Endpoint: 'http://127.0.0.1:9', livekitUrl: `${backend.url}/api/recording` });
    const env = testEnv(root);
    const cases: Array<[EchoBackendReply, RegExp]> = [
      [{ status: 400, format: 'json' }, /could not report the recording status \(HTTP 400\): Refused GET/],
      [{ status: 401, format: 'text' }, /did not accept the access token: Refused GET/],
      [{ status: 500, format: 'json' }, /could not report the recording status \(HTTP 500\): Refused GET/],
    ];
    for (const [answer, shown] of cases) {
      reply = answer;
      for (const args of [
        ['livekit', 'status', '--egress', 'EG_echo'],
        ['livekit', 'status', '--egress', 'EG_echo', '--json'],
      ]) {
        const run = await runIrecAsync(args, env);
        expect(run.status, `${answer.status}: ${run.stderr}`).not.toBe(0);
        expect(printed(run)).toMatch(shown);
        expectNoPlantedSecrets(`irec ${args.join(' ')} (HTTP ${answer.status})`, printed(run));
      }
    }
    expect(backend.requests()).toBe(6);
    expectNoPlantedSecrets('the log', fileBytes(path.join(testPaths(root).logDir, 'irec.log')));
  });
});
