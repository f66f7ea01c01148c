import type { Core } from '../../core/create-core';
import { requireBackend } from '../../core/services/backends/backend-clients';
import type { AgoraFile } from '../../core/services/backends/agora/agora-wire';
import type { Output } from '../output';
import { optionalOption, requireOption, unknownSub, type OptionValues } from './backend-options';

const SUBS = ['start', 'query', 'stop', 'list'] as const;

const fileLines = (files: readonly AgoraFile[]) => files.map((file) => `  ${file.filename}${file.s3_url ? `  ${file.s3_url}` : ''}`);

/** `irec agora start|query|stop|list`: the Agora recording backend's four calls, as documented. */
export async function agoraCommand(core: Core, out: Output, sub: string | undefined, values: OptionValues): Promise<number> {
  const command = `agora ${sub ?? ''}`.trim();
  if (!SUBS.includes(sub as (typeof SUBS)[number])) unknownSub('agora', sub, SUBS);
  const agora = requireBackend(core.backends, 'agora');
  const target = () => ({ channel: requireOption(values, 'channel', command), uid: requireOption(values, 'uid', command) });
  const ref = () => ({
    ...target(),
    resourceId: requireOption(values, 'resource-id', command),
    sid: requireOption(values, 'sid', command),
  });

  switch (sub) {
    case 'start': {
      const started = await agora.start({ ...target(), scheduleId: optionalOption(values, 'schedule') });
      out.result(started, () =>
        [
          `✓ Cloud recording started in ${started.channel} (uid ${started.uid})`,
          `resource ID: ${started.resourceId}`,
          `sid:         ${started.sid}`,
        ].join('\n'),
      );
      return 0;
    }
    case 'query': {
      const queried = await agora.query(ref());
      out.result(queried, () => [`Status ${queried.status}: ${queried.statusText}`, ...fileLines(queried.files)].join('\n'));
      return 0;
    }
    case 'stop': {
      const stopped = await agora.stop({ ...ref(), scheduleId: optionalOption(values, 'schedule') });
      out.result(stopped, () =>
        [`✓ Cloud recording stopped (${stopped.uploadingStatus ?? 'upload status not given'}); files:`, ...fileLines(stopped.files)].join(
          '\n',
        ),
      );
      return 0;
    }
    default: {
      const listed = await agora.listBySchedule(requireOption(values, 'schedule', command));
      out.result(listed, () =>
        [
          `${listed.total_count} recording(s) for schedule ${listed.schedule_id}${listed.s3_bucket ? ` in bucket ${listed.s3_bucket}` : ''}`,
          ...listed.recordings.flatMap((recording) => [
            `${recording.status.padEnd(10)} ${recording.channel_name} uid ${recording.uid} sid ${recording.sid}  ${recording.started_at ?? ''} → ${recording.stopped_at ?? '…'}`,
            ...(recording.recording_url ? [`  recording_url: ${recording.recording_url}`] : []),
          ]),
        ].join('\n'),
      );
      return 0;
    }
  }
}
