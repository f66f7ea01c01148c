import { createAudioMixer } from './audio-mixer';
import { createCompositor } from './compositor';
import { watchProctoringSignals } from './proctoring';

/**
 * The browser media a recorder session is built from. The app uses the real ones; unit tests of the session's
 * logic pass fakes, since Node has no MediaRecorder, camera or Web Audio.
 */
export interface RecorderMedia {
  isTypeSupported(mimeType: string): boolean;
  createRecorder(stream: MediaStream, options: MediaRecorderOptions): MediaRecorder;
  createStream(tracks: MediaStreamTrack[]): MediaStream;
  createCompositor: typeof createCompositor;
  createAudioMixer: typeof createAudioMixer;
  watchSignals: typeof watchProctoringSignals;
}

export const browserMedia: RecorderMedia = {
  isTypeSupported: (mimeType) => MediaRecorder.isTypeSupported(mimeType),
  createRecorder: (stream, options) => new MediaRecorder(stream, options),
  createStream: (tracks) => new MediaStream(tracks),
  createCompositor,
  createAudioMixer,
  watchSignals: watchProctoringSignals,
};
