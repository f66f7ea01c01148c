import type { AudioMixer } from './audio-mixer';
import type { Compositor } from './compositor';
import type { RecorderMedia } from './recorder-media';

export interface SessionSources {
  compositor: Compositor;
  mixer: AudioMixer;
  /** The composed video and the mixed audio: what the recorder records. */
  stream: MediaStream;
  /** The camera and microphone tracks: losing one ends the recording. */
  deviceTracks: MediaStreamTrack[];
  close(): Promise<void>;
}

/**
 * Opens what a session records: the camera composed at 1280×720 with the overlay burned in, and the microphone
 * mixed with question audio. `startedAt` (epoch ms) starts the overlay's clock with the session; the compositor
 * reads it for every frame.
 */
export async function openSessionSources(
  media: RecorderMedia,
  devices: { camera: MediaStream; microphone: MediaStream },
  overlay: { interviewId: string; startedAt: number },
): Promise<SessionSources> {
  const cameraTrack = devices.camera.getVideoTracks()[0];
  if (!cameraTrack) throw new Error('No camera track to record.');
  const compositor = await media.createCompositor(cameraTrack, overlay);
  const mixer = await media.createAudioMixer(devices.microphone);
  return {
    compositor,
    mixer,
    stream: media.createStream([compositor.track, mixer.track]),
    deviceTracks: [cameraTrack, ...devices.microphone.getAudioTracks()],
    close: async () => {
      compositor.stop();
      await mixer.close();
    },
  };
}
