export interface AudioMixer {
  /** Microphone plus question audio: the recorded audio track. */
  track: MediaStreamTrack;
  /** Plays question audio into the recording and the speakers; resolves when it has finished. */
  play(audio: Uint8Array): Promise<{ durationMs: number }>;
  /** Microphone level, 0..1, for the meter. */
  level(): number;
  close(): Promise<void>;
}

/**
 * Web Audio graph: mic → recording (and the meter, never the speakers: no feedback); question audio →
 * recording and speakers. The question's voice is therefore really in the recorded file.
 */
export async function createAudioMixer(microphone: MediaStream): Promise<AudioMixer> {
  const context = new AudioContext({ latencyHint: 'interactive' });
  await context.resume();
  const destination = context.createMediaStreamDestination();
  const mic = context.createMediaStreamSource(microphone);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  mic.connect(destination);
  mic.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);

  return {
    track: destination.stream.getAudioTracks()[0]!,
    async play(audio) {
      // decodeAudioData detaches its buffer: give it a copy.
      const buffer = await context.decodeAudioData(audio.slice().buffer);
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(destination);
      source.connect(context.destination);
      // Ends with the sound, or when the mix is closed mid-question (the recording had to stop).
      const ended = new Promise<void>((resolve) => {
        source.addEventListener('ended', () => resolve(), { once: true });
        context.addEventListener('statechange', () => context.state === 'closed' && resolve());
      });
      source.start();
      await ended;
      return { durationMs: buffer.duration * 1000 };
    },
    level() {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      return Math.min(1, Math.sqrt(sum / samples.length) * 4);
    },
    close: () => context.close(),
  };
}
