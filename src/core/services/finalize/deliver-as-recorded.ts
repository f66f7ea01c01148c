import path from 'node:path';
import type { RecordingOutput } from '../../../shared/domain/recording';
import { sha256OfFile } from '../../platform/sha256';
import { MediaToolError } from '../media/media-tool-runner';
import type { SourceMedia } from './source-media';
import { checkTailDecodes, VerificationError } from './verify-output';

export interface RecordedOutputs {
  outputs: RecordingOutput[];
  /** Segments left out because they do not decode to their end. */
  undecodable: Array<{ source: SourceMedia; reason: string }>;
}

/**
 * When no single verified file can be made from readable chunks, the recording is still delivered: its segment
 * files as recorded (the stream the upload queue already sends while recording) become its outputs, each one
 * verified to decode to its end. Only segments that do not decode are left out.
 */
export async function recordedOutputs(ffprobe: string, sources: readonly SourceMedia[], signal?: AbortSignal): Promise<RecordedOutputs> {
  const result: RecordedOutputs = { outputs: [], undecodable: [] };
  for (const source of sources) {
    const { segment, span } = source;
    try {
      const endMs = Math.max(span.video?.endMs ?? 0, span.audio?.endMs ?? 0);
      await checkTailDecodes(ffprobe, segment.filePath, endMs, { audio: (span.audio?.packets ?? 0) > 0 }, signal);
    } catch (error) {
      const undecodable = error instanceof VerificationError || (error instanceof MediaToolError && error.kind === 'failed');
      if (!undecodable) throw error;
      result.undecodable.push({ source, reason: error.message });
      continue;
    }
    result.outputs.push({
      seq: result.outputs.length,
      filePath: segment.filePath,
      container: path.extname(segment.filePath).slice(1),
      durationMs: Math.round(span.durationMs),
      size: segment.bytes,
      sha256: await sha256OfFile(segment.filePath),
    });
  }
  return result;
}
