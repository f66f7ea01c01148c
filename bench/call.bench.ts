import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { projectRoot } from '../test/support/built';
import { devCallTokens, openCallParticipant, participantMedia, type CallParticipant } from '../test/support/call-participant';
import { launchChromium } from '../test/support/chromium';
import { browserGroup, runAtLowestPriority } from '../test/support/process-priority';
import { CAMERA_FPS, fakeDeviceArgs, makeFakeMedia } from '../test/support/fake-devices';
import type { VideoProbe } from '../test/support/media-analysis';
import { recordInterview, writeOneQuestionScript } from './app-interview';
import { serveCallPage, timeJoins } from './call-join';
import { framesDecodedFrom, joinCall, participantJoined, showParticipant } from './call-page-driver';
import { startDevRelay, type DevRelay } from './dev-relay';
import { cpuMeter, groupPids, meterUntil } from './process-cpu';
import { droppedFrames, droppedPercent, fps, framesNote } from './recorded-frames';
import { sampleRendererMemory, type RendererMemory } from './renderer-memory';
import { percentile, type Figure } from './report';

const TIMED_JOINS = 5;
const ROOM = 'bench-call';
const JOIN_TIMEOUT_MS = 15_000;
/** How long the interviewer waits for the candidate (the app joins once the interview has started). */
const CANDIDATE_TIMEOUT_MS = 60_000;
const JOIN_MEDIAN_GOAL_MS = 1500;
const JOIN_WORST_GOAL_MS = 3000;
/** Two takes' dropped frames are each exact to a frame: a difference this small is no cost. */
const CALL_COST_TOLERANCE_FRAMES = 2;
/** Capture's goal for a 10-minute recording's renderer memory growth, per 10 minutes of the call. */
const MEMORY_TREND_GOAL_MB = 50;

/**
 * Frames counted by a counter that starts again from 0 when its connection does (a reconnect): the sum of its rises.
 */
const framesCounted = (readings: number[]) =>
  readings.reduce((sum, n, i) => sum + (i === 0 ? 0 : n >= readings[i - 1]! ? n - readings[i - 1]! : n), 0);

/**
 * The interviewer joins and watches the candidate until `finished`: the candidate's frames it decoded over that
 * time, read every 2 s (the candidate leaves the call as the interview finishes, and its statistics with it).
 */
async function watchCandidate(page: Page, relay: DevRelay, finished: Promise<unknown>) {
  await joinCall(page, { serverUrl: relay.url, room: ROOM, participantId: 'interviewer', timeoutMs: JOIN_TIMEOUT_MS });
  const candidate = await participantJoined(page, 'candidate', CANDIDATE_TIMEOUT_MS);
  await showParticipant(page, candidate);
  const readings: number[] = [];
  const from = performance.now();
  let to = from;
  let done = false;
  void finished.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    readings.push(await framesDecodedFrom(page, candidate));
    to = performance.now();
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 2000))]);
  }
  return { frames: framesCounted(readings), seconds: (to - from) / 1000 };
}

interface Take {
  probe: VideoProbe;
  /** % of one core from the first question to the finish screen. */
  cpu: { candidate: number; relay: number; interviewer: number };
  memory: RendererMemory;
  watched?: { frames: number; seconds: number };
}

/**
 * One interview through the browser host, the candidate in a Chromium of its own with the fake 720p30 devices,
 * the app pointed at the relay either way; with `interviewer` the script names a call and a second Chromium
 * joins it and watches the candidate throughout.
 */
async function take(
  relay: DevRelay,
  dir: string,
  media: { camera: string; microphone: string },
  seconds: number,
  interviewer?: { pageUrl: string; media: { camera: string; microphone: string } },
): Promise<Take> {
  const name = interviewer ? 'with-call' : 'without-call';
  const script = writeOneQuestionScript(dir, name, seconds, interviewer ? { live: { provider: 'dev', channel: ROOM } } : {});
  console.log(`  recording ${seconds} s ${interviewer ? 'with' : 'without'} the call…`);
  const browser = await launchChromium([...fakeDeviceArgs(media), '--allow-loopback-in-peer-connection']);
  let watcher: CallParticipant | undefined;
  try {
    watcher = interviewer && (await openCallParticipant(interviewer.pageUrl, interviewer.media, devCallTokens(relay.callTokenUrl)));
    const candidateGroup = await browserGroup(browser);
    const watcherGroup = watcher && (await browserGroup(watcher.browser));
    const { probe, during } = await recordInterview(
      browser,
      dir,
      script,
      seconds,
      (finished) =>
        Promise.all([
          meterUntil(
            {
              candidate: cpuMeter(groupPids(candidateGroup)),
              relay: cpuMeter(() => [relay.pid]),
              interviewer: cpuMeter(watcherGroup ? groupPids(watcherGroup) : () => []),
            },
            finished,
          ),
          sampleRendererMemory(browser, finished),
          watcher ? watchCandidate(watcher.page, relay, finished) : undefined,
        ]),
      relay.env,
    );
    const [cpu, memory, watched] = during;
    return { probe, cpu, memory, ...(watched && { watched }) };
  } finally {
    await watcher?.browser.close();
    await browser.close();
  }
}

/** Builds dist/ once: the relay runs its bundle (and npm start's script, which the app runs, builds it again). */
function build(): void {
  execFileSync(process.execPath, ['tools/build.mjs'], { cwd: projectRoot, stdio: 'pipe' });
}

export async function callBench(seconds: number): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-bench-call-'));
  try {
    build();
    const relay = await startDevRelay(path.join(dir, 'relay'));
    // The relay stands in for a server elsewhere, as the other participant does for their own computer.
    runAtLowestPriority([relay.pid]);
    const callPage = await serveCallPage();
    try {
      console.log(`  timing ${TIMED_JOINS} joins through the development call server…`);
      const joins = (await timeJoins(relay, callPage.url, dir, TIMED_JOINS)).sort((a, b) => a - b);
      const media = await makeFakeMedia(dir);
      const interviewerMedia = await participantMedia(dir, 'interviewer', `color=c=green:size=640x480:rate=${CAMERA_FPS}`, 1200);
      const without = await take(relay, dir, media, seconds);
      const withCall = await take(relay, dir, media, seconds, { pageUrl: callPage.url, media: interviewerMedia });
      return figures(joins, without, withCall);
    } finally {
      await callPage.close();
      await relay.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => bytes / 1e6;
const CPU_NOTE = 'user + system time of every process of its Chromium (/proc, read every 2 s) from the first question to the finish screen';

function figures(joins: number[], without: Take, withCall: Take): Figure[] {
  const watched = withCall.watched!;
  return [
    {
      name: 'join → first remote frame, median',
      value: percentile(joins, 50),
      unit: 'ms',
      goal: JOIN_MEDIAN_GOAL_MS,
      direction: 'max',
      note:
        `${joins.length} joins after a warm-up: ${joins.map((ms) => ms.toFixed(0)).join(', ')} ms, each from join() (token, signalling, ` +
        "publishing its own camera) to the other's first frame decoded, timed in the page. Loopback has no network delay: what is " +
        'left is two offer/answer exchanges with a relay that gathers its candidates before answering, DTLS and a keyframe; 1.5 s ' +
        'leaves room for a busy two-core machine and still feels immediate to someone joining',
    },
    {
      name: 'join → first remote frame, worst',
      value: joins.at(-1)!,
      unit: 'ms',
      goal: JOIN_WORST_GOAL_MS,
      direction: 'max',
      note: 'the relay asks for a keyframe every 3 s while someone watches, so a lost first keyframe costs at most that much more',
    },
    {
      name: 'recorded frame rate without the call',
      value: fps(without.probe),
      unit: 'fps',
      goal: null,
      direction: 'min',
      note: framesNote(without.probe),
    },
    {
      name: 'recorded frame rate with the call',
      value: fps(withCall.probe),
      unit: 'fps',
      goal: null,
      direction: 'min',
      note: framesNote(withCall.probe),
    },
    {
      name: 'dropped frames without the call',
      value: droppedFrames(without.probe),
      unit: 'frames',
      goal: null,
      direction: 'max',
      note: `camera fps × the file's duration − frames in the file: ${droppedPercent(without.probe).toFixed(2)} %`,
    },
    {
      name: 'dropped frames with the call',
      value: droppedFrames(withCall.probe),
      unit: 'frames',
      goal: null,
      direction: 'max',
      note: `${droppedPercent(withCall.probe).toFixed(2)} %`,
    },
    {
      name: 'frames the call cost the recording',
      value: droppedFrames(withCall.probe) - droppedFrames(without.probe),
      unit: 'frames',
      goal: CALL_COST_TOLERANCE_FRAMES,
      direction: 'max',
      note:
        'dropped with the call − dropped without it. Each count is exact to a frame (a duration rounds to whole camera frames), so ' +
        `two takes may differ by ${CALL_COST_TOLERANCE_FRAMES} with no cost at all. This machine also runs the interviewer's Chromium ` +
        "and the relay (their CPU is below), at the lowest priority, standing in for their own machines; a candidate's computer runs neither",
    },
    {
      name: "candidate's browser CPU without the call",
      value: without.cpu.candidate,
      unit: '% core',
      goal: null,
      direction: 'max',
      note: CPU_NOTE,
    },
    { name: "candidate's browser CPU with the call", value: withCall.cpu.candidate, unit: '% core', goal: null, direction: 'max' },
    {
      name: "the call's CPU in the candidate's browser",
      value: withCall.cpu.candidate - without.cpu.candidate,
      unit: '% core',
      goal: null,
      direction: 'max',
      note:
        "with − without: encoding and sending the call's media, receiving and showing the interviewer's. Comparable only " +
        'while both takes keep their frame rate: a starved recorder composes and encodes fewer frames',
    },
    {
      name: 'relay CPU (development backend process)',
      value: withCall.cpu.relay,
      unit: '% core',
      goal: null,
      direction: 'max',
      note: `forwarding both participants' media; ${without.cpu.relay.toFixed(2)} % of a core idle (the take without the call)`,
    },
    {
      name: "interviewer's browser CPU",
      value: withCall.cpu.interviewer,
      unit: '% core',
      goal: null,
      direction: 'max',
      note: `it decoded ${watched.frames} frames of the candidate in ${watched.seconds.toFixed(0)} s (${(watched.frames / watched.seconds).toFixed(1)} fps)`,
    },
    {
      name: "candidate's renderer memory at the end, with the call",
      value: mb(withCall.memory.end),
      unit: 'MB',
      goal: null,
      direction: 'max',
      note: `PSS of its renderers; ${mb(without.memory.end).toFixed(0)} MB without the call`,
    },
    {
      name: "candidate's renderer memory trend per 10 min, with the call",
      value: mb(withCall.memory.bytesPerSecond * 600),
      unit: 'MB',
      goal: MEMORY_TREND_GOAL_MB,
      direction: 'max',
      note:
        `a line fitted through ${withCall.memory.samples} samples, every 30 s from 30 s on (PSS swings by tens of MB, so only a ` +
        `run of many minutes shows a trend); ${mb(without.memory.bytesPerSecond * 600).toFixed(1)} MB per 10 min without the call`,
    },
  ];
}
