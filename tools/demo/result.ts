// What `npm run demo` prints: the delivered recording as one JSON document (--json) or as text.
import { formatBytes, formatDuration } from '../../src/shared/format';
import type { RecordingDetail } from '../../src/shared/domain/recording';
import type { RemoteView } from './live-peer';

/** With --interviewer: what the interviewer's desk delivered. */
export interface InterviewerResult {
  /** The local backup of the call, recorded from join to leave, as uploaded. */
  backup: {
    recordingId: string;
    path: string;
    durationSeconds: number;
    sizeBytes: number;
    sha256: string;
    upload: { bucket: string; key: string; verifiedSize: number };
  };
  /** The cloud recording the interviewer started and stopped. */
  cloud: { backend: 'agora'; channel: string; recordingUrl: string | null; files: string[] };
  /** Each note with where it was typed in the cloud recording and in the backup (ms; null when not recording). */
  notes: Array<{ text: string; questionIndex: number | null; cloudMs: number | null; localMs: number | null }>;
}

/** What `--json` prints: one document describing the delivered recording. */
export interface DemoResult {
  recordingId: string;
  scheduleId: string;
  state: RecordingDetail['state'];
  /** What the recorder recorded (the catalog's duration), in seconds. */
  recordedSeconds: number;
  retakes: number;
  files: Array<{ path: string; container: string; durationSeconds: number; sizeBytes: number; sha256: string }>;
  /** Of all files together. */
  durationSeconds: number;
  upload: { bucket: string; key: string; verifiedSize: number };
  catalog: string;
  dataDir: string;
  /** With --live: the call the candidate joined, and what the other participant received of them. */
  call: {
    provider: 'dev';
    channel: string;
    remote: RemoteView;
  } | null;
  agora: {
    channel: string;
    uid: string | null;
    resourceId: string | null;
    sid: string | null;
    health: string | null;
    files: string[];
    recordingUrl: string | null;
  };
  interviewer: InterviewerResult | null;
}

const clock = (ms: number | null) => (ms === null ? 'not recording' : formatDuration(ms));

function describeInterviewer({ backup, cloud, notes }: InterviewerResult, say: (line: string) => void): void {
  say(`\nInterviewer's backup: ${backup.path}`);
  say(
    `Duration:      ${formatDuration(backup.durationSeconds * 1000)} (${backup.durationSeconds.toFixed(2)} s), ${formatBytes(backup.sizeBytes)}`,
  );
  say(`sha256:        ${backup.sha256}`);
  say(`Uploaded:      ${backup.upload.bucket}/${backup.upload.key} (${backup.upload.verifiedSize} bytes verified)`);
  say(`Cloud (${cloud.backend}): ${cloud.channel}, ${cloud.files.join(', ')}`);
  say(`recording_url: ${cloud.recordingUrl}`);
  for (const note of notes) {
    const question = note.questionIndex === null ? '' : ` [question ${note.questionIndex + 1}]`;
    say(`Note:          "${note.text}"${question} at ${clock(note.cloudMs)} in the cloud recording, ${clock(note.localMs)} in the backup`);
  }
}

export function describeText(result: DemoResult, say: (line: string) => void): void {
  for (const file of result.files) {
    say(`\nFinal file: ${file.path}`);
    say(
      `Duration:   ${formatDuration(file.durationSeconds * 1000)} (${file.durationSeconds.toFixed(2)} s), ${formatBytes(file.sizeBytes)}`,
    );
    say(`sha256:     ${file.sha256}`);
  }
  say(`Recorded:   ${result.recordedSeconds.toFixed(2)} s (${result.retakes} retakes of question 1); state ${result.state}`);
  say(`\nBucket:     ${result.upload.bucket}`);
  say(`Key:        ${result.upload.key}`);
  say(`Verified:   ${formatBytes(result.upload.verifiedSize)} (${result.upload.verifiedSize} bytes; size and MD5 in the bucket match)`);
  say(`Catalog:    ${result.catalog}`);
  const { agora } = result;
  say(`\nAgora channel: ${agora.channel} (recording bot uid ${agora.uid}, schedule ${result.scheduleId})`);
  say(`Registered:    resource ID ${agora.resourceId?.slice(0, 24)}…, sid ${agora.sid}`);
  say(`Health query:  ${agora.health ?? 'none answered during the interview'}`);
  say(`Stopped:       ${agora.files.join(', ')}`);
  say(`recording_url: ${agora.recordingUrl}`);
  if (result.call) {
    const { remote } = result.call;
    say(`\nLive call:     ${result.call.channel} on the development call server`);
    say(`Received:      ${remote.framesDecoded} frames of the candidate's video (participant ${remote.participantId ?? 'never seen'})`);
    say(`Snapshot:      ${remote.snapshot ?? 'none (no frame arrived)'}`);
  }
  if (result.interviewer) describeInterviewer(result.interviewer, say);
  say(`\nMore: npm run -s irec -- recordings show ${result.recordingId} --data-dir ${result.dataDir}`);
  say(`     npm run -s irec -- cloud list --data-dir ${result.dataDir}`);
}
