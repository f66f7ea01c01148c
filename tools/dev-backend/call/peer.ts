// One server-side WebRTC connection (werift): either a participant's publishing connection (the browser offers,
// the server answers) or the server offering one other participant's media to a subscriber. The server gathers
// before it answers or offers, so its SDP carries all its candidates; the browser's candidates trickle in.
import type * as Werift from 'werift';
import type { RTCIceCandidateInit, RTCPeerConnection, RTCRtpTransceiver } from 'werift';
import { createSerialQueue } from '../../../src/shared/async/serial-queue';

/** werift takes ~0.3 s and ~20 MB to load: only a backend that hosts a call pays for it. */
let werift: typeof Werift | undefined;

/** Loads the WebRTC stack; called before the first `Peer` is made. */
export async function loadWebRtc(): Promise<void> {
  werift ??= await import('werift');
}

export type PeerState = 'connecting' | 'connected' | 'failed' | 'closed';

/**
 * VP8 and Opus only, so every publisher's packets fit every subscriber without transcoding (payload types are
 * rewritten per connection). Loopback is added to the host candidates: Chromium offers 127.0.0.1 only with
 * `--allow-loopback-in-peer-connection`, and the machine may have no other interface.
 */
function newConnection(): RTCPeerConnection {
  if (!werift) throw new Error('the WebRTC stack is not loaded (loadWebRtc)');
  const { RTCPeerConnection, useAbsSendTime, useOPUS, useSdesMid, useVP8 } = werift;
  return new RTCPeerConnection({
    codecs: { audio: [useOPUS()], video: [useVP8()] },
    headerExtensions: { audio: [useSdesMid()], video: [useSdesMid(), useAbsSendTime()] },
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceUseIpv6: false,
  });
}

export class Peer {
  readonly pc = newConnection();
  private readonly queue = createSerialQueue();
  private closed = false;

  constructor(onState: (state: PeerState) => void) {
    this.pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') onState('connected');
      else if (state === 'failed') onState('failed');
      else if (state === 'closed') onState('closed');
    });
  }

  /** Publishing: the browser's offer in, the server's answer out (audio and video received). */
  answer(offerSdp: string): Promise<string> {
    return this.queue.run(async () => {
      await this.pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      await this.pc.setLocalDescription(await this.pc.createAnswer());
      return this.pc.localDescription!.sdp;
    });
  }

  /** Subscribing: one send-only audio and video transceiver, offered to the browser. */
  offer(): Promise<{ sdp: string; audio: RTCRtpTransceiver; video: RTCRtpTransceiver }> {
    return this.queue.run(async () => {
      const audio = this.pc.addTransceiver('audio', { direction: 'sendonly' });
      const video = this.pc.addTransceiver('video', { direction: 'sendonly' });
      await this.pc.setLocalDescription(await this.pc.createOffer());
      return { sdp: this.pc.localDescription!.sdp, audio, video };
    });
  }

  acceptAnswer(sdp: string): Promise<void> {
    return this.queue.run(() => this.pc.setRemoteDescription({ type: 'answer', sdp }));
  }

  /** Candidates are applied in order after the descriptions they belong to. */
  addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    return this.queue.run(async () => {
      if (!this.closed) await this.pc.addIceCandidate(candidate);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pc.close().catch(() => undefined);
  }
}
