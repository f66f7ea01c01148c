import type { Database } from 'better-sqlite3';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FinalizeProgress, RecordingDetail } from '../../../shared/domain/recording';
import { fsyncDirectory, fsyncFile } from '../../platform/durable-fs';
import { makeFilePrivate, PRIVATE_FILE_MODE } from '../../platform/private-fs';
import { listEvents } from '../catalog/queries/events';
import type { FfmpegTools } from '../media/locate-ffmpeg';
import { runMediaTool } from '../media/media-tool-runner';
import { probeMedia } from '../media/probe';
import { concatList, containerFor, ffmetadata, remuxArgs, reorderArgs, type Container, type RemuxPlan } from '../media/remux-args';
import { chaptersFromMarkers } from './chapters';
import type { SourceMedia } from './source-media';

/** The share of the progress bar the remux takes; verifying takes the rest. */
export const REMUX_SHARE = 0.9;

export interface RemuxJob {
  db: Database;
  tools: FfmpegTools;
  recording: RecordingDetail;
  sources: SourceMedia[];
  dir: string;
  /** The media the sources hold, for progress and the last chapter's end. */
  totalMs: number;
}

export interface RemuxContext {
  signal?: AbortSignal;
  /** Files to remove whatever happens (lists, chapters, partial outputs). */
  temporary: string[];
  /** Final files written so far, removed if a later step fails. */
  written: string[];
  report: (stage: FinalizeProgress['stage'], fraction: number) => void;
}

export interface Output {
  file: string;
  container: Container;
  /** The sources this file was made from: what it must hold. */
  sources: SourceMedia[];
  /** All segments in this one file; else the codec is checked per file, not against the recorder's type. */
  joined: boolean;
}

interface OutputGroup {
  sources: SourceMedia[];
  container: Container;
  /** Each source's stream types in file order, when they must be put in the first one's order before joining. */
  orders?: string[][];
}

/**
 * Each segment's streams, as a signature: equal signatures can be joined by the concat demuxer, no re-encode. The
 * key ignores the streams' order (a recorder adds its tracks as their first frames come); `order` keeps it.
 */
async function streamSignatures(ffprobe: string, sources: readonly SourceMedia[], signal?: AbortSignal) {
  const signatures: Array<{ video: string; key: string; order: string[] }> = [];
  for (const { segment } of sources) {
    const streams = (await probeMedia(ffprobe, segment.filePath, signal)).streams;
    const video = streams.find((stream) => stream.type === 'video')?.codec ?? 'none';
    const described = streams.map(({ type, codec, width, height }) => JSON.stringify([type, codec, width, height]));
    signatures.push({ video, key: described.sort().join(), order: streams.map((stream) => stream.type) });
  }
  return signatures;
}

/** All segments into one file when their streams match; otherwise one file each, in the container its codec needs. */
async function outputGroups(job: RemuxJob, signal?: AbortSignal): Promise<OutputGroup[]> {
  const container = containerFor(job.sources[0]!.segment.mimeType);
  if (job.sources.length === 1) return [{ sources: job.sources, container }];
  const signatures = await streamSignatures(job.tools.ffprobe, job.sources, signal);
  if (signatures.every((s) => s.key === signatures[0]!.key)) {
    const sameOrder = signatures.every((s) => s.order.join() === signatures[0]!.order.join());
    return [{ sources: job.sources, container, orders: sameOrder ? undefined : signatures.map((s) => s.order) }];
  }
  return job.sources.map((source, i) => ({ sources: [source], container: containerFor(signatures[i]!.video) }));
}

/**
 * Turns the readable segment files into the recording's output file(s) by stream copy: written under a
 * temporary name, flushed, renamed, the folder flushed. Question markers become chapters when there is one file.
 */
export async function remuxOutputs(job: RemuxJob, ctx: RemuxContext): Promise<Output[]> {
  const groups = await outputGroups(job, ctx.signal);
  const { recording } = job;
  const metadata = { title: recording.interviewTitle, comment: `Interview Recorder ${recording.id}`, creation_time: recording.startedAt };
  const outputs: Output[] = [];
  let doneMs = 0;
  for (const [part, { sources, container }] of groups.entries()) {
    const name = groups.length === 1 ? recording.id : `${recording.id}-part${part + 1}`;
    const output = path.join(job.dir, `${name}.${container}`);
    const partial = path.join(job.dir, `.${name}.partial.${container}`);
    ctx.temporary.push(partial);
    const input = await inputFor(job, { sources, container, orders: groups[part]!.orders }, part, ctx);
    // Chapters need one timeline: only a recording that becomes a single file gets them.
    const chaptersFile = groups.length === 1 ? await writeChapters(job, ctx.temporary) : undefined;
    const plan: RemuxPlan = { input, chaptersFile, output: partial, container, metadata };
    let partMs = 0; // ffmpeg's last report is the end of this part: where the next part's progress starts
    await runMediaTool(job.tools.ffmpeg, remuxArgs(plan), {
      signal: ctx.signal,
      onMediaTime: (ms) => {
        partMs = ms;
        if (job.totalMs > 0) ctx.report('remuxing', ((doneMs + ms) / job.totalMs) * REMUX_SHARE);
      },
    });
    doneMs += partMs;
    await makeFilePrivate(partial); // ffmpeg created it with the umask's mode
    await fsyncFile(partial);
    await fs.rename(partial, output);
    ctx.written.push(output);
    outputs.push({ file: output, container, sources, joined: groups.length === 1 });
  }
  await fsyncDirectory(job.dir);
  return outputs;
}

async function inputFor(job: RemuxJob, group: OutputGroup, part: number, ctx: RemuxContext): Promise<RemuxPlan['input']> {
  if (group.sources.length === 1) return { kind: 'file', path: group.sources[0]!.segment.filePath };
  const files: string[] = [];
  for (const [i, { segment }] of group.sources.entries()) files.push(await inFirstOrder(job, group, i, segment, ctx));
  const listFile = path.join(job.dir, `.concat-${part}.txt`);
  ctx.temporary.push(listFile);
  await fs.writeFile(listFile, concatList(files), { mode: PRIVATE_FILE_MODE });
  return { kind: 'concat', listFile };
}

/** The segment's file, or a temporary copy of it with its streams in the first segment's order. */
async function inFirstOrder(job: RemuxJob, group: OutputGroup, i: number, segment: { seq: number; filePath: string }, ctx: RemuxContext) {
  const order = group.orders?.[i];
  const first = group.orders?.[0];
  if (!order || !first || order.join() === first.join()) return segment.filePath;
  const copy = path.join(job.dir, `.reordered-${segment.seq}.mkv`);
  ctx.temporary.push(copy);
  await runMediaTool(job.tools.ffmpeg, reorderArgs(segment.filePath, copy, first), { signal: ctx.signal });
  await makeFilePrivate(copy);
  return copy;
}

async function writeChapters(job: RemuxJob, temporary: string[]): Promise<string | undefined> {
  const chapters = chaptersFromMarkers(listEvents(job.db, job.recording.id), job.totalMs);
  if (chapters.length === 0) return undefined;
  const file = path.join(job.dir, '.chapters.ffmeta');
  temporary.push(file);
  await fs.writeFile(file, ffmetadata(chapters), { mode: PRIVATE_FILE_MODE });
  return file;
}
