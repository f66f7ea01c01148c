import type { AudioMixer } from '../../recorder/audio-mixer';
import { playAudio } from '../../recorder/play-audio';

export interface CallAudioMixer extends AudioMixer {
  /** The candidate's audio from now on, or none. */
  hearCandidate(stream: MediaStream | undefined): void;
}

/**
 * Both voices of the call mixed for the backup recording (Web Audio): the interviewer's microphone and the
 * candidate's audio received from the call. Nothing goes to the speakers: the desk plays the candidate itself.
 * The interviewer's own track is used as it is, so muting it in the call mutes it here too. Chromium delivers a
 * remote WebRTC track to Web Audio only while the stream also plays in a media element, as the desk's video does.
 */
export async function createCallAudioMixer(own: MediaStream): Promise<CallAudioMixer> {
  const context = new AudioContext({ latencyHint: 'interactive' });
  await context.resume();
  const destination = context.createMediaStreamDestination();
  if (own.getAudioTracks().length > 0) context.createMediaStreamSource(own).connect(destination);
  let candidate: MediaStreamAudioSourceNode | null = null;
  return {
    track: destination.stream.getAudioTracks()[0]!,
    hearCandidate(stream) {
      candidate?.disconnect();
      candidate = null;
      if (!stream || stream.getAudioTracks().length === 0 || context.state === 'closed') return;
      candidate = context.createMediaStreamSource(new MediaStream(stream.getAudioTracks()));
      candidate.connect(destination);
    },
    play: (audio) => playAudio(context, audio, [destination]),
    close: () => context.close(),
  };
}
