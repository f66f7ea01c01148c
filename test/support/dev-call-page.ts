// The script of a test page (bundled by browser-bundle.ts) that takes part in a call through the development call
// server with the real provider (src/renderer/features/call/providers/dev-call.ts) and the page's fake camera and
// microphone. The test drives it through `window.callPage` and hands it tokens through `window.irecToken`, a
// function Playwright exposes (as the app's main process would fetch them).
import type { CallError, CallEvent, CallStats, CallToken, InterviewCall } from '../../src/renderer/features/call/interview-call';
import { createDevCall } from '../../src/renderer/features/call/providers/dev-call';

export interface JoinRequest {
  serverUrl: string;
  room: string;
  participantId: string;
  timeoutMs: number;
}

export type JoinResult = { ok: true } | { ok: false; error: CallError };

/** Mean colour of a region of a participant's video, the region in fractions of the frame. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
  width: number;
  height: number;
}

export interface CallPage {
  join(request: JoinRequest): Promise<JoinResult>;
  state(): string;
  events(): CallEvent[];
  stats(): Promise<CallStats>;
  setMuted(kind: 'audio' | 'video', muted: boolean): Promise<void>;
  leave(): Promise<void>;
  /** Whether the camera and microphone tracks given to the call are still live (the recording's own tracks). */
  localTracksLive(): boolean;
  /** Shows a participant in a <video> of its own (once); later calls reuse it. */
  show(participantId: string): void;
  meanColour(participantId: string, region: { x: number; y: number; width: number; height: number }): Rgb | null;
  /** The participant's current video frame as a PNG data URL, or null before the first frame. */
  snapshot(participantId: string): string | null;
  /** Level (dB) of the participant's audio at each frequency, from a WebAudio analyser. */
  toneLevels(participantId: string, frequencies: readonly number[]): number[];
}

declare global {
  interface Window {
    callPage: CallPage;
    irecToken(channel: string, participantId: string): Promise<CallToken>;
  }
}

let call: InterviewCall | undefined;
let local: MediaStream | undefined;
const events: CallEvent[] = [];
const videos = new Map<string, HTMLVideoElement>();
const analysers = new Map<string, AnalyserNode>();
let audio: AudioContext | undefined;

/** Events as plain data: the test reads them through Playwright's serialisation. */
const record = (event: CallEvent) => events.push(JSON.parse(JSON.stringify(event)) as CallEvent);

function analyser(participantId: string): AnalyserNode | undefined {
  const video = videos.get(participantId);
  const stream = video?.srcObject as MediaStream | null;
  if (!stream?.getAudioTracks().length) return undefined;
  const key = `${participantId}:${stream.getAudioTracks()[0]!.id}`;
  if (!analysers.has(key)) {
    audio ??= new AudioContext();
    const node = audio.createAnalyser();
    node.fftSize = 4096;
    audio.createMediaStreamSource(stream).connect(node);
    analysers.set(key, node);
  }
  return analysers.get(key);
}

/** The participant's current frame drawn on a canvas of the video's size, or null before the first frame. */
function currentFrame(participantId: string): CanvasRenderingContext2D | null {
  const video = videos.get(participantId);
  if (!video || video.videoWidth === 0) return null;
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [video.videoWidth, video.videoHeight];
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0);
  return context;
}

window.callPage = {
  async join({ serverUrl, room, participantId, timeoutMs }) {
    local ??= await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    call = createDevCall({ provider: 'dev', channel: room, participantId, displayName: `Page ${participantId}`, serverUrl }, (join) =>
      window.irecToken(join.channel, join.participantId),
    );
    call.on(record);
    try {
      await call.connect({ tracks: local.getTracks(), timeoutMs });
      return { ok: true };
    } catch (error) {
      return { ok: false, error: (error as { error: CallError }).error };
    }
  },
  state: () => call?.state() ?? 'idle',
  events: () => events,
  stats: () => call!.stats(),
  setMuted: (kind, muted) => call!.setMuted(kind, muted),
  leave: () => call!.disconnect(),
  localTracksLive: () => !!local && local.getTracks().every((track) => track.readyState === 'live'),
  show(participantId) {
    if (videos.has(participantId)) return;
    const video = document.createElement('video');
    video.autoplay = true;
    document.body.append(video);
    videos.set(participantId, video);
    call!.attach(participantId, video);
  },
  meanColour(participantId, region) {
    const context = currentFrame(participantId);
    if (!context) return null;
    const { canvas } = context;
    const [x, y] = [Math.round(region.x * canvas.width), Math.round(region.y * canvas.height)];
    const [width, height] = [Math.round(region.width * canvas.width), Math.round(region.height * canvas.height)];
    const { data } = context.getImageData(x, y, width, height);
    const sum = { r: 0, g: 0, b: 0 };
    for (let i = 0; i < data.length; i += 4) [sum.r, sum.g, sum.b] = [sum.r + data[i]!, sum.g + data[i + 1]!, sum.b + data[i + 2]!];
    const pixels = data.length / 4;
    return { r: sum.r / pixels, g: sum.g / pixels, b: sum.b / pixels, width: canvas.width, height: canvas.height };
  },
  snapshot: (participantId) => currentFrame(participantId)?.canvas.toDataURL('image/png') ?? null,
  toneLevels(participantId, frequencies) {
    const node = analyser(participantId);
    if (!node) return frequencies.map(() => -Infinity);
    const bins = new Float32Array(node.frequencyBinCount);
    node.getFloatFrequencyData(bins);
    const binHz = node.context.sampleRate / node.fftSize;
    // The strongest of the three bins around each frequency: a tone can fall between two bins.
    return frequencies.map((hz) => {
      const at = Math.round(hz / binHz);
      return Math.max(bins[at - 1] ?? -Infinity, bins[at] ?? -Infinity, bins[at + 1] ?? -Infinity);
    });
  },
};
