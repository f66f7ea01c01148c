// `npm run demo`'s command line: parsed strictly (an unknown flag or a bad value is a usage error, exit 2), and
// the fake device files checked before anything starts, so a wrong file fails in words instead of in Chromium.
import fs from 'node:fs';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run -s demo -- [--seconds N] [--retakes K] [--fake-video F.y4m] [--fake-audio F.wav] [--json]
       npm run -s demo -- --live [--interviewer] [those flags] [--peer-fake-video F.y4m] [--peer-fake-audio F.wav]

Takes the practice interview once in headless Chromium through the real UI, then finalizes the recording and
uploads it to the local S3 (or the bucket in IREC_S3_*), with an Agora cloud recording on the development backend.
With --live the interview is a live one: the candidate joins a call on the development call server and a second
headless Chromium, with devices of its own, takes part as the interviewer; the cloud recording starts once the
candidate is in the call. With --interviewer as well, the interviewer is the app's interviewer's desk in an app
of its own (its own data folder, the same backend and bucket): it joins, records a local backup, starts and stops
the cloud recording and types two notes; the result then names the backup, the cloud recording and the notes.

  --seconds N          record about N seconds in all, spread evenly over every answer (default 30)
  --retakes K          retake the answer to question 1 K times, with "Retake this answer" (0-5, default 0)
  --fake-video F       camera: a YUV4MPEG2 (.y4m) file (default: a generated 640x480 30 fps test pattern)
  --fake-audio F       microphone: a WAV file (default: a generated 440 Hz tone)
  --live               a live interview through the development call server, with a second participant
  --interviewer        with --live, the other participant is the app's interviewer's desk, not a bare call page
  --peer-fake-video F  with --live, the other participant's camera (default: a generated green picture)
  --peer-fake-audio F  with --live, the other participant's microphone (default: a generated 1200 Hz tone)
  --json               print one JSON document on stdout (recording, files, upload, catalog, call, interviewer);
                       progress to stderr
  --help               this text

(-s keeps npm's own banner off stdout.) Data goes to a fresh temporary folder unless IREC_DATA_DIR is set.`;

export const MAX_RETAKES = 5;
export const MAX_SECONDS = 3600;
/** Each take needs time for its question to be played (a 1.2 s tone) and a moment of answer. */
export const MIN_SECONDS_PER_TAKE = 2;
export const QUESTION_COUNT = 3;

export interface DemoOptions {
  help: boolean;
  seconds: number;
  retakes: number;
  fakeVideo?: string;
  fakeAudio?: string;
  live: boolean;
  /** With live: the other participant is the app's interviewer's desk. */
  interviewer: boolean;
  peerFakeVideo?: string;
  peerFakeAudio?: string;
  json: boolean;
}

/** A mistake on the command line: printed with the usage, exit status 2. */
export class DemoUsageError extends Error {}

function integer(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new DemoUsageError(`--${flag} expects a whole number from ${min} to ${max}, not "${value}".`);
  }
  return Number(value);
}

export function parseDemoArgs(argv: readonly string[]): DemoOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seconds: { type: 'string' },
        retakes: { type: 'string' },
        'fake-video': { type: 'string' },
        'fake-audio': { type: 'string' },
        live: { type: 'boolean' },
        interviewer: { type: 'boolean' },
        'peer-fake-video': { type: 'string' },
        'peer-fake-audio': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new DemoUsageError((error as Error).message);
  }
  const retakes = integer('retakes', values.retakes, 0, 0, MAX_RETAKES);
  const takes = QUESTION_COUNT + retakes;
  const seconds = integer('seconds', values.seconds, 30, 1, MAX_SECONDS);
  if (seconds < takes * MIN_SECONDS_PER_TAKE) {
    throw new DemoUsageError(
      `--seconds ${seconds} is too short for ${takes} answers (${QUESTION_COUNT} questions, ${retakes} retake${retakes === 1 ? '' : 's'}): ` +
        `give at least ${takes * MIN_SECONDS_PER_TAKE}.`,
    );
  }
  const live = values.live ?? false;
  const peerFlag = ['peer-fake-video', 'peer-fake-audio'].find((flag) => values[flag as 'peer-fake-video'] !== undefined);
  if (peerFlag && !live) throw new DemoUsageError(`--${peerFlag} is for the other participant of a live interview: add --live.`);
  const interviewer = values.interviewer ?? false;
  if (interviewer && !live) throw new DemoUsageError('--interviewer joins the call of a live interview: add --live.');
  return {
    help: values.help ?? false,
    seconds,
    retakes,
    fakeVideo: values['fake-video'],
    fakeAudio: values['fake-audio'],
    live,
    interviewer,
    peerFakeVideo: values['peer-fake-video'],
    peerFakeAudio: values['peer-fake-audio'],
    json: values.json ?? false,
  };
}

/** The first bytes of `file`, or a usage error saying why it cannot be read. */
function head(flag: string, file: string, bytes: number): Buffer {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      return buffer.subarray(0, fs.readSync(fd, buffer, 0, bytes, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw new DemoUsageError(`--${flag} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

type FakeDeviceFlags = Pick<DemoOptions, 'fakeVideo' | 'fakeAudio' | 'peerFakeVideo' | 'peerFakeAudio'>;

function checkVideo(flag: string, file: string): void {
  if (!head(flag, file, 10).equals(Buffer.from('YUV4MPEG2 '))) {
    throw new DemoUsageError(
      `--${flag} ${file}: not a YUV4MPEG2 (.y4m) file, the only video Chromium's fake camera plays. ` +
        'Convert one with: ffmpeg -i input.mp4 -pix_fmt yuv420p camera.y4m',
    );
  }
}

function checkAudio(flag: string, file: string): void {
  const bytes = head(flag, file, 12);
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') {
    throw new DemoUsageError(
      `--${flag} ${file}: not a WAV file, the only audio Chromium's fake microphone plays. ` +
        'Convert one with: ffmpeg -i input.m4a microphone.wav',
    );
  }
}

/** Chromium's fake devices read only YUV4MPEG2 video and RIFF/WAVE audio: anything else is refused here. */
export function checkFakeDevices(options: FakeDeviceFlags): void {
  if (options.fakeVideo) checkVideo('fake-video', options.fakeVideo);
  if (options.fakeAudio) checkAudio('fake-audio', options.fakeAudio);
  if (options.peerFakeVideo) checkVideo('peer-fake-video', options.peerFakeVideo);
  if (options.peerFakeAudio) checkAudio('peer-fake-audio', options.peerFakeAudio);
}
