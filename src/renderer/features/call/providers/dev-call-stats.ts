// CallStats and link samples (for network quality) from the browser's getStats() reports of the publishing
// connection and of each subscribing connection. Pure over plain report entries, so it is unit-tested; bitrates
// and loss are differences against the previous sample.
import type { CallStats } from '../interview-call';
import type { LinkSample } from './dev-call-quality';

export type StatsEntry = { type: string } & Record<string, unknown>;

export interface StatsInput {
  /** performance.now() or Date.now() of the reports, in ms. */
  at: number;
  publish: StatsEntry[];
  /** Remote participant id → entries of the connection that carries their media. */
  subscriptions: Record<string, StatsEntry[]>;
}

interface Counters {
  bytes: number;
  packets: number;
  lost: number;
}

export interface StatsSample {
  at: number;
  sent: Counters;
  received: Record<string, Counters>;
}

export interface StatsSummary {
  stats: CallStats;
  sample: StatsSample;
  uplink: LinkSample;
  /** Per remote participant: how their media reaches this participant. */
  downlink: Record<string, LinkSample>;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const ofType = (entries: StatsEntry[], type: string) => entries.filter((entry) => entry.type === type);

function counters(entries: StatsEntry[], type: 'inbound-rtp' | 'outbound-rtp'): Counters {
  const rtp = ofType(entries, type);
  const bytes = rtp.reduce((sum, e) => sum + num(type === 'inbound-rtp' ? e.bytesReceived : e.bytesSent), 0);
  const packets = rtp.reduce((sum, e) => sum + num(type === 'inbound-rtp' ? e.packetsReceived : e.packetsSent), 0);
  // What the far end reports losing of ours (RTCP receiver reports), or what we lost of theirs.
  const lostFrom = type === 'inbound-rtp' ? rtp : ofType(entries, 'remote-inbound-rtp');
  return { bytes, packets, lost: lostFrom.reduce((sum, e) => sum + Math.max(0, num(e.packetsLost)), 0) };
}

/** The selected candidate pair's round-trip time (ms), when the browser has measured one. */
function rttMs(entries: StatsEntry[]): number | undefined {
  const pair = ofType(entries, 'candidate-pair').find(
    (e) => e.nominated === true && e.state === 'succeeded' && typeof e.currentRoundTripTime === 'number',
  );
  return pair ? num(pair.currentRoundTripTime) * 1000 : undefined;
}

function link(now: Counters, previous: Counters | undefined, rtt: number | undefined): LinkSample {
  // Counters start again on a new connection: compare only with a sample of the same one.
  const before = previous && previous.packets <= now.packets ? previous : undefined;
  const packets = now.packets - (before?.packets ?? 0);
  const lost = now.lost - (before?.lost ?? 0);
  return {
    ...(rtt !== undefined && { rttMs: rtt }),
    ...(before && packets + lost > 0 && { lossFraction: Math.max(0, lost) / (packets + Math.max(0, lost)) }),
    flowing: packets > 0,
  };
}

const bitsPerSecond = (bytes: number, before: number | undefined, seconds: number) =>
  before === undefined || seconds <= 0 ? undefined : Math.max(0, ((bytes - before) * 8) / seconds);

export function summarizeStats(input: StatsInput, previous?: StatsSample): StatsSummary {
  const sent = counters(input.publish, 'outbound-rtp');
  const received: Record<string, Counters> = {};
  const downlink: Record<string, LinkSample> = {};
  const framesDecoded: Record<string, number> = {};
  for (const [id, entries] of Object.entries(input.subscriptions)) {
    received[id] = counters(entries, 'inbound-rtp');
    downlink[id] = link(received[id], previous?.received[id], rttMs(entries));
    framesDecoded[id] = ofType(entries, 'inbound-rtp').reduce((sum, e) => sum + num(e.framesDecoded), 0);
  }
  const seconds = previous ? (input.at - previous.at) / 1000 : 0;
  const totalReceived = Object.values(received).reduce((sum, c) => sum + c.bytes, 0);
  const totalBefore = previous ? Object.values(previous.received).reduce((sum, c) => sum + c.bytes, 0) : undefined;
  const rtt = rttMs(input.publish);
  const send = bitsPerSecond(sent.bytes, previous?.sent.bytes, seconds);
  const receive = bitsPerSecond(totalReceived, totalBefore, seconds);
  const stats: CallStats = {
    framesDecoded,
    packetsLost: Object.values(received).reduce((sum, c) => sum + c.lost, 0),
    ...(rtt !== undefined && { rttMs: rtt }),
    ...(send !== undefined && { sendBitsPerSecond: send }),
    ...(receive !== undefined && { receiveBitsPerSecond: receive }),
  };
  return { stats, sample: { at: input.at, sent, received }, uplink: link(sent, previous?.sent, rtt), downlink };
}
