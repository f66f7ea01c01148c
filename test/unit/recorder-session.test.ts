import { describe, expect, it, vi } from 'vitest';
import type { RecorderMedia } from '../../src/renderer/features/recorder/recorder-media';
import { startRecorderSession } from '../../src/renderer/features/recorder/recorder-session';
import type { SessionApi } from '../../src/renderer/features/recorder/session-options';
import { IpcError, type IpcErrorCode } from '../../src/shared/ipc/errors';

/** A camera or microphone track: the session listens for 'ended'. */
class FakeTrack extends EventTarget {
  constructor(readonly kind: 'video' | 'audio') {
    super();
  }
  end(): void {
    this.dispatchEvent(new Event('ended'));
  }
}

/** MediaRecorder's contract as the session uses it: events come later, the last chunk comes out before 'stop'. */
class FakeRecorder extends EventTarget {
  state: RecordingState = 'inactive';
  timeslice?: number;
  constructor(readonly options: MediaRecorderOptions) {
    super();
  }
  start(timeslice: number): void {
    this.state = 'recording';
    this.timeslice = timeslice;
    queueMicrotask(() => this.dispatchEvent(new Event('start')));
  }
  emit(...bytes: number[]): void {
    this.dispatchEvent(Object.assign(new Event('dataavailable'), { data: new Blob([new Uint8Array(bytes)]) }));
  }
  /** `last`: the bytes still inside the recorder, handed over as it stops. */
  stop(last: number[] = [9]): void {
    this.state = 'inactive';
    queueMicrotask(() => {
      this.emit(...last);
      this.dispatchEvent(new Event('stop'));
    });
  }
  pause(): void {
    this.state = 'paused';
  }
  resume(): void {
    this.state = 'recording';
  }
  /** Chromium's recorder reports an error and then stops by itself. */
  fail(): void {
    this.dispatchEvent(new Event('error'));
    this.stop();
  }
}

const ipcError = (code: IpcErrorCode) => new IpcError({ code, message: `main says ${code}` });
const stream = (tracks: FakeTrack[]) =>
  ({
    getVideoTracks: () => tracks.filter((track) => track.kind === 'video'),
    getAudioTracks: () => tracks.filter((track) => track.kind === 'audio'),
  }) as unknown as MediaStream;

/** A main process that keeps every chunk (unless told otherwise) and logs the calls in the order they came. */
function fakeMain() {
  const calls: string[] = [];
  const events: Array<{ kind: string; data?: Record<string, unknown> }> = [];
  let segments = 0;
  const answers = { append: [] as Array<Error | 'critical'>, stop: null as Error | null };
  const durations: number[] = [];
  const api: SessionApi = {
    startRecording: async ({ mimeType }) => (calls.push(`start ${mimeType}`), { recordingId: 'rec-1', segment: 0 }),
    // A paused recording with two segments holding 42 s: it goes on in segment 2.
    resumeRecording: async ({ recordingId }) => (calls.push(`resume ${recordingId}`), { recordingId, segment: 2, recordedMs: 42_000 }),
    suspendRecording: async ({ recordingId }) => (calls.push(`suspend ${recordingId}`), { state: 'paused' }),
    appendChunk: async ({ segment, index, bytes }) => {
      calls.push(`chunk ${segment}/${index} [${[...bytes]}]`);
      const answer = answers.append.shift();
      if (answer instanceof Error) throw answer;
      return { index, offset: 0, size: bytes.byteLength, freeBytes: 1e9, critical: answer === 'critical' };
    },
    startSegment: async ({ reason }) => (calls.push(`segment ${reason}`), { segment: ++segments }),
    stopRecording: async ({ reason, durationMs }) => {
      calls.push(`stop ${reason}`);
      expect(durationMs).toBeGreaterThanOrEqual(0);
      durations.push(durationMs);
      if (answers.stop) throw answers.stop;
      return { state: 'stopped' };
    },
    recordEvent: async ({ kind, data }) => (events.push({ kind, data }), null),
  };
  return { api, calls, events, answers, durations };
}

/** The browser media, faked: the tests drive the recorders and the device tracks. */
function fakeMedia(supported = (type: string) => type.startsWith('video/webm')) {
  const recorders: FakeRecorder[] = [];
  const closed = { compositor: false, mixer: false, watching: true };
  const media: RecorderMedia = {
    isTypeSupported: supported,
    createRecorder: (_stream, options) => {
      recorders.push(new FakeRecorder(options));
      return recorders.at(-1) as unknown as MediaRecorder;
    },
    createStream: (tracks) => ({ tracks }) as unknown as MediaStream,
    createCompositor: async () => ({
      track: new FakeTrack('video') as unknown as MediaStreamTrack,
      stop: () => (closed.compositor = true),
    }),
    createAudioMixer: async () => ({
      track: new FakeTrack('audio') as unknown as MediaStreamTrack,
      play: async () => ({ durationMs: 0 }),
      close: async () => void (closed.mixer = true),
    }),
    watchSignals: () => () => (closed.watching = false),
  };
  return { media, recorders, closed, current: () => recorders.at(-1)! };
}

async function start(
  options: {
    tracks?: FakeTrack[];
    supported?: (type: string) => boolean;
    resume?: { recordingId: string };
    main?: ReturnType<typeof fakeMain>;
  } = {},
) {
  const camera = new FakeTrack('video');
  const microphone = new FakeTrack('audio');
  const tracks = options.tracks ?? [camera, microphone];
  const main = options.main ?? fakeMain();
  const fake = fakeMedia(options.supported);
  const fatal: string[] = [];
  const statuses: Array<{ chunks: number; bytes: number; backlog: number; paused: boolean }> = [];
  const session = await startRecorderSession({
    api: main.api,
    interviewId: 'int-1',
    camera: stream(tracks.filter((track) => track.kind === 'video')),
    microphone: stream(tracks.filter((track) => track.kind === 'audio')),
    videoBitsPerSecond: 2_500_000,
    audioBitsPerSecond: 128_000,
    onFatal: (reason) => fatal.push(reason),
    onStatus: (status) => statuses.push(status),
    media: fake.media,
    resume: options.resume,
  });
  await Promise.resolve(); // the recorder's 'start' event
  return { session, main, fake, fatal, statuses, camera, microphone };
}

describe('recorder session: start, chunks, stop', () => {
  it('records to segment 0 and, on stop, sends the last chunk before telling main the recording stopped', async () => {
    const { session, main, fake, fatal, statuses } = await start();
    const recorder = fake.current();
    expect(session.mimeType).toMatch(/^video\/webm/);
    expect(recorder.options).toMatchObject({ mimeType: session.mimeType, videoBitsPerSecond: 2_500_000, audioBitsPerSecond: 128_000 });
    expect(recorder.timeslice).toBe(1000);
    recorder.emit(1);
    recorder.emit(2, 2);
    await session.stop('finished');

    expect(main.calls).toEqual([`start ${session.mimeType}`, 'chunk 0/0 [1]', 'chunk 0/1 [2,2]', 'chunk 0/2 [9]', 'stop finished']);
    expect(session.totals()).toMatchObject({ chunks: 3, bytes: 4 });
    expect(statuses.at(-1)).toMatchObject({ chunks: 3, bytes: 4, backlog: 0 });
    expect(recorder.state).toBe('inactive');
    expect(fake.closed).toEqual({ compositor: true, mixer: true, watching: false });
    expect(fatal).toEqual([]);
  });

  it('stops only once, whoever asks', async () => {
    const { session, main, camera } = await start();
    await Promise.all([session.stop('finished'), session.stop('cancelled')]);
    camera.end();
    await new Promise((resolve) => setImmediate(resolve));
    expect(main.calls.filter((call) => call.startsWith('stop'))).toEqual(['stop finished']);
  });

  it('a stop that main has already made (CONFLICT) is done; any other refusal reaches the caller', async () => {
    const stopped = await start();
    stopped.main.answers.stop = ipcError('CONFLICT');
    await expect(stopped.session.stop('finished')).resolves.toBeUndefined();

    const refused = await start();
    refused.main.answers.stop = ipcError('UNAVAILABLE');
    await expect(refused.session.stop('finished')).rejects.toThrow('main says UNAVAILABLE');
  });

  it('refuses to start without a recordable format or a camera, before a recording exists', async () => {
    await expect(start({ supported: () => false })).rejects.toThrow(/no supported recording format/);
    await expect(start({ tracks: [new FakeTrack('audio')] })).rejects.toThrow('No camera track to record.');
  });

  it('a retake keeps the take, then records a new container from index 0 in the next segment', async () => {
    const { session, main, fake } = await start();
    const first = fake.current();
    first.emit(1);
    await session.newSegment();
    const second = fake.current();
    expect(second).not.toBe(first);
    expect(first.state).toBe('inactive');
    await Promise.resolve();
    second.emit(5);
    await session.stop('finished');

    expect(main.calls.slice(1)).toEqual([
      'chunk 0/0 [1]',
      'chunk 0/1 [9]',
      'segment retake',
      'chunk 1/0 [5]',
      'chunk 1/1 [9]',
      'stop finished',
    ]);
  });

  it('pauses the recorder while chunks wait for main and resumes it when they are kept', async () => {
    const { session, main, fake } = await start();
    let release!: () => void;
    const mainBusy = new Promise<void>((resolve) => (release = resolve));
    const keep = main.api.appendChunk;
    main.api.appendChunk = async (request) => (await mainBusy, keep(request));
    const recorder = fake.current();
    for (let i = 1; i <= 9; i++) recorder.emit(i);
    await vi.waitFor(() => expect(recorder.state).toBe('paused'));
    release();
    await vi.waitFor(() => expect(recorder.state).toBe('recording'));
    await session.stop('finished');
    expect(main.events.filter((event) => event.kind === 'recorder.backpressure').map((event) => event.data?.paused)).toEqual([true, false]);
    expect(main.calls.filter((call) => call.startsWith('chunk'))).toHaveLength(10);
  });
});

describe('recorder session: stopping by itself', () => {
  it.each([
    ['camera', 'video'],
    ['microphone', 'audio'],
  ] as const)('a lost %s stops the recording as device-lost and says which device', async (name, kind) => {
    const { main, fake, fatal, camera, microphone } = await start();
    fake.current().emit(1);
    (kind === 'video' ? camera : microphone).end();
    await vi.waitFor(() => expect(fatal).toHaveLength(1));

    expect(fatal[0]).toBe(`The ${name} stopped; the recording so far is saved.`);
    expect(main.calls.slice(1)).toEqual(['chunk 0/0 [1]', 'chunk 0/1 [9]', 'stop device-lost']);
  });

  it('a chunk refused for a full disk stops as disk-low, also when main has already stopped the recording', async () => {
    const { main, fake, fatal } = await start();
    main.answers.append.push(ipcError('DISK_FULL'));
    main.answers.stop = ipcError('CONFLICT');
    fake.current().emit(1);
    await vi.waitFor(() => expect(fatal).toHaveLength(1));

    expect(fatal[0]).toBe('main says DISK_FULL');
    expect(main.calls.slice(1)).toEqual(['chunk 0/0 [1]', 'stop disk-low']);
    expect(fake.closed.compositor).toBe(true);
  });

  it('a disk near full (a critical acknowledgement) marks it and stops as disk-low', async () => {
    const { main, fake, fatal } = await start();
    main.answers.append.push('critical');
    fake.current().emit(1);
    await vi.waitFor(() => expect(fatal).toHaveLength(1));

    expect(fatal[0]).toMatch(/disk is almost full/);
    expect(main.events.map((event) => event.kind)).toContain('disk.critical');
    expect(main.calls.slice(1)).toEqual(['chunk 0/0 [1]', 'chunk 0/1 [9]', 'stop disk-low']);
  });

  it('a chunk main refuses for another reason stops as error, with main’s words', async () => {
    const { main, fake, fatal } = await start();
    main.answers.append.push(ipcError('INVALID_PAYLOAD'));
    fake.current().emit(1);
    await vi.waitFor(() => expect(fatal).toHaveLength(1));

    expect(fatal[0]).toBe('main says INVALID_PAYLOAD');
    expect(main.calls.at(-1)).toBe('stop error');
  });

  it('a recorder error is marked; its chunks are kept and the session still stops cleanly', async () => {
    const { session, main, fake, fatal } = await start();
    const recorder = fake.current();
    recorder.emit(1);
    recorder.fail();
    await vi.waitFor(() => expect(main.events.map((event) => event.kind)).toContain('recorder.error'));
    await session.stop('finished');

    expect(main.calls.slice(1)).toEqual(['chunk 0/0 [1]', 'chunk 0/1 [9]', 'stop finished']);
    expect(fatal).toEqual([]);
  });
});

describe('recorder session: continuing a paused recording', () => {
  it('records into the segment main opened, its clock going on from what the earlier parts hold', async () => {
    const { session, main, fake } = await start({ resume: { recordingId: 'rec-paused' } });
    expect(session.recordingId).toBe('rec-paused');
    expect(session.recordedMs()).toBeGreaterThanOrEqual(42_000);
    expect(session.elapsedMs()).toBeGreaterThanOrEqual(42_000);
    fake.current().emit(1);
    session.mark('question.start', { index: 1 });
    await session.stop('finished');

    expect(main.calls).toEqual(['resume rec-paused', 'chunk 2/0 [1]', 'chunk 2/1 [9]', 'stop finished']);
    // Markers land after the earlier parts in the joined file, and the stop reports the whole length.
    expect(main.events.find((event) => event.kind === 'question.start')!.data!.mediaMs).toBeGreaterThanOrEqual(42_000);
    expect(main.durations[0]).toBeGreaterThanOrEqual(42_000);
  });

  it('pauses the recording again when its sources cannot open, so it can still be continued', async () => {
    const main = fakeMain();
    await expect(start({ main, resume: { recordingId: 'rec-paused' }, tracks: [new FakeTrack('audio')] })).rejects.toThrow(
      'No camera track to record.',
    );
    expect(main.calls).toEqual(['resume rec-paused', 'suspend rec-paused']);
  });
});
