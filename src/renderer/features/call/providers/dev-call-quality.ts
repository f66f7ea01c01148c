// Network quality from WebRTC statistics, on Agora's 0–6 scale (see docs/calls.md, "Network quality"):
// the worse of round-trip time and packet loss decides, and a connection that carries nothing is "down".
import type { NetworkQuality } from '../interview-call';

export interface LinkSample {
  /** Round-trip time in ms, when known. */
  rttMs?: number;
  /** Packets lost / packets expected over the last interval (0–1), when known. */
  lossFraction?: number;
  /** Whether any packet went through over the last interval. */
  flowing: boolean;
}

/** Upper bounds (exclusive) for 1 excellent … 4 bad; anything worse is 5 very bad. */
const RTT_MS = [100, 200, 300, 500];
const LOSS = [0.01, 0.03, 0.06, 0.12];

const grade = (value: number, bounds: number[]): NetworkQuality => {
  const index = bounds.findIndex((bound) => value < bound);
  return (index === -1 ? 5 : index + 1) as NetworkQuality;
};

export function networkQuality(sample: LinkSample | undefined): NetworkQuality {
  if (!sample) return 0;
  if (!sample.flowing) return 6;
  if (sample.rttMs === undefined && sample.lossFraction === undefined) return 0;
  const byRtt = sample.rttMs === undefined ? 1 : grade(sample.rttMs, RTT_MS);
  const byLoss = sample.lossFraction === undefined ? 1 : grade(sample.lossFraction, LOSS);
  return Math.max(byRtt, byLoss) as NetworkQuality;
}
