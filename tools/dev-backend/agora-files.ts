// What Agora's recorder would have uploaded at stop: an HLS playlist and an MP4 of the mixed channel, at the
// documented `recordings/YYYY-MM-DD/<channel>.<ext>` keys (so, as with the real backend, two recordings of one
// channel on one day share their keys and the later one wins).
import type { DevContext } from './context';
import { sampleSeconds } from './sample-media';
import type { AgoraFile, AgoraRecording } from './state-store';

/** A VOD playlist naming the MP4 as its single segment: enough for tooling that reads playlists, not real HLS. */
function playlist(mp4Name: string, seconds: number): string {
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${seconds}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${seconds.toFixed(3)},`,
    encodeURIComponent(mp4Name),
    '#EXT-X-ENDLIST',
    '',
  ].join('\n');
}

/** Makes and uploads both files; returns them as the database's file_list stores them (with s3_url). */
export async function storeAgoraFiles(ctx: DevContext, row: AgoraRecording, recordedSeconds: number): Promise<AgoraFile[]> {
  const day = row.started_at.slice(0, 10);
  const base = `recordings/${day}/${row.channel_name}`;
  const mp4Name = `${row.channel_name}.mp4`;
  const video = await ctx.samples.video(recordedSeconds);
  const mp4Url = await ctx.objects.put(`${base}.mp4`, video, 'video/mp4');
  const m3u8Url = await ctx.objects.put(`${base}.m3u8`, playlist(mp4Name, sampleSeconds(recordedSeconds)), 'application/vnd.apple.mpegurl');
  const describe = (filename: string, s3_url: string): AgoraFile => ({
    filename,
    s3_url,
    trackType: 'audio_and_video',
    uid: row.uid,
    mixedAllUser: true,
    isPlayable: true,
    sliceStartTime: row.slice_start_time,
  });
  return [describe(`${base}.m3u8`, m3u8Url), describe(`${base}.mp4`, mp4Url)];
}
