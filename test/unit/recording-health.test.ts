import { describe, expect, it } from 'vitest';
import { healthOf, healthReport } from '../../src/core/services/backends/interviewer/recording-health';
import {
  cloudHealthMessages,
  cloudHealthStates,
  describeCloudHealth,
  isCloudRecording,
  NO_CLOUD_STORAGE_WORDS,
} from '../../src/shared/domain/cloud-health';
import type { CallSession, CloudSessionState } from '../../src/shared/domain/cloud';

function session(state: CloudSessionState, changes: Partial<CallSession> = {}): CallSession {
  return {
    id: 's1',
    interviewId: 'ivw-1',
    recordingId: null,
    backend: 'livekit',
    egressId: 'EG_1',
    state,
    target: '!room:example.com',
    statusCode: 0,
    statusText: 'Recording',
    files: [],
    recordingUrl: null,
    error: null,
    startedAt: '2026-12-01T10:00:00.000Z',
    stoppedAt: null,
    checkedAt: '2026-12-01T10:00:05.000Z',
    updatedAt: '2026-12-01T10:00:05.000Z',
    pending: null,
    ...changes,
  } as CallSession;
}

describe("the REC indicator's cloud health", () => {
  it('is "recording" only while the backend answered that it records', () => {
    expect(healthOf(session('active'), 'answered')).toBe('recording');
    // A session from before this run (nothing asked yet) stands on what it last said.
    expect(healthOf(session('active'), undefined)).toBe('recording');
    expect(healthOf(session('active'), 'no-answer')).toBe('backend-unreachable');
    expect(healthOf(session('active', { error: 'The room recording failed: egress aborted.' }), 'answered')).toBe('failed');
  });

  it('says starting, not answering, stop pending, stopped and failed from the session', () => {
    expect(healthOf(session('registering'), undefined)).toBe('starting');
    expect(healthOf(session('registering'), 'no-answer')).toBe('backend-unreachable');
    expect(healthOf(session('stopping'), 'no-answer')).toBe('stop-pending');
    expect(healthOf(session('processing'), 'answered')).toBe('stopped');
    expect(healthOf(session('done'), 'answered')).toBe('stopped');
    expect(healthOf(session('missed'), undefined)).toBe('failed');
    expect(healthOf(session('failed', { error: 'Egress failed: no space' }), 'answered')).toBe('failed');
    expect(healthOf(session('failed', { error: `The cloud recording stopped, but ${NO_CLOUD_STORAGE_WORDS}: …` }), 'answered')).toBe(
      'no-cloud-storage',
    );
  });

  it("reports the backend's words behind it: the owed call's error first, then the session's, then its status", () => {
    const pending = {
      kind: 'agora.stop',
      state: 'pending',
      attempts: 2,
      nextAttemptAt: '',
      lastError: 'Could not reach the backend',
    } as const;
    expect(healthReport(session('stopping', { pending, error: 'older' }), 'no-answer')).toMatchObject({
      health: 'stop-pending',
      detail: 'Could not reach the backend',
    });
    expect(healthReport(session('active', { error: 'Health check failed — x' }), 'answered').detail).toBe('Health check failed — x');
    expect(healthReport(session('active'), 'answered')).toEqual({
      sessionId: 's1',
      health: 'recording',
      detail: 'Recording',
      checkedAt: '2026-12-01T10:00:05.000Z',
      session: session('active'),
    });
  });

  it('has words for every state in every shipped language, and is red only while recording', () => {
    expect(describeCloudHealth('recording')).toBe('Recording in progress');
    expect(describeCloudHealth('no-cloud-storage')).toBe('Backend has no cloud storage configured');
    expect(describeCloudHealth('backend-unreachable')).toBe('Not recording: the backend did not answer');
    expect(describeCloudHealth('recording', 'xx')).toBe('Recording in progress');
    for (const [locale, words] of Object.entries(cloudHealthMessages)) {
      expect(Object.keys(words).sort(), locale).toEqual([...cloudHealthStates].sort());
      for (const state of cloudHealthStates) expect(describeCloudHealth(state, locale), `${locale} ${state}`).not.toBe('');
    }
    expect(cloudHealthStates.filter(isCloudRecording)).toEqual(['recording']);
  });
});
