import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_LINKED_SCRIPT_BYTES, resolveLinkScript } from '../../src/core/services/interview/link-script';
import { createDispatcher } from '../../src/core/ipc/dispatcher';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { listenForTest } from '../support/loopback-server';
import { createTestCore } from '../support/test-core';

const SCRIPT = {
  id: 'link-interview-1',
  title: 'Support engineer — from a link',
  candidateName: 'Ada',
  questions: [{ text: 'Tell us about a hard bug.', answerSeconds: 30 }],
};

/** A script server on 127.0.0.1 (safe fetch allows http only to this computer): path → body, and what was asked. */
async function scriptServer(files: Record<string, string | Buffer>): Promise<{ base: string; host: string; asked: string[] }> {
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
    asked.push(req.url ?? '');
    const body = files[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'application/json' });
    res.end(body ?? '{}');
  });
  const base = await listenForTest(server);
  return { base, host: new URL(base).host, asked };
}

const APP = 'app://interview-recorder';
const appLink = (scriptUrl: string, extra = '') => `interview-recorder://interview?script=${encodeURIComponent(scriptUrl)}${extra}`;

describe('resolveLinkScript', () => {
  it('fetches the script of an app link and of an invite link, validates it and applies the extra time', async () => {
    const { base, host, asked } = await scriptServer({
      '/s/one.json': JSON.stringify(SCRIPT),
      '/interview/inv-7/script.json': JSON.stringify({ ...SCRIPT, id: 'invited' }),
    });
    const app = await resolveLinkScript(appLink(`${base}/s/one.json`, '&extra-time=1.5'), { inviteHosts: [host] });
    expect(app.script).toMatchObject({ id: 'link-interview-1', title: SCRIPT.title, extraTime: 1.5 });
    const invite = await resolveLinkScript(`${base}/interview/inv-7`, { inviteHosts: [host] });
    expect(invite.script.id).toBe('invited');
    expect(invite.link.form).toBe('invite');
    expect(asked).toEqual(['/s/one.json', '/interview/inv-7/script.json']);
  });

  it('refuses a host that is not configured without fetching anything', async () => {
    const { base, asked } = await scriptServer({ '/s/one.json': JSON.stringify(SCRIPT) });
    await expect(resolveLinkScript(appLink(`${base}/s/one.json`), { inviteHosts: ['jobs.example.com'] })).rejects.toThrow(
      /is not one of the hosts configured for interview links \(interview.inviteHosts: jobs.example.com\)/,
    );
    expect(asked).toEqual([]);
  });

  it('refuses a script on a private address, by number or by name', async () => {
    await expect(resolveLinkScript('https://10.1.2.3/interview/a', { inviteHosts: ['10.1.2.3'] })).rejects.toThrow(
      /could not be fetched: 10.1.2.3 resolves to 10.1.2.3, a private, link-local or local address/,
    );
    const resolve = async () => [{ address: '169.254.169.254', family: 4 }];
    await expect(resolveLinkScript('https://jobs.example.com/interview/a', { inviteHosts: ['jobs.example.com'], resolve })).rejects.toThrow(
      /jobs.example.com resolves to 169.254.169.254/,
    );
  });

  it('stops reading a script larger than the cap', async () => {
    const huge = Buffer.alloc(MAX_LINKED_SCRIPT_BYTES + 10, 0x20);
    const { base, host } = await scriptServer({ '/s/huge.json': huge });
    await expect(resolveLinkScript(appLink(`${base}/s/huge.json`), { inviteHosts: [host] })).rejects.toThrow(
      new RegExp(`sent more than ${MAX_LINKED_SCRIPT_BYTES} bytes; stopped reading`),
    );
  });

  it("answers an invalid script with the schema's words, and refuses audio given as a file name", async () => {
    const { base, host } = await scriptServer({
      '/s/bad.json': JSON.stringify({ ...SCRIPT, questions: [{ text: 'Q', answerSeconds: 'long' }] }),
      '/s/notjson.json': '<html>',
      '/s/file-audio.json': JSON.stringify({ ...SCRIPT, questions: [{ text: 'Q' }, { text: 'Q2', audio: 'q2.wav' }] }),
    });
    const options = { inviteHosts: [host] };
    await expect(resolveLinkScript(appLink(`${base}/s/bad.json`), options)).rejects.toThrow(
      `Interview script ${base}/s/bad.json: questions.0.answerSeconds: expected number, received string`,
    );
    await expect(resolveLinkScript(appLink(`${base}/s/notjson.json`), options)).rejects.toThrow(/is not valid JSON/);
    await expect(resolveLinkScript(appLink(`${base}/s/file-audio.json`), options)).rejects.toThrow(
      /questions.1.audio: "q2.wav" is a file name, but a script opened from a link has no folder/,
    );
    await expect(resolveLinkScript(appLink(`${base}/s/missing.json`), options)).rejects.toThrow(/could not be fetched: .* answered 404/);
  });
});

describe('a core opening links', () => {
  it('opens a waiting link as the active interview, and tells the renderer', async () => {
    const { base, host } = await scriptServer({ '/s/one.json': JSON.stringify(SCRIPT) });
    const core = createTestCore(undefined, {}, [`interview.inviteHosts=["${host}"]`]);
    // Through the dispatcher, so the answers are checked against the contract as the renderer gets them.
    const dispatch = createDispatcher({ handlers: createHandlerTable(core), trustedOrigins: [APP], redact: core.redact });
    const call = async (channel: string) => {
      const result = await dispatch(channel, undefined, { origin: APP, isMainFrame: true });
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value;
    };
    const events: unknown[] = [];
    core.events.subscribe((name, payload) => name === 'interviewLink' && events.push(payload));

    expect(await call('openInterviewLink')).toEqual({ state: 'none' });
    core.links.offer(appLink(`${base}/s/one.json`));
    const opened = await call('openInterviewLink');
    expect(opened).toEqual({ state: 'opened', host, scriptId: SCRIPT.id, title: SCRIPT.title });
    expect(await call('getInterviewScript')).toMatchObject({ ok: true, source: 'link', script: { title: SCRIPT.title } });
    expect(events).toEqual([{ state: 'waiting', host }, opened]);
    // Consent now goes to the linked interview.
    expect(core.interviews.giveConsent(SCRIPT.id).interviewId).toMatch(/^int-/);
  });

  it('keeps the interview shown when a link is refused, and says why', async () => {
    const core = createTestCore(undefined, {}, ['interview.inviteHosts=["jobs.example.com"]']);
    const before = core.interview;
    core.links.offer('javascript:alert(1)');
    expect(await core.links.openPending()).toEqual({
      state: 'failed',
      host: null,
      error: 'The link uses javascript:; only interview-recorder: links and https: invite links open an interview.',
    });
    expect(core.interview).toBe(before);
  });

  it('never replaces the interview while it is recorded: the link waits for the recording to end', async () => {
    const { base, host } = await scriptServer({ '/s/one.json': JSON.stringify(SCRIPT) });
    const core = createTestCore(undefined, {}, [`interview.inviteHosts=["${host}"]`]);
    const practice = core.interview.ok ? core.interview.script.id : '';
    const { interviewId } = core.interviews.giveConsent(practice);
    const { recordingId } = await core.recording.start({ interviewId, mimeType: 'video/webm' });

    core.links.offer(appLink(`${base}/s/one.json`));
    expect(await core.links.openPending()).toEqual({ state: 'waiting', host });
    expect(core.interview.ok && core.interview.script.id).toBe(practice);

    await core.recording.stop({ recordingId, durationMs: 0, stopReason: 'cancelled' });
    expect(await core.links.openPending()).toMatchObject({ state: 'opened', scriptId: SCRIPT.id });
    expect(core.interview.ok && core.interview.script.id).toBe(SCRIPT.id);
    await core.pipeline.idle();
  });
});
