import { createRequire } from 'node:module';
import path from 'node:path';
import type { ToolReport } from '../../../shared/domain/doctor';
import { AppError } from '../../errors/app-error';
import { findOnPath, isExecutableFile, readVersionLine } from '../../platform/executables';

const require = createRequire(import.meta.url);

export type FfmpegTool = 'ffmpeg' | 'ffprobe';

export interface LocateOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Folder of binaries shipped outside the asar (`…/app.asar.unpacked/node_modules/ffmpeg-static`). */
  packagedDir?: string;
}

export const FFMPEG_MISSING_HINT =
  'Set FFMPEG_PATH and FFPROBE_PATH to the binaries, run `npm run fetch:ffmpeg`, or install ffmpeg (Debian: apt-get install ffmpeg; macOS: brew install ffmpeg).';

interface Candidate {
  source: string;
  file: string | null | undefined;
}

/**
 * Inside a packaged app, modules resolve to paths in `app.asar`, which no process can execute; electron-builder
 * unpacks the binaries beside it (`asarUnpack`), so the real file is in `app.asar.unpacked`.
 */
export const outsideAsar = (file: string) => file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');

/** The binary an npm package ships (ffmpeg-static for ffmpeg, @ffprobe-installer for ffprobe), if installed. */
function npmBinary(tool: FfmpegTool): string | null {
  try {
    const file =
      tool === 'ffmpeg' ? (require('ffmpeg-static') as string | null) : (require('@ffprobe-installer/ffprobe') as { path: string }).path;
    return file && outsideAsar(file);
  } catch {
    return null; // not installed, or no build for this platform
  }
}

/** Candidates in priority order: explicit env var → packaged with the app → npm package binary → PATH. */
function candidates(tool: FfmpegTool, { env = process.env, packagedDir }: LocateOptions): Candidate[] {
  const exe = process.platform === 'win32' ? `${tool}.exe` : tool;
  const envVar = tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
  return [
    { source: envVar, file: env[envVar] },
    { source: 'packaged', file: packagedDir && path.join(packagedDir, exe) },
    { source: tool === 'ffmpeg' ? 'ffmpeg-static' : '@ffprobe-installer', file: npmBinary(tool) },
    { source: 'PATH', file: findOnPath(tool, env) },
  ];
}

/** The one place that decides which ffmpeg/ffprobe the app runs, and reports why. */
export function locateFfmpegTool(tool: FfmpegTool, options: LocateOptions = {}): ToolReport {
  const rejected: string[] = [];
  for (const { source, file } of candidates(tool, options)) {
    if (!file) continue;
    if (!isExecutableFile(file)) {
      if (source.endsWith('_PATH')) rejected.push(`${source}=${file} is not an executable file`);
      continue;
    }
    const { version, error } = readVersionLine(file, ['-version']);
    if (version) return { found: true, path: file, source, version };
    rejected.push(`${file} (${source}) did not run: ${error}`);
  }
  return { found: false, error: [`${tool} not found.`, ...rejected, FFMPEG_MISSING_HINT].join(' ') };
}

export interface FfmpegTools {
  ffmpeg: string;
  ffprobe: string;
}

/** Both tools, or an error that says how to provide them (for callers that cannot work without). */
export function requireFfmpegTools(options: LocateOptions = {}): FfmpegTools {
  const ffmpeg = locateFfmpegTool('ffmpeg', options);
  const ffprobe = locateFfmpegTool('ffprobe', options);
  for (const tool of [ffmpeg, ffprobe]) if (!tool.path) throw mediaToolsMissing(tool.error ?? FFMPEG_MISSING_HINT);
  return { ffmpeg: ffmpeg.path!, ffprobe: ffprobe.path! };
}

/** No ffmpeg/ffprobe to run: `message` says how to install or point to one. */
const mediaToolsMissing = (message: string) => new AppError('UNAVAILABLE', message, { details: { reason: 'ffmpeg-missing' } });
