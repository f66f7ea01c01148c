// Who is in which room, and what happens when someone comes or goes: the others hear of it, and every pair of
// participants gets a subscribing connection in each direction.
import type { Member } from './member';

export const MAX_PARTICIPANTS_PER_ROOM = 16;

export type JoinResult = { ok: true } | { ok: false; reason: string };

export class Rooms {
  private readonly rooms = new Map<string, Map<string, Member>>();

  /**
   * Adds `member` to its room. Someone already there under the same id is removed first (`onReplaced` ends their
   * socket): a participant who reconnects before the server noticed the old socket was gone takes its place.
   */
  join(member: Member, expiresAt: number, onReplaced: (old: Member) => void): JoinResult {
    const room = this.rooms.get(member.room) ?? new Map<string, Member>();
    const old = room.get(member.id);
    if (old) {
      this.leave(old);
      onReplaced(old);
    }
    if (room.size >= MAX_PARTICIPANTS_PER_ROOM) {
      return { ok: false, reason: `room "${member.room}" is full (${MAX_PARTICIPANTS_PER_ROOM} participants)` };
    }
    this.rooms.set(member.room, room);
    const others = [...room.values()];
    room.set(member.id, member);
    member.send({ type: 'joined', participantId: member.id, participants: others.map((o) => o.info), expiresAt });
    for (const other of others) {
      other.send({ type: 'participant-joined', participant: member.info });
      void member.subscribeTo(other).catch((error: unknown) => console.error('dev call: subscribing failed:', error));
      void other.subscribeTo(member).catch((error: unknown) => console.error('dev call: subscribing failed:', error));
    }
    return { ok: true };
  }

  /** Removes `member` (if it is still the one in the room), tells the others and closes its connections. */
  leave(member: Member): void {
    const room = this.rooms.get(member.room);
    if (room?.get(member.id) === member) {
      room.delete(member.id);
      if (room.size === 0) this.rooms.delete(member.room);
      for (const other of room.values()) {
        other.unsubscribeFrom(member.id);
        other.send({ type: 'participant-left', participantId: member.id });
      }
    }
    void member.close();
  }

  /** Tells the others that `member`'s mute state changed. */
  updated(member: Member): void {
    for (const other of this.rooms.get(member.room)?.values() ?? []) {
      if (other !== member) other.send({ type: 'participant-updated', participant: member.info });
    }
  }

  members(): Member[] {
    return [...this.rooms.values()].flatMap((room) => [...room.values()]);
  }
}
