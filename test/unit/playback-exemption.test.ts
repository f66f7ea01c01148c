// The dispatcher redacts every answer; the one exemption is a channel's declared playback URLs, so that a presigned
// URL's signature reaches the player. It must stay that narrow: those keys, that channel, http(s) URLs only.
import { describe, expect, it } from 'vitest';
import { createDispatcher, type HandlerTable, type Sender } from '../../src/core/ipc/dispatcher';
import { playbackFieldsOf, restorePlaybackUrls } from '../../src/core/ipc/playback-exemption';
import type { ReviewRecordingInput } from '../../src/shared/domain/review';
import { redactWith } from '../../src/shared/redact';

const APP = 'app://interview-recorder';
const fromApp: Sender = { origin: APP, isMainFrame: true };
const SIGNED = 'https://bucket.s3.amazonaws.com/rec.mp4?X-Amz-Credential=AKIAABCDEFGHIJKLMNOP%2F20261201&X-Amz-Signature=abc123def456';

function recording(playbackUrl: string | null, extra: Partial<ReviewRecordingInput> = {}): ReviewRecordingInput {
  return {
    ref: 'agora:sid:0',
    source: 'agora',
    label: 'rec.mp4',
    kind: 'mp4',
    status: 'ready',
    playbackUrl,
    durationMs: null,
    retryAfterMs: null,
    error: null,
    clock: 'cloud',
    ...extra,
  };
}

function dispatchWith(recordings: ReviewRecordingInput[], problems: string[] = []) {
  const handlers = {
    listReviewRecordings: ({ interviewId }) => ({ interviewId, recordings, problems }),
    getReviewChapters: () => ({ cues: [{ kind: 'note', startMs: 0, endMs: 1, title: SIGNED, questionIndex: null }], vtt: SIGNED }),
  } as Partial<HandlerTable> as HandlerTable;
  return createDispatcher({ handlers, trustedOrigins: [APP], redact: redactWith(['s3cr3t-token']) });
}

describe('the playback exemption from redaction', () => {
  it('only the review listing declares playback fields', () => {
    expect([...playbackFieldsOf('listReviewRecordings')]).toEqual(['playbackUrl']);
    expect(playbackFieldsOf('getReviewChapters').size).toBe(0);
    expect(playbackFieldsOf('listCloudSessions').size).toBe(0);
    expect(playbackFieldsOf('noSuchChannel').size).toBe(0);
  });

  it('passes a presigned URL whole in playbackUrl, and redacts the same URL anywhere else in the answer', async () => {
    const dispatch = dispatchWith([recording(SIGNED, { error: `could not open ${SIGNED}`, label: SIGNED })], [`listing ${SIGNED}`]);
    const result = await dispatch('listReviewRecordings', { interviewId: 'int-1' }, fromApp);
    expect(result.ok).toBe(true);
    const value = (result as { value: { recordings: ReviewRecordingInput[]; problems: string[] } }).value;
    expect(value.recordings[0]!.playbackUrl).toBe(SIGNED);
    for (const text of [value.recordings[0]!.error!, value.recordings[0]!.label, value.problems[0]!]) {
      expect(text).not.toContain('abc123def456');
      expect(text).toContain('X-Amz-Signature=[redacted]');
    }
  });

  it('another channel gets no exemption, even for the same URL', async () => {
    const result = await dispatchWith([])('getReviewChapters', { interviewId: 'int-1', recordingRef: 'x' }, fromApp);
    expect(JSON.stringify(result)).not.toContain('abc123def456');
  });

  it('restores only http(s) URLs without a user or password, and local media paths', () => {
    const redact = redactWith(['s3cr3t-token']);
    const fields = new Set(['playbackUrl']);
    const pass = (url: string) =>
      restorePlaybackUrls({ playbackUrl: url }, redact({ playbackUrl: url }), fields) as { playbackUrl: string };
    expect(pass(SIGNED).playbackUrl).toBe(SIGNED);
    expect(pass('/__irec/media/rec-1/0').playbackUrl).toBe('/__irec/media/rec-1/0');
    for (const url of [
      'https://user:s3cr3t-token@host/rec.mp4',
      'javascript:alert(1)//X-Amz-Signature=abc123def456',
      'file:///etc/passwd?Signature=abc123def456',
      'data:text/plain,token=s3cr3t-token',
      'not a url s3cr3t-token',
      '/__irec/media/../../x?token=s3cr3t-token',
    ]) {
      const out = pass(url).playbackUrl;
      expect(out, url).toBe(redact(url));
      expect(out, url).not.toContain('s3cr3t-token');
    }
  });

  it('a secret-named key keeps its redaction even inside the declared channel', () => {
    const original = { playbackUrl: SIGNED, nested: { token: 's3cr3t-token', items: [{ playbackUrl: SIGNED, signature: 'zzzzzzz' }] } };
    const restored = restorePlaybackUrls(original, redactWith([])(original), new Set(['playbackUrl']));
    expect(restored).toEqual({
      playbackUrl: SIGNED,
      nested: { token: '[redacted]', items: [{ playbackUrl: SIGNED, signature: '[redacted]' }] },
    });
  });
});
