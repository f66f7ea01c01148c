/** One remote participant's received track, with how to read its receiver's statistics. */
export interface RemoteTrack {
  track: MediaStreamTrack;
  /** The receiver's stats (inbound-rtp), when the SDK exposes them. */
  stats?: () => Promise<RTCStatsReport | undefined>;
  /** Bits per second received on it lately, when the SDK measures it per track. */
  bitrate?: () => number;
}

/** Frames decoded and packets lost over the inbound video streams of one receiver's report. */
export function inboundVideo(report: RTCStatsReport | undefined): { framesDecoded: number; packetsLost: number } {
  let framesDecoded = 0;
  let packetsLost = 0;
  // forEach, not iteration: RTCStatsReport is maplike and iterating it needs DOM.Iterable typings.
  report?.forEach((entry: { type?: string; kind?: string; framesDecoded?: number; packetsLost?: number }) => {
    if (entry.type !== 'inbound-rtp' || entry.kind !== 'video') return;
    framesDecoded += entry.framesDecoded ?? 0;
    packetsLost += entry.packetsLost ?? 0;
  });
  return { framesDecoded, packetsLost };
}

/**
 * The tracks received from each remote participant and the elements showing them. An element attached before a
 * participant's video arrives (or again after it was replaced) is updated when it does.
 */
export function createRemoteMedia() {
  const tracks = new Map<string, { audio?: RemoteTrack; video?: RemoteTrack }>();
  const elements = new Map<string, Set<HTMLVideoElement>>();

  const show = (element: HTMLVideoElement, id: string) => {
    const media = tracks.get(id);
    const live = [media?.video?.track, media?.audio?.track].filter((t): t is MediaStreamTrack => t !== undefined);
    element.srcObject = live.length ? new MediaStream(live) : null;
    // Autoplay can be refused until the page has had a user gesture; the element plays on the next one then.
    if (live.length) element.play().catch(() => undefined);
  };
  const refresh = (id: string) => elements.get(id)?.forEach((element) => show(element, id));

  return {
    set(id: string, kind: 'audio' | 'video', track: RemoteTrack | undefined) {
      const media = { ...tracks.get(id), [kind]: track };
      if (!media.audio && !media.video) tracks.delete(id);
      else tracks.set(id, media);
      refresh(id);
    },
    remove(id: string) {
      tracks.delete(id);
      refresh(id);
    },
    clear() {
      for (const id of [...tracks.keys()]) this.remove(id);
    },
    attach(id: string, element: HTMLVideoElement): () => void {
      const set = elements.get(id) ?? new Set();
      set.add(element);
      elements.set(id, set);
      show(element, id);
      return () => {
        if (!set.delete(element)) return;
        if (!set.size) elements.delete(id);
        element.srcObject = null;
      };
    },
    /** Frames of video decoded per participant, packets lost over all of them, and the per-track bitrates summed. */
    async videoStats(): Promise<{ framesDecoded: Record<string, number>; packetsLost: number; receiveBitsPerSecond?: number }> {
      const framesDecoded: Record<string, number> = {};
      let packetsLost = 0;
      const rates = [...tracks.values()].flatMap((media) => [media.audio, media.video]).filter((t) => t?.bitrate);
      const receiveBitsPerSecond = rates.length ? rates.reduce((sum, t) => sum + t!.bitrate!(), 0) : undefined;
      await Promise.all(
        [...tracks].map(async ([id, media]) => {
          if (!media.video) return;
          const counts = inboundVideo(await media.video.stats?.().catch(() => undefined));
          framesDecoded[id] = counts.framesDecoded;
          packetsLost += counts.packetsLost;
        }),
      );
      return { framesDecoded, packetsLost, receiveBitsPerSecond };
    },
  };
}

export type RemoteMedia = ReturnType<typeof createRemoteMedia>;
