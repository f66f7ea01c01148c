import type { ReactNode } from 'react';
import type { CloudSession } from '../../../shared/domain/cloud';
import type { RecordingDetail } from '../../../shared/domain/recording';
import type { UploadProgress } from '../../../shared/domain/upload';
import { formatDuration } from '../../../shared/format';
import { useLocale, useMessages } from '../../i18n/locale-context';
import { formatSize } from '../library/local-units';
import { outcomeMessages } from '../library/outcome-messages';
import { recordingLength } from '../library/outcome-words';
import type { InterviewResult } from './use-recorded-interview';

interface Props {
  result: InterviewResult;
  recording: RecordingDetail | null;
  upload: UploadProgress | null;
  sessions: readonly CloudSession[];
}

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </>
);

/**
 * The engineer's facts behind a closed disclosure: the reference, the one length (the verified file's when there is
 * one), files, the object in the bucket, backend sessions and any message. Support asks for these; a candidate
 * need not read them.
 */
export function FinishDetails({ result, recording, upload, sessions }: Props) {
  const t = useMessages(outcomeMessages);
  const { locale } = useLocale();
  const length = recording ? recordingLength(recording) : result.durationMs;
  const files = recording ? (recording.outputs.length > 0 ? recording.outputs : recording.segments).map((f) => f.filePath) : [];
  const size = recording?.outputs.length ? recording.outputs.reduce((sum, o) => sum + o.size, 0) : result.bytes;
  return (
    <details className="finish-details">
      <summary>{t('details')}</summary>
      <dl>
        {result.recordingId && <Fact label={t('reference')}>{result.recordingId}</Fact>}
        <Fact label={t('length')}>{formatDuration(length)}</Fact>
        <Fact label={t('size')}>{formatSize(size, locale)}</Fact>
        {files.map((file) => (
          <Fact key={file} label={t('file')}>
            <code dir="ltr">{file}</code>
          </Fact>
        ))}
        {upload?.bucket && upload.key && (
          <Fact label={t('storage')}>
            <code dir="ltr">{`s3://${upload.bucket}/${upload.key}`}</code>
          </Fact>
        )}
        {upload?.state === 'uploaded' && upload.keySize !== undefined && (
          <Fact label={t('verifiedSize')}>{formatSize(upload.keySize, locale)}</Fact>
        )}
        {sessions.map((session) => (
          <Fact key={session.id} label={t('backend')}>
            <code dir="ltr">{[session.backend, session.state, session.recordingUrl ?? session.error].filter(Boolean).join(' · ')}</code>
          </Fact>
        ))}
        {result.stoppedBecause && <Fact label={t('stopReason')}>{result.stoppedBecause}</Fact>}
        {[recording?.error, upload?.message].filter(Boolean).map((message) => (
          <Fact key={message} label={t('message')}>
            {message}
          </Fact>
        ))}
      </dl>
    </details>
  );
}
