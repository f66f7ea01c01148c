import { describe, expect, it } from 'vitest';
import { levelOf, SOUND_LEVEL } from '../../src/renderer/features/devices/use-mic-level';

/** One 1024-sample frame of a 440 Hz sine at 48 kHz with the given peak amplitude. */
const sine = (amplitude: number) => Float32Array.from({ length: 1024 }, (_, i) => amplitude * Math.sin((2 * Math.PI * 440 * i) / 48_000));

describe('microphone level', () => {
  it('reads silence as 0 and a full-scale tone near the top, on a decibel scale', () => {
    expect(levelOf(new Float32Array(1024))).toBe(0);
    expect(levelOf(sine(1))).toBeCloseTo(0.95, 1); // RMS of a full-scale sine is -3 dBFS
  });

  it('counts quiet speech as sound but not room hiss', () => {
    expect(levelOf(sine(0.02))).toBeGreaterThan(SOUND_LEVEL); // about -37 dBFS
    expect(levelOf(sine(0.003))).toBeLessThan(SOUND_LEVEL); // about -53 dBFS
  });
});
