// What the development server says about the room, applied to the shared call state and received media: the full
// list after each (re)join, and the joins, changes and departures in between. Unchanged news emits nothing.
import type { DevCallParticipant } from '../../../../shared/call/dev-call-protocol';
import type { Participant } from '../interview-call';
import type { CallStateStore } from './call-state';
import type { SessionEvents } from './dev-call-session';
import type { RemoteMedia } from './remote-media';

const sameInfo = (known: Participant | undefined, p: DevCallParticipant) =>
  !!known &&
  known.displayName === p.displayName &&
  known.hasAudio === p.hasAudio &&
  known.hasVideo === p.hasVideo &&
  known.audioMuted === p.audioMuted &&
  known.videoMuted === p.videoMuted;

export type RosterEvents = Pick<SessionEvents, 'joined' | 'participantJoined' | 'participantUpdated' | 'participantLeft' | 'remoteTrack'>;

export function rosterEvents(store: CallStateStore, media: RemoteMedia): RosterEvents {
  const upsert = (p: DevCallParticipant) => {
    const known = store.participants().find((q) => q.id === p.id);
    if (p.id !== store.local.id && !sameInfo(known, p)) store.upsert(p.id, p);
  };
  const left = (id: string) => {
    store.remove(id);
    media.remove(id);
  };
  return {
    joined(list) {
      // Whoever left while this participant was away is gone; the list is the room as it is now.
      const present = new Set(list.map((p) => p.id));
      for (const p of store.participants()) if (!p.isLocal && !present.has(p.id)) left(p.id);
      list.forEach(upsert);
    },
    participantJoined: upsert,
    participantUpdated: upsert,
    participantLeft: left,
    remoteTrack: (id, track) => media.set(id, track.kind as 'audio' | 'video', { track }),
  };
}
