// What Agora's recorder would have uploaded at stop: an HLS playlist with its segments and an MP4 of the mixed channel, at the
// documented `recordings/YYYY-MM-DD/<channel>.<ext>` keys (so, as with the real backend, two recordings of one
// channel on one day share their keys and the later one wins).
import type { DevContext } from './context';
import type { AgoraFile, AgoraRecording } from './state-store';

/**
 * The HLS rendition beside the MP4: its segments as `<sid>_00000.ts`… (Agora names its slices by sid, so two
 * recordings of one channel on one day keep their own) and the playlist naming them relative to itself.
 */
async function storeHls(ctx: DevContext, base: string, sid: string, recordedSeconds: number): Promise<string | null> {
  const hls = await ctx.samples.hls(recordedSeconds);
  if (!hls) return null;
  const dir = base.slice(0, base.lastIndexOf('/') + 1);
  for (const segment of hls.segments) await ctx.objects.put(`${dir}${sid}_${segment.name}`, segment.body, 'video/mp2t');
  const playlist = hls.playlist.replace(/^seg_/gm, `${sid}_seg_`);
  return ctx.objects.put(`${base}.m3u8`, playlist, 'application/vnd.apple.mpegurl');
}

/** Makes and uploads both files; returns them as the database's file_list stores them (with s3_url). */
export async function storeAgoraFiles(ctx: DevContext, row: AgoraRecording, recordedSeconds: number): Promise<AgoraFile[]> {
  const day = row.started_at.slice(0, 10);
  const base = `recordings/${day}/${row.channel_name}`;
  const video = await ctx.samples.video(recordedSeconds);
  const mp4Url = await ctx.objects.put(`${base}.mp4`, video, 'video/mp4');
  const m3u8Url = await storeHls(ctx, base, row.sid, recordedSeconds);
  const describe = (filename: string, s3_url: string): AgoraFile => ({
    filename,
    s3_url,
    trackType: 'audio_and_video',
    uid: row.uid,
    mixedAllUser: true,
    isPlayable: true,
    sliceStartTime: row.slice_start_time,
  });
  return [...(m3u8Url ? [describe(`${base}.m3u8`, m3u8Url)] : []), describe(`${base}.mp4`, mp4Url)];
}
