// Reads the session's connections' statistics: on demand for stats(), and every QUALITY_INTERVAL_MS for the
// `quality` events (this participant's uplink and downlink, and how each remote participant's media arrives).
import type { CallEvent, CallStats, NetworkQuality } from '../interview-call';
import { networkQuality } from './dev-call-quality';
import type { DevCallSession } from './dev-call-session';
import { type StatsEntry, type StatsSample, type StatsSummary, summarizeStats } from './dev-call-stats';

const QUALITY_INTERVAL_MS = 2_000;

async function entries(pc: RTCPeerConnection | undefined): Promise<StatsEntry[]> {
  const list: StatsEntry[] = [];
  (await pc?.getStats())?.forEach((entry: StatsEntry) => list.push(entry));
  return list;
}

export class QualityReporter {
  private sample: StatsSample | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly localId: string,
    private readonly session: () => DevCallSession | undefined,
    private readonly emit: (event: CallEvent) => void,
  ) {}

  start(): void {
    this.stop();
    this.timer = setInterval(() => void this.tick().catch(() => undefined), QUALITY_INTERVAL_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A new session's counters start from zero: differences are taken against its own samples only. */
  reset(): void {
    this.sample = undefined;
  }

  async summarize(session: DevCallSession): Promise<StatsSummary> {
    const subscriptions: Record<string, StatsEntry[]> = {};
    for (const [id, pc] of session.subscriptions) subscriptions[id] = await entries(pc);
    const summary = summarizeStats({ at: performance.now(), publish: await entries(session.publishing), subscriptions }, this.sample);
    this.sample = summary.sample;
    return summary;
  }

  private async tick(): Promise<void> {
    const session = this.session();
    if (!session) return this.emit({ type: 'quality', participantId: this.localId, uplink: 6, downlink: 6 });
    const summary = await this.summarize(session);
    const remote = Object.entries(summary.downlink).map(([id, link]) => [id, networkQuality(link)] as const);
    // This participant's downlink is its worst incoming link; the remote side's uplink is not visible from here.
    const downlink = remote.reduce<NetworkQuality>((worst, [, q]) => (q > worst ? q : worst), remote.length ? 1 : 0);
    this.emit({ type: 'quality', participantId: this.localId, uplink: networkQuality(summary.uplink), downlink });
    for (const [id, q] of remote) this.emit({ type: 'quality', participantId: id, uplink: 0, downlink: q });
  }
}

export async function collectStats(session: DevCallSession | undefined, reporter: QualityReporter): Promise<CallStats> {
  return session ? (await reporter.summarize(session)).stats : { framesDecoded: {} };
}
