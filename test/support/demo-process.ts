// `npm run demo` as a user runs it, for the demo's e2e tests: a process group (so every process it starts ends with
// the test), its stdout and stderr collected, and camera and microphone files of the test's own.
import path from 'node:path';
import { projectRoot } from './built';
import { generateMedia } from './fake-devices';
import { spawnGroup } from './process-group';

/** Neither the generated default microphone (440 Hz) nor the question tone (1500 Hz): proves --fake-audio is used. */
export const MIC_HZ = 660;

/** A solid blue camera (the default is a moving test pattern) and a 660 Hz microphone. */
export async function ownDevices(dir: string): Promise<{ video: string; audio: string }> {
  const video = path.join(dir, 'blue.y4m');
  const audio = path.join(dir, 'tone.wav');
  await generateMedia('color=c=blue:size=640x480:rate=30', 2, video, ['-pix_fmt', 'yuv420p']);
  await generateMedia(`sine=frequency=${MIC_HZ}:sample_rate=48000`, 10, audio, ['-ac', '1']);
  return { video, audio };
}

export function runDemo(args: string[], env: NodeJS.ProcessEnv) {
  const group = spawnGroup(process.execPath, ['--import', 'tsx', 'tools/demo.ts', ...args], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  group.child.stdout!.on('data', (data: Buffer) => (stdout += data.toString()));
  group.child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  return { group, done: group.exited.then(({ code }) => ({ code, stdout, stderr })) };
}

export const isBlue = (r: number, g: number, b: number) => b >= 150 && r <= 80 && g <= 80;
