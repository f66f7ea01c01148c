import { routeToSpeaker } from '../devices/speaker-output';
import { playAudio } from './play-audio';

export interface AudioMixer {
  /** Microphone plus question audio: the recorded audio track. */
  track: MediaStreamTrack;
  /** Plays question audio into the recording and the speakers; resolves when it has finished. */
  play(audio: Uint8Array): Promise<{ durationMs: number }>;
  close(): Promise<void>;
}

/**
 * Web Audio graph: mic → recording (never the speakers: no feedback); question audio → recording and
 * speakers. The question's voice is therefore really in the recorded file.
 */
export async function createAudioMixer(microphone: MediaStream): Promise<AudioMixer> {
  const context = new AudioContext({ latencyHint: 'interactive' });
  await routeToSpeaker(context); // the questions play on the speakers chosen in the device check
  await context.resume();
  const destination = context.createMediaStreamDestination();
  context.createMediaStreamSource(microphone).connect(destination);
  return {
    track: destination.stream.getAudioTracks()[0]!,
    play: (audio) => playAudio(context, audio, [destination, context.destination]),
    close: () => context.close(),
  };
}
