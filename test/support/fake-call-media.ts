// Stand-ins for the browser's media objects, for unit tests of the call providers under Node: tracks that clone
// and stop like MediaStreamTrack, a MediaStream that keeps its tracks, a <video> element and an RTCStatsReport.
import { expect, vi } from 'vitest';
import { CallFailure, type CallEvent, type InterviewCall } from '../../src/renderer/features/call/interview-call';

export interface FakeTrack {
  kind: 'audio' | 'video';
  id: string;
  enabled: boolean;
  readyState: 'live' | 'ended';
  /** The track this one was cloned from. */
  clonedFrom?: FakeTrack;
  clone(): FakeTrack;
  stop(): void;
}

let count = 0;

export function fakeTrack(kind: 'audio' | 'video', clonedFrom?: FakeTrack): FakeTrack {
  const track: FakeTrack = {
    kind,
    id: `${kind}-${++count}`,
    enabled: true,
    readyState: 'live',
    clonedFrom,
    clone: () => fakeTrack(kind, track),
    stop: () => void (track.readyState = 'ended'),
  };
  return track;
}

export const asTrack = (track: FakeTrack) => track as unknown as MediaStreamTrack;

/** A global MediaStream that remembers its tracks (remote-media.ts makes one per attached element). */
export function stubMediaStream(): void {
  vi.stubGlobal(
    'MediaStream',
    class {
      constructor(readonly tracks: unknown[]) {}
      getTracks = () => this.tracks;
    },
  );
}

export function fakeVideoElement() {
  const element = { srcObject: null as null | { tracks: unknown[] }, play: vi.fn(async () => undefined) };
  return { element, asElement: element as unknown as HTMLVideoElement };
}

/** An RTCStatsReport with the given entries (maplike: forEach is what the providers use). */
export function fakeStatsReport(entries: Array<Record<string, unknown>>): RTCStatsReport {
  const map = new Map(entries.map((entry, i) => [String(i), entry]));
  return map as unknown as RTCStatsReport;
}

/** Lets queued promise callbacks run (a provider handling an SDK event asynchronously). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Records a provider's events and gives it a fake camera and microphone to publish. */
export function observeCall(call: InterviewCall) {
  const events: CallEvent[] = [];
  call.on((event) => events.push(event));
  const camera = fakeTrack('video');
  const mic = fakeTrack('audio');
  return { events, camera, mic, options: { tracks: [asTrack(camera), asTrack(mic)], timeoutMs: 200 } };
}

/** The CallFailure `promise` rejects with; the test fails if it resolves or rejects with anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<CallFailure> {
  const error = await promise.then(
    () => expect.unreachable('expected a CallFailure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CallFailure);
  return error as CallFailure;
}

/** A test context whose call has joined, with the joining's events cleared: the start of every in-call test. */
export async function joined<T extends ReturnType<typeof observeCall> & { call: InterviewCall }>(context: T): Promise<T> {
  await context.call.connect(context.options);
  context.events.length = 0;
  return context;
}
