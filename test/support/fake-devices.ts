import path from 'node:path';
import { runMediaTool } from './media-analysis';

export const CAMERA_FPS = 30;
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
  await runMediaTool('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=640x480:rate=${CAMERA_FPS}`,
    '-t',
    '2',
    '-pix_fmt',
    'yuv420p',
    camera,
  ]);
  await runMediaTool('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${MIC_HZ}:sample_rate=48000`,
    '-t',
    '10',
    '-ac',
    '1',
    microphone,
  ]);
  await runMediaTool('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${QUESTION_HZ}:sample_rate=48000`,
    '-t',
    '1.2',
    '-ac',
    '1',
    question,
  ]);
  return { camera, microphone, question };
}

/** Chromium flags feeding those files as the camera and microphone. */
export const fakeDeviceArgs = (media: { camera: string; microphone: string }) => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${media.camera}`,
  `--use-file-for-fake-audio-capture=${media.microphone}`,
  '--autoplay-policy=no-user-gesture-required',
];
