import type { Core } from '../../core/create-core';
import { requireBackend } from '../../core/services/backends/backend-clients';
import type { LivekitEgress } from '../../core/services/backends/livekit/livekit-wire';
import { livekitStatusText } from '../../core/services/backends/livekit/livekit-client';
import type { Output } from '../output';
import { requireOption, unknownSub, type OptionValues } from './backend-options';

const SUBS = ['start', 'stop', 'status', 'list', 'delete'] as const;

const egressLine = (egress: LivekitEgress) =>
  [
    `${egress.egressId}: ${egress.status} ${livekitStatusText(egress.status)}`,
    egress.duration !== undefined ? `${egress.duration} s` : '',
    egress.downloadUrl ?? '',
    egress.error ? `— ${egress.error}` : '',
  ]
    .filter(Boolean)
    .join('  ');

/** `irec livekit start|stop|status|list|delete`: the LiveKit recording backend, within its rate limits. */
export async function livekitCommand(core: Core, out: Output, sub: string | undefined, values: OptionValues): Promise<number> {
  const command = `livekit ${sub ?? ''}`.trim();
  if (!SUBS.includes(sub as (typeof SUBS)[number])) unknownSub('livekit', sub, SUBS);
  const livekit = requireBackend(core.backends, 'livekit');
  const egressId = () => requireOption(values, 'egress', command);

  switch (sub) {
    case 'start': {
      const started = await livekit.start(requireOption(values, 'room', command));
      out.result(started, () => `✓ Room recording ${started.status}: egress ${started.egressId}`);
      return 0;
    }
    case 'stop': {
      const stopped = await livekit.stop(egressId());
      out.result(stopped, () => `✓ ${stopped.status}${stopped.message ? `: ${stopped.message}` : ''}`);
      return 0;
    }
    case 'status': {
      // --wait polls (with backoff, within the rate limit) until the recording is ready or failed.
      const egress = values.wait
        ? await livekit.waitUntilDone(egressId(), { onStatus: (e) => !out.json && e.status === 0 && process.stderr.write('processing…\n') })
        : await livekit.status(egressId());
      out.result(egress, () => egressLine(egress));
      return egress.status === 2 ? 1 : 0;
    }
    case 'list': {
      const recordings = await livekit.list(requireOption(values, 'room', command));
      out.result({ recordings }, () => (recordings.length ? recordings.map(egressLine).join('\n') : 'No recordings for this room.'));
      return 0;
    }
    default: {
      const deleted = await livekit.delete(egressId());
      out.result(deleted, () => `✓ ${deleted.message}`);
      return 0;
    }
  }
}
