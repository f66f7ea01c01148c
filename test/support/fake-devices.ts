import path from 'node:path';
import { runMediaTool } from './media-analysis';

export const CAMERA_FPS = 30;
/**
 * Below this frame rate a recording of the fake camera has a broken compositor (stalled, or driven by a timer or
 * requestAnimationFrame), however busy the machine; how many frames a busy machine costs is the benchmarks' figure.
 */
export const BROKEN_FPS = 0.6 * CAMERA_FPS;
export const MIC_HZ = 440;
export const QUESTION_HZ = 1500;

/**
 * Files for Chromium's fake devices and the questions: a 640×480 test pattern at 30 fps (so the app must
 * letterbox it into 1280×720), a microphone tone, and a question tone the recording must also contain.
 */
export async function makeFakeMedia(dir: string) {
  const camera = path.join(dir, 'camera.y4m');
  const microphone = path.join(dir, 'microphone.wav');
  const question = path.join(dir, 'question.wav');
  await generateMedia(`testsrc2=size=640x480:rate=${CAMERA_FPS}`, 2, camera, ['-pix_fmt', 'yuv420p']);
  await generateMedia(`sine=frequency=${MIC_HZ}:sample_rate=48000`, 10, microphone, ['-ac', '1']);
  await generateMedia(`sine=frequency=${QUESTION_HZ}:sample_rate=48000`, 1.2, question, ['-ac', '1']);
  return { camera, microphone, question };
}

/** `seconds` of an ffmpeg lavfi source written to `file`. */
export function generateMedia(source: string, seconds: number, file: string, options: string[]) {
  return runMediaTool('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-t', String(seconds), ...options, file]);
}

/** Chromium flags feeding those files as the camera and microphone. */
export const fakeDeviceArgs = (media: { camera: string; microphone: string }) => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${media.camera}`,
  `--use-file-for-fake-audio-capture=${media.microphone}`,
  '--autoplay-policy=no-user-gesture-required',
];
