// Small real media files standing in for what Agora and LiveKit would have recorded, so that a URL the app opens
// actually plays. Made once per length with ffmpeg and cached in dataDir; without a working ffmpeg, a short text
// placeholder is used instead (the flows still work, only playback does not).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Recorded seconds → length of the sample: 1 or 2 whole seconds, enough to prove playback, cheap to make. */
export const sampleSeconds = (recordedSeconds: number): number => Math.max(1, Math.min(2, Math.round(recordedSeconds)));

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
      ...['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=15', '-f', 'lavfi', '-i', 'sine=frequency=440'],
      ...['-t', String(s), '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-shortest'],
    ]);
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
      await run(this.ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-y', ...args, temp], { timeout: 60_000 });
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
