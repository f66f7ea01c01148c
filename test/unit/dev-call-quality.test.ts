import { describe, expect, it } from 'vitest';
import { networkQuality } from '../../src/renderer/features/call/providers/dev-call-quality';
import { type StatsEntry, summarizeStats } from '../../src/renderer/features/call/providers/dev-call-stats';
import { renewalDelayMs } from '../../src/renderer/features/call/providers/token-renewal';

describe('network quality from statistics (Agora’s 0–6 scale)', () => {
  it('is unknown without a sample or without any measure, and down when nothing flows', () => {
    expect(networkQuality(undefined)).toBe(0);
    expect(networkQuality({ flowing: true })).toBe(0);
    expect(networkQuality({ flowing: false, rttMs: 5, lossFraction: 0 })).toBe(6);
  });

  it('grades round-trip time and loss, the worse of the two deciding', () => {
    const cases: [number | undefined, number | undefined, number][] = [
      [20, 0, 1],
      [99, 0.009, 1],
      [100, 0, 2],
      [150, 0.02, 2],
      [250, 0, 3],
      [20, 0.05, 3],
      [400, 0.01, 4],
      [20, 0.1, 4],
      [500, 0, 5],
      [20, 0.12, 5],
      [undefined, 0.2, 5],
      [700, undefined, 5],
    ];
    for (const [rttMs, lossFraction, quality] of cases) {
      expect(
        networkQuality({ flowing: true, ...(rttMs !== undefined && { rttMs }), ...(lossFraction !== undefined && { lossFraction }) }),
        `${rttMs} ms, ${lossFraction}`,
      ).toBe(quality);
    }
  });
});

describe('token renewal', () => {
  it('renews a third of the remaining life early, at most a minute early, at once when already late', () => {
    expect(renewalDelayMs(6_000, 0)).toBe(4_000);
    expect(renewalDelayMs(3_600_000, 0)).toBe(3_540_000);
    expect(renewalDelayMs(1_000, 2_000)).toBe(0);
  });
});

describe('stats summary', () => {
  const publish = (bytesSent: number, packetsSent: number, lost: number, rtt?: number): StatsEntry[] => [
    { type: 'outbound-rtp', kind: 'video', bytesSent, packetsSent },
    { type: 'remote-inbound-rtp', kind: 'video', packetsLost: lost },
    ...(rtt === undefined ? [] : [{ type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: rtt }]),
  ];
  const inbound = (bytesReceived: number, packetsReceived: number, packetsLost: number, framesDecoded: number): StatsEntry[] => [
    { type: 'inbound-rtp', kind: 'video', bytesReceived, packetsReceived, packetsLost, framesDecoded },
    { type: 'inbound-rtp', kind: 'audio', bytesReceived: 1_000, packetsReceived: 50, packetsLost: 0 },
  ];

  it('counts decoded frames per participant and gives rates only once there is an earlier sample', () => {
    const first = summarizeStats({ at: 0, publish: publish(10_000, 100, 0, 0.02), subscriptions: { b: inbound(20_000, 200, 0, 30) } });
    expect(first.stats).toEqual({ framesDecoded: { b: 30 }, packetsLost: 0, rttMs: 20 });
    expect(first.uplink).toEqual({ rttMs: 20, flowing: true });

    const second = summarizeStats(
      { at: 2_000, publish: publish(260_000, 300, 4, 0.03), subscriptions: { b: inbound(520_000, 400, 10, 90) } },
      first.sample,
    );
    expect(second.stats).toEqual({
      framesDecoded: { b: 90 },
      packetsLost: 10,
      rttMs: 30,
      sendBitsPerSecond: 1_000_000,
      receiveBitsPerSecond: 2_000_000,
    });
    // 4 of 204 of ours lost on the way up; 10 of 210 of theirs on the way down.
    expect(second.uplink.lossFraction).toBeCloseTo(4 / 204);
    expect(second.downlink.b!.lossFraction).toBeCloseTo(10 / 210);
  });

  it('sees a link that carried nothing since the last sample as not flowing', () => {
    const first = summarizeStats({ at: 0, publish: publish(10_000, 100, 0), subscriptions: { b: inbound(20_000, 200, 0, 30) } });
    const second = summarizeStats(
      { at: 2_000, publish: publish(10_000, 100, 0), subscriptions: { b: inbound(20_000, 200, 0, 30) } },
      first.sample,
    );
    expect(second.uplink.flowing).toBe(false);
    expect(networkQuality(second.downlink.b)).toBe(6);
  });

  it('starts again when a new connection’s counters are below the last sample', () => {
    const first = summarizeStats({ at: 0, publish: publish(900_000, 900, 0), subscriptions: { b: inbound(900_000, 900, 0, 300) } });
    const next = summarizeStats(
      { at: 2_000, publish: publish(1_000, 10, 0), subscriptions: { b: inbound(1_000, 10, 0, 2) } },
      first.sample,
    );
    expect(next.downlink.b).toEqual({ flowing: true });
    expect(next.stats.framesDecoded).toEqual({ b: 2 });
  });
});
