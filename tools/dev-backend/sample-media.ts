// Real media files standing in for what Agora and LiveKit would have recorded (as long as the recording, up to
// 10 minutes), so that a URL the app opens actually plays: MP4, HLS and MP3. Made once per length with ffmpeg and cached in dataDir; without a working ffmpeg, a short text
// placeholder is used instead (the flows still work, only playback does not).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The longest sample made: a real interview's length would cost minutes of encoding and hundreds of MB per length. */
export const MAX_SAMPLE_SECONDS = 600;

/** Recorded seconds → length of the sample: as long as what was recorded (whole seconds, at least 1), capped at 10 min. */
export const sampleSeconds = (recordedSeconds: number): number => Math.max(1, Math.min(MAX_SAMPLE_SECONDS, Math.round(recordedSeconds)));

/** HLS segments of this many seconds; the sample's keyframes fall on their boundaries. */
const HLS_SEGMENT_SECONDS = 2;
const FPS = 15;

/** An HLS rendition: the playlist names its segments `seg_00000.ts`…, relative to where it is put. */
export interface HlsSample {
  playlist: string;
  segments: Array<{ name: string; body: Buffer }>;
}

export class SampleMedia {
  private readonly dir: string;
  private readonly making = new Map<string, Promise<Buffer>>();
  private warned = false;

  constructor(
    dataDir: string,
    private readonly ffmpegPath: string,
  ) {
    this.dir = path.join(dataDir, 'samples');
  }

  /** A 320x180 test pattern with a tone, H.264/AAC in MP4 (what Agora's mixed recording would give). */
  video(seconds: number): Promise<Buffer> {
    const s = sampleSeconds(seconds);
    return this.cached(`video-${s}s.mp4`, [
      ...['-f', 'lavfi', '-i', `testsrc=size=320x180:rate=${FPS}`, '-f', 'lavfi', '-i', 'sine=frequency=440'],
      ...['-t', String(s), '-pix_fmt', 'yuv420p', '-preset', 'veryfast', '-g', String(FPS * HLS_SEGMENT_SECONDS)],
      ...['-c:a', 'aac', '-movflags', '+faststart', '-shortest'],
    ]);
  }

  /**
   * The same picture and tone as real HLS (ffmpeg's hls muxer, MPEG-TS segments of 2 s and a VOD playlist), cut
   * from the MP4 without re-encoding. Null when ffmpeg cannot make it (then only the MP4 is offered).
   */
  async hls(seconds: number): Promise<HlsSample | null> {
    const s = sampleSeconds(seconds);
    const dir = path.join(this.dir, `hls-${s}s`);
    const playlistFile = path.join(dir, 'index.m3u8');
    if (!fs.existsSync(playlistFile)) {
      const mp4 = path.join(this.dir, `video-${s}s.mp4`);
      await this.video(s);
      if (!fs.existsSync(mp4)) return null;
      const temp = `${dir}.${process.pid}.tmp`;
      fs.rmSync(temp, { recursive: true, force: true });
      fs.mkdirSync(temp, { recursive: true });
      try {
        await run(
          this.ffmpegPath,
          [
            ...['-hide_banner', '-loglevel', 'error', '-y', '-i', mp4, '-c', 'copy', '-f', 'hls'],
            ...['-hls_time', String(HLS_SEGMENT_SECONDS), '-hls_playlist_type', 'vod'],
            ...['-hls_segment_filename', path.join(temp, 'seg_%05d.ts'), path.join(temp, 'index.m3u8')],
          ],
          { timeout: 120_000 },
        );
        fs.rmSync(dir, { recursive: true, force: true });
        fs.renameSync(temp, dir);
      } catch (error) {
        fs.rmSync(temp, { recursive: true, force: true });
        console.warn(`dev-backend: ffmpeg could not make the HLS sample: ${(error as Error).message.split('\n')[0]}`);
        return null;
      }
    }
    const names = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .sort();
    return {
      playlist: fs.readFileSync(playlistFile, 'utf8'),
      segments: names.map((name) => ({ name, body: fs.readFileSync(path.join(dir, name)) })),
    };
  }

  /** A tone as MP3 (the LiveKit egress file format). */
  audio(seconds: number): Promise<Buffer> {
    const s = sampleSeconds(seconds);
    return this.cached(`audio-${s}s.mp3`, ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${s}`, '-c:a', 'libmp3lame', '-b:a', '64k']);
  }

  /** Duration in seconds by ffprobe (beside ffmpeg, else on PATH), or null when it cannot tell. */
  async duration(file: string): Promise<number | null> {
    const base = path.basename(this.ffmpegPath).replace(/ffmpeg/i, 'ffprobe');
    const ffprobe = this.ffmpegPath.includes(path.sep) ? path.join(path.dirname(this.ffmpegPath), base) : 'ffprobe';
    try {
      const { stdout } = await run(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], {
        timeout: 30_000,
      });
      const seconds = Number.parseFloat(stdout.trim());
      return Number.isFinite(seconds) ? Math.round(seconds * 1000) / 1000 : null;
    } catch {
      return null;
    }
  }

  private cached(name: string, args: string[]): Promise<Buffer> {
    // One ffmpeg run per file even when two stops ask for it at the same moment.
    let pending = this.making.get(name);
    if (!pending) {
      pending = this.make(name, args);
      this.making.set(name, pending);
      pending.catch(() => this.making.delete(name));
    }
    return pending;
  }

  private async make(name: string, args: string[]): Promise<Buffer> {
    const file = path.join(this.dir, name);
    if (fs.existsSync(file)) return fs.readFileSync(file);
    fs.mkdirSync(this.dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp${path.extname(name)}`;
    try {
      await run(this.ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-y', ...args, temp], { timeout: 300_000 });
      fs.renameSync(temp, file);
      return fs.readFileSync(file);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      if (!this.warned) {
        this.warned = true;
        console.warn(
          `dev-backend: ffmpeg (${this.ffmpegPath}) failed, using placeholder files: ${(error as Error).message.split('\n')[0]}`,
        );
      }
      // Not cached on disk: a later run with a working ffmpeg makes the real file.
      return Buffer.from(`dev-backend placeholder for ${name} (ffmpeg was not available)\n`);
    }
  }
}
