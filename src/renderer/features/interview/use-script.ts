import { useCallback } from 'react';
import { api } from '../../api';
import { useAsync } from '../../hooks/use-async';

export type ScriptInfo = Extract<Awaited<ReturnType<typeof api.getInterviewScript>>, { ok: true }>;

export function useInterviewScript() {
  return useAsync(useCallback(() => api.getInterviewScript(), []));
}

/** Bytes per second the recording writes (video + audio), for disk estimates. */
export const bytesPerSecond = (info: ScriptInfo) => (info.videoBitsPerSecond + info.audioBitsPerSecond) / 8;

/** Disk space the interview may need at most: its longest recording, and once more while the video file is made. */
export const spaceNeeded = (info: ScriptInfo) => bytesPerSecond(info) * info.maxSeconds * 2;
