// The interviewer desk's pure state: the call as the in-call screen shows it, the interview it joins, the REC
// indicator, and the scorecard form.
import { describe, expect, it } from 'vitest';
import type { CloudRecordingHealth } from '../../src/shared/domain/cloud-health';
import type { CloudSession } from '../../src/shared/domain/cloud';
import { interviewScriptSchema } from '../../src/shared/interview/script';
import type { Participant } from '../../src/renderer/features/call/interview-call';
import {
  candidateOf,
  deskCallReducer,
  gradeOf,
  initialDeskCall,
  type DeskCallAction,
  type DeskCallState,
} from '../../src/renderer/features/interviewer/desk-call-state';
import { deskFromChannel, deskFromScript, interviewerRequestOf } from '../../src/renderer/features/interviewer/desk-interview';
import { recIndicatorOf } from '../../src/renderer/features/interviewer/rec-indicator-state';
import { draftFrom, inputFrom } from '../../src/renderer/features/interviewer/scorecard-draft';

const person = (id: string, sends = true, isLocal = false): Participant => ({
  id,
  isLocal,
  hasAudio: sends,
  hasVideo: sends,
  audioMuted: false,
  videoMuted: false,
});
const fold = (actions: DeskCallAction[], from: DeskCallState = initialDeskCall) => actions.reduce(deskCallReducer, from);

describe('the desk call state', () => {
  it('lists remote participants in the order they came, updates them in place, forgets those who left with their quality', () => {
    const state = fold([
      { type: 'joining' },
      { type: 'call', event: { type: 'participant-joined', participant: person('me', true, true) } },
      { type: 'call', event: { type: 'participant-joined', participant: person('bot', false) } },
      { type: 'call', event: { type: 'participant-joined', participant: person('cand') } },
      { type: 'call', event: { type: 'participant-updated', participant: { ...person('cand'), videoMuted: true } } },
      { type: 'call', event: { type: 'quality', participantId: 'bot', uplink: 1, downlink: 1 } },
      { type: 'call', event: { type: 'quality', participantId: 'cand', uplink: 0, downlink: 4 } },
      { type: 'joined', at: 1000 },
      { type: 'call', event: { type: 'participant-left', participantId: 'bot' } },
    ]);
    expect(state.remotes.map((p) => [p.id, p.videoMuted])).toEqual([['cand', true]]);
    expect(Object.keys(state.quality)).toEqual(['cand']);
    expect(state).toMatchObject({ phase: 'connected', joinedAt: 1000 });
  });

  it('shows large the first remote participant who sends anything (not a recording bot), else the first', () => {
    const withBot = fold([
      { type: 'call', event: { type: 'participant-joined', participant: person('bot', false) } },
      { type: 'call', event: { type: 'participant-joined', participant: person('cand') } },
    ]);
    expect(candidateOf(withBot)?.id).toBe('cand');
    expect(candidateOf(fold([{ type: 'call', event: { type: 'participant-joined', participant: person('bot', false) } }]))?.id).toBe('bot');
    expect(candidateOf(initialDeskCall)).toBeUndefined();
  });

  it("follows the provider's states only once joined, keeps the first join's time across reconnections, and stays left", () => {
    const before = fold([{ type: 'joining' }, { type: 'call', event: { type: 'state', state: 'disconnected' } }]);
    expect(before.phase).toBe('connecting');
    const joined = fold([{ type: 'joining' }, { type: 'joined', at: 5 }]);
    const dropped = fold(
      [{ type: 'call', event: { type: 'state', state: 'reconnecting', error: { kind: 'dropped', detail: 'x' } } }],
      joined,
    );
    expect(dropped).toMatchObject({ phase: 'reconnecting', error: { kind: 'dropped' } });
    const back = fold(
      [
        { type: 'call', event: { type: 'state', state: 'connected' } },
        { type: 'joined', at: 99 },
      ],
      dropped,
    );
    expect(back).toMatchObject({ phase: 'connected', joinedAt: 5, error: undefined });
    const lost = fold([{ type: 'call', event: { type: 'state', state: 'disconnected' } }], back);
    expect(lost).toMatchObject({ phase: 'failed', error: { kind: 'dropped' } });
    const left = fold([{ type: 'left' }, { type: 'call', event: { type: 'state', state: 'connected' } }], back);
    expect(left.phase).toBe('left');
  });

  it('grades a link by its worse known direction, unknown when neither is known', () => {
    expect(gradeOf(undefined)).toBe(0);
    expect(gradeOf({ uplink: 0, downlink: 0 })).toBe(0);
    expect(gradeOf({ uplink: 0, downlink: 3 })).toBe(3);
    expect(gradeOf({ uplink: 5, downlink: 2 })).toBe(5);
  });
});

describe('the interview the desk joins', () => {
  const script = (extra: Record<string, unknown>) =>
    interviewScriptSchema.parse({
      id: 's1',
      title: 'Backend round',
      candidateName: 'Ada',
      position: 'Engineer',
      questions: [{ text: 'Why us?', answerSeconds: 60 }],
      ...extra,
    });

  it('records a development call as the channel the script names for the cloud recording, and keys it by that', () => {
    const desk = deskFromScript(script({ agoraChannel: 'room-1', live: { provider: 'dev' } }))!;
    expect(desk).toMatchObject({
      live: { provider: 'dev', channel: 'room-1' },
      recorded: { backend: 'agora', channel: 'room-1' },
      title: 'Backend round',
      position: 'Engineer',
      questions: ['Why us?'],
    });
    expect(interviewerRequestOf(desk)).toEqual({
      provider: 'agora',
      channel: 'room-1',
      scriptId: 's1',
      title: 'Backend round',
      candidateName: 'Ada',
    });
  });

  it('keys an interview with a schedule by the schedule, and has nothing to join without a live call', () => {
    const desk = deskFromScript(script({ scheduleId: 'sch-9', livekitRoom: 'r2', live: { provider: 'livekit' } }))!;
    expect(desk.recorded).toEqual({ backend: 'livekit', channel: 'r2' });
    expect(interviewerRequestOf(desk)).toMatchObject({ scheduleId: 'sch-9' });
    expect(interviewerRequestOf(desk)).not.toHaveProperty('channel');
    expect(deskFromScript(script({}))).toBeUndefined();
  });

  it('records a typed Agora or LiveKit channel as itself; a typed development channel cannot be recorded', () => {
    expect(deskFromChannel({ provider: 'agora', channel: 'c1' }).recorded).toEqual({ backend: 'agora', channel: 'c1' });
    const dev = deskFromChannel({ provider: 'dev', channel: 'c2' });
    expect(dev.recorded).toBeUndefined();
    expect(interviewerRequestOf(dev)).toEqual({ provider: 'dev', channel: 'c2' });
  });
});

describe('the REC indicator', () => {
  const session = (changes: Partial<CloudSession>) =>
    ({ id: 'cs1', state: 'active', startedAt: '2026-12-01T10:00:00.000Z', ...changes }) as CloudSession;
  const health = (state: CloudRecordingHealth['health']) => ({ sessionId: 'cs1', health: state }) as CloudRecordingHealth;
  const at = Date.parse('2026-12-01T10:01:05.000Z');

  it('is red with its timer from the backend-acknowledged start only while the backend says it records', () => {
    expect(recIndicatorOf(health('recording'), session({}), at)).toEqual({ tone: 'recording', health: 'recording', elapsedMs: 65_000 });
    expect(recIndicatorOf(health('backend-unreachable'), session({}), at)).toEqual({
      tone: 'warning',
      health: 'backend-unreachable',
      elapsedMs: 65_000,
    });
    expect(recIndicatorOf(health('no-cloud-storage'), session({ state: 'failed' }), at)).toMatchObject({
      tone: 'warning',
      elapsedMs: null,
    });
    expect(recIndicatorOf(health('stopped'), session({ state: 'done' }), at)).toEqual({ tone: 'idle', health: 'stopped', elapsedMs: null });
  });

  it("is idle with no session, and reads the session's own state until a health answer for it arrives", () => {
    expect(recIndicatorOf(null, null, at)).toEqual({ tone: 'idle', health: null, elapsedMs: null });
    expect(recIndicatorOf(null, session({ state: 'registering', startedAt: null }), at)).toMatchObject({ health: 'starting' });
    expect(recIndicatorOf({ ...health('failed'), sessionId: 'other' }, session({}), at)).toMatchObject({ health: 'recording' });
  });
});

describe('the scorecard form', () => {
  it('has a row per question of the guide plus the saved competencies, and saves only what is rated and named', () => {
    const draft = draftFrom(
      {
        interviewId: 'i1',
        recommendation: 'yes',
        summary: 'ok',
        updatedAt: 'x',
        ratings: [
          { subject: 'question', questionIndex: 1, rating: 4, reason: 'good' },
          { subject: 'competency', competency: 'Communication', rating: 5, reason: '' },
        ],
      },
      2,
    );
    expect(draft.rows.map((r) => [r.subject, r.rating])).toEqual([
      ['question', null],
      ['question', 4],
      ['competency', 5],
    ]);
    draft.rows.push({ subject: 'competency', competency: '  ', rating: 3, reason: 'unnamed' });
    draft.rows[0] = { ...draft.rows[0]!, reason: 'a reason without a rating' };
    expect(inputFrom('i1', { ...draft, summary: '  fine  ' })).toEqual({
      interviewId: 'i1',
      recommendation: 'yes',
      summary: 'fine',
      ratings: [
        { subject: 'question', questionIndex: 1, rating: 4, reason: 'good' },
        { subject: 'competency', competency: 'Communication', rating: 5, reason: '' },
      ],
    });
  });

  it('starts empty for a card never saved', () => {
    expect(draftFrom(null, 1)).toEqual({
      rows: [{ subject: 'question', questionIndex: 0, rating: null, reason: '' }],
      recommendation: null,
      summary: '',
    });
  });
});
