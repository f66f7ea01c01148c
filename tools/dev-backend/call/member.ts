// One joined participant on the server: their socket, what the others see of them, their publishing connection
// (with the Publication that fans their media out) and one subscribing connection per other participant.
import type { DevCallErrorCode, DevCallParticipant, DevCallServerMessage } from '../../../src/shared/call/dev-call-protocol';
import { Publication } from './forwarding';
import { Peer } from './peer';

interface Subscription {
  peer: Peer;
  stop: () => void;
}

export interface MemberSocket {
  send(message: DevCallServerMessage): void;
  /** Sends an `error` and ends the socket. */
  fail(code: DevCallErrorCode, message: string): void;
}

export class Member {
  private readonly publishing = new Peer(() => undefined);
  readonly publication = new Publication(this.publishing.pc);
  private readonly subscriptions = new Map<string, Subscription>();
  private closed = false;

  constructor(
    readonly room: string,
    public info: DevCallParticipant,
    private readonly socket: MemberSocket,
  ) {}

  get id(): string {
    return this.info.id;
  }

  send(message: DevCallServerMessage): void {
    if (!this.closed) this.socket.send(message);
  }

  /** Ends this participant's socket with an `error` (also after `close()`: a replaced member is closed first). */
  kick(code: DevCallErrorCode, message: string): void {
    this.socket.fail(code, message);
  }

  /** The browser's publishing offer: answered once the server has gathered its candidates. */
  async publish(offerSdp: string): Promise<void> {
    this.send({ type: 'answer', sdp: await this.publishing.answer(offerSdp) });
  }

  /** Offers `publisher`'s media to this participant on a connection of its own. */
  async subscribeTo(publisher: Member): Promise<void> {
    if (this.closed || this.subscriptions.has(publisher.id)) return;
    const peer = new Peer((state) => {
      // A decoder that starts now needs a keyframe, not the next periodic one.
      if (state === 'connected') publisher.publication.requestKeyframe();
    });
    const subscription: Subscription = { peer, stop: () => undefined };
    this.subscriptions.set(publisher.id, subscription);
    const { sdp, audio, video } = await peer.offer();
    if (this.subscriptions.get(publisher.id) !== subscription) return;
    subscription.stop = publisher.publication.subscribe(audio.sender, video.sender);
    this.send({ type: 'offer', from: publisher.id, sdp });
  }

  unsubscribeFrom(publisherId: string): void {
    const subscription = this.subscriptions.get(publisherId);
    if (!subscription) return;
    this.subscriptions.delete(publisherId);
    subscription.stop();
    void subscription.peer.close();
  }

  acceptAnswer(from: string, sdp: string): Promise<void> {
    const subscription = this.subscriptions.get(from);
    if (!subscription) return Promise.resolve();
    return subscription.peer.acceptAnswer(sdp);
  }

  addCandidate(from: string | undefined, candidate: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null }) {
    const peer = from === undefined ? this.publishing : this.subscriptions.get(from)?.peer;
    return peer?.addCandidate({
      candidate: candidate.candidate,
      sdpMid: candidate.sdpMid ?? undefined,
      sdpMLineIndex: candidate.sdpMLineIndex ?? undefined,
    });
  }

  /** Ends every connection of this participant; the socket is the caller's. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const id of [...this.subscriptions.keys()]) this.unsubscribeFrom(id);
    this.publication.close();
    await this.publishing.close();
  }
}
