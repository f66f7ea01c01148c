import path from 'node:path';
import { serveBrowserBundle, type ServedBundle } from '../test/support/browser-bundle';
import { projectRoot } from '../test/support/built';
import { devCallTokens, openCallParticipant, participantMedia, type CallParticipant } from '../test/support/call-participant';
import { CAMERA_FPS } from '../test/support/fake-devices';
import { joinCall, joinToFirstFrame, leaveCall, type CallJoin } from './call-page-driver';
import type { DevRelay } from './dev-relay';

const ROOM = 'bench-join';
const JOIN_TIMEOUT_MS = 15_000;

/** The call test page (the real development-call provider), bundled and served on loopback. */
export const serveCallPage = (): Promise<ServedBundle> => serveBrowserBundle(path.join(projectRoot, 'test/support/dev-call-page.ts'));

/**
 * Two participants through the relay, each its own Chromium with its own fake camera: A joins and publishes; B
 * joins, waits for A's first decoded frame and leaves, `joins` times after one untimed warm-up (which also opens
 * B's camera, already open in a real interview). Answers the timed joins in milliseconds, in order.
 */
export async function timeJoins(relay: DevRelay, pageUrl: string, dir: string, joins: number): Promise<number[]> {
  const tokens = devCallTokens(relay.callTokenUrl);
  const request = (participantId: string): CallJoin => ({ serverUrl: relay.url, room: ROOM, participantId, timeoutMs: JOIN_TIMEOUT_MS });
  const participants: CallParticipant[] = [];
  try {
    const aMedia = await participantMedia(dir, 'join-a', `testsrc2=size=640x480:rate=${CAMERA_FPS}`, 440);
    const bMedia = await participantMedia(dir, 'join-b', `color=c=green:size=640x480:rate=${CAMERA_FPS}`, 1200);
    const a = await openCallParticipant(pageUrl, aMedia, tokens);
    participants.push(a);
    const b = await openCallParticipant(pageUrl, bMedia, tokens);
    participants.push(b);
    await joinCall(a.page, request('a'));
    const times: number[] = [];
    for (let attempt = 0; attempt <= joins; attempt++) {
      const ms = await joinToFirstFrame(b.page, request('b'), 'a');
      await leaveCall(b.page);
      if (attempt > 0) times.push(ms);
    }
    return times;
  } finally {
    await Promise.all(participants.map((p) => p.browser.close()));
  }
}
