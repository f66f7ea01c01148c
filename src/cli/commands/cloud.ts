import type { Core } from '../../core/create-core';
import type { CloudService } from '../../core/services/backends/cloud-service';
import { CLOUD_BACKEND_NAMES, remoteIdOf, type CloudSession } from '../../shared/domain/cloud';
import type { Output } from '../output';
import { optionalOption, unknownSub, type OptionValues } from './backend-options';

/** A backend call still owed (the outbox), as `cloud.deliverOnce()` lists them. */
type OwedCall = Awaited<ReturnType<CloudService['deliverOnce']>>[number];

export const describeSession = (session: CloudSession): string =>
  [
    `${session.state.padEnd(11)} ${CLOUD_BACKEND_NAMES[session.backend]} · ${session.target}${remoteIdOf(session) ? ` · ${remoteIdOf(session)}` : ''}`,
    session.statusText ? `  status: ${session.statusText}` : '',
    session.recordingUrl ? `  url: ${session.recordingUrl}` : '',
    session.error ? `  ${session.error}` : '',
    session.pending
      ? `  owed: ${session.pending.kind} (${session.pending.state}, ${session.pending.attempts} attempt(s), next ${session.pending.nextAttemptAt})`
      : '',
  ]
    .filter(Boolean)
    .join('\n');

const describeOwed = (items: OwedCall[]) =>
  items.length
    ? `${items.length} call(s) still owed:\n${items.map((i) => `  ${i.kind} ${i.sessionId} (${i.state}) ${i.lastError ?? ''}`).join('\n')}`
    : '✓ Nothing owed to any backend.';

/** `irec cloud list [--interview <id>]` and `irec cloud deliver`: the catalog's cloud sessions and the outbox. */
export async function cloudCommand(core: Core, out: Output, sub: string | undefined, values: OptionValues): Promise<number> {
  const { cloud } = core;
  if (sub === 'list') {
    const sessions = cloud.sessions({ interviewId: optionalOption(values, 'interview') });
    out.result(sessions, () => (sessions.length ? sessions.map(describeSession).join('\n') : 'No cloud sessions in the catalog.'));
    return 0;
  }
  if (sub === 'deliver') {
    const owed = await cloud.deliverOnce();
    out.result({ owed }, () => describeOwed(owed));
    return owed.length ? 1 : 0;
  }
  return unknownSub('cloud', sub, ['list', 'deliver']);
}
