import { api } from '../../api';

/**
 * Each question's audio, fetched once (the next one while the current plays) and played through `play` — to the
 * speakers and into the recording. `say(index)` answers why it could only be shown when there is no audio.
 */
export function createQuestionAudio(count: number, play: (audio: Uint8Array) => Promise<unknown>) {
  const fetched = new Map<number, ReturnType<typeof api.getQuestionAudio>>();
  const audioFor = (index: number) => {
    if (!fetched.has(index)) fetched.set(index, api.getQuestionAudio({ questionIndex: index }));
    return fetched.get(index)!;
  };
  return {
    async say(index: number): Promise<string | null> {
      if (index + 1 < count) void audioFor(index + 1);
      const sound = await audioFor(index);
      if (sound.source === 'none') return sound.reason;
      await play(sound.audio);
      return null;
    },
  };
}
