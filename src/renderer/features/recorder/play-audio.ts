/**
 * Decodes `audio` and plays it into each destination; resolves when it has finished, or when the context is
 * closed first (a recording that had to stop must not leave anyone waiting for the end of a question).
 */
export async function playAudio(context: AudioContext, audio: Uint8Array, destinations: AudioNode[]): Promise<{ durationMs: number }> {
  // decodeAudioData detaches its buffer: give it a copy.
  const buffer = await context.decodeAudioData(audio.slice().buffer);
  const source = context.createBufferSource();
  source.buffer = buffer;
  for (const destination of destinations) source.connect(destination);
  const ended = new Promise<void>((resolve) => {
    source.addEventListener('ended', () => resolve(), { once: true });
    context.addEventListener('statechange', () => context.state === 'closed' && resolve());
  });
  source.start();
  await ended;
  return { durationMs: buffer.duration * 1000 };
}
