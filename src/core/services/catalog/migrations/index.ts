import { initial } from './0001-initial';
import { consentAndLinks } from './0002-consent-and-links';
import { finalizeAndRecovery } from './0003-finalize-and-recovery';
import { uploads } from './0004-uploads';
import { cloudSessions } from './0005-cloud-sessions';
import { mediaStreams } from './0006-media-streams';
import { pausedRecordings } from './0007-paused-recordings';
import { interviewerNotes } from './0008-interviewer-notes';
import { recordingKind } from './0009-recording-kind';
import type { Migration } from './types';

/** Every migration in order. Append only: a released migration is never edited or reordered. */
export const migrations: readonly Migration[] = [
  initial,
  consentAndLinks,
  finalizeAndRecovery,
  uploads,
  cloudSessions,
  mediaStreams,
  pausedRecordings,
  interviewerNotes,
  recordingKind,
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
