import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { listenForTest } from '../support/loopback-server';
import { runIrecAsync } from '../support/run-irec';
import { tempDir } from '../support/temp-dir';
import { testEnv } from '../support/test-core';

// The built irec resolves a link as the app does; the script is served on 127.0.0.1 (http only to this computer).
describe('irec script check --link', () => {
  it('prints the linked script, and the reason a link or its script is refused', async () => {
    const base = await listenForTest(
      http.createServer((req, res) => {
        const body =
          req.url === '/interview/inv-9/script.json'
            ? { id: 'linked', title: 'Data analyst', candidateName: 'Ada', questions: [{ text: 'Why data?' }] }
            : { id: 'broken', title: 'Broken', candidateName: 'Ada', questions: [] };
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      }),
    );
    const env = testEnv(tempDir());
    const hosts = ['--set', `interview.inviteHosts=["${new URL(base).host}"]`];

    const good = await runIrecAsync(['script', 'check', '--link', `${base}/interview/inv-9?extra-time=2`, '--json', ...hosts], env);
    expect(good.status).toBe(0);
    expect(good.json()).toMatchObject({
      ok: true,
      scriptUrl: `${base}/interview/inv-9/script.json`,
      script: { id: 'linked', extraTime: 2 },
    });

    const text = await runIrecAsync(['script', 'check', '--link', `${base}/interview/inv-9`, ...hosts], env);
    expect(text.stdout).toContain(`From ${base}/interview/inv-9/script.json\nData analyst — Ada (linked, en-US)`);

    const invalid = await runIrecAsync(['script', 'check', '--link', `${base}/interview/other`, ...hosts], env);
    expect(invalid.status).not.toBe(0);
    expect(invalid.stderr).toContain(
      `Interview script ${base}/interview/other/script.json: questions: an interview needs at least one question`,
    );

    const unknownHost = await runIrecAsync(['script', 'check', '--link', `${base}/interview/inv-9`], env);
    expect(unknownHost.status).not.toBe(0);
    expect(unknownHost.stderr).toContain('no host is configured for interview links (interview.inviteHosts)');

    const both = await runIrecAsync(['script', 'check', 'x.json', '--link', `${base}/interview/inv-9`], env);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('Usage: irec script check <interview.json> | irec script check --link <link>');
  }, 60_000);
});
