import { describe, expect, it } from 'vitest';
import { translator } from '../../src/shared/i18n/messages';
import { callMessages } from '../../src/renderer/features/call/call-messages';
import { describeCallError, describeCallState } from '../../src/renderer/features/call/call-words';
import { callErrorKinds } from '../../src/shared/call/call-errors';
import type { CallState } from '../../src/renderer/features/call/interview-call';

const KINDS = callErrorKinds;
const STATES: CallState[] = ['idle', 'connecting', 'connected', 'reconnecting', 'disconnected'];

describe('words for calls', () => {
  it('name the provider and say that the interview is still being recorded', () => {
    const t = translator(callMessages, 'en-US');
    expect(describeCallError(t, 'agora', { kind: 'unreachable' })).toBe('Cannot reach Agora. The interview is still being recorded.');
    expect(describeCallError(t, 'agora', { kind: 'timeout' })).toBe(
      'Cannot reach Agora: it did not answer in time. The interview is still being recorded.',
    );
    expect(describeCallError(t, 'livekit', { kind: 'auth' })).toContain('LiveKit did not accept');
    expect(describeCallError(t, 'dev', { kind: 'unsupported' })).toBe(
      'Calls over the development call server do not work on this computer. The interview is still being recorded.',
    );
    expect(describeCallError(t, 'livekit', { kind: 'not-configured' })).toBe(
      'Calls over LiveKit are not set up on this computer, so you will not see the interviewer here. The interview is still being recorded.',
    );
  });

  it.each(['en-US', 'ru-RU', 'th-TH', 'ar'])('exist for every error kind and state in %s, each different', (locale) => {
    const t = translator(callMessages, locale);
    const errors = KINDS.map((kind) => describeCallError(t, 'agora', { kind }));
    const states = STATES.map((state) => describeCallState(t, state));
    expect(new Set([...errors, ...states]).size).toBe(KINDS.length + STATES.length);
    for (const text of errors) expect(text).not.toMatch(/\{|undefined/);
    expect(errors.filter((text) => text.includes('Agora'))).toHaveLength(6);
  });

  it('Russian keeps the provider’s name in the nominative, in quotes', () => {
    expect(describeCallError(translator(callMessages, 'ru-RU'), 'livekit', { kind: 'unreachable' })).toBe(
      'Сервис «LiveKit» недоступен. Интервью по-прежнему записывается.',
    );
  });
});
