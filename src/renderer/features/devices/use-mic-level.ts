import { useEffect, useState } from 'react';

/** The quietest level the meter shows (dBFS); it reads 0–1 on a decibel scale from here to full scale. */
const FLOOR_DB = -60;
/** Level (0–1) above which a sample counts as sound: about -42 dBFS, quiet speech at arm's length, not room hiss. */
export const SOUND_LEVEL = 0.3;

/** RMS of the samples as a 0–1 level on a decibel scale, so speech moves the meter visibly. */
export function levelOf(samples: Float32Array): number {
  const rms = Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
  const db = 20 * Math.log10(Math.max(rms, 1e-6));
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}
/** Samples (100 ms each) of sound it takes to believe the microphone works: a moment, not one click. */
const SOUND_SAMPLES = 3;

/** The microphone's live level, and whether it has carried sound for a moment yet (a preview: nothing is recorded). */
export function useMicLevel(stream: MediaStream): { level: number; heard: boolean } {
  const [level, setLevel] = useState(0);
  const [heardOn, setHeardOn] = useState<MediaStream | null>(null);
  useEffect(() => {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let loud = 0;
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const next = levelOf(samples);
      setLevel(next);
      if (next >= SOUND_LEVEL && ++loud >= SOUND_SAMPLES) setHeardOn(stream);
    }, 100);
    return () => {
      clearInterval(timer);
      void context.close();
    };
  }, [stream]);
  return { level, heard: heardOn === stream };
}
