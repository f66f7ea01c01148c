import { createAgoraRecorder } from './agora-recorder';
import type { RecorderDeps, Recorders } from './cloud-recorder';
import { createLivekitRecorder } from './livekit-recorder';

/** The registry of call recorders: a new provider is one file and one line here. */
export function createRecorders(deps: RecorderDeps): Recorders {
  return { agora: createAgoraRecorder(deps), livekit: createLivekitRecorder(deps) };
}
