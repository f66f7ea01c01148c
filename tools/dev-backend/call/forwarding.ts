// Selective forwarding of one participant's published media: every RTP packet that arrives on their publishing
// connection goes out unchanged (payload) on each subscriber's sender of the same kind. The sender rewrites SSRC,
// payload type, sequence numbers and its own header extensions; the publisher's extensions are dropped because
// their ids were negotiated on another connection. New decoders need a keyframe: one is requested when a
// subscriber connects, when a subscriber reports a lost picture (PLI), and every few seconds.
import type { MediaStreamTrack, RTCPeerConnection, RTCRtpReceiver, RTCRtpSender, RtpPacket } from 'werift';

type Kind = 'audio' | 'video';

/** At most one keyframe request this often, however many subscribers ask. */
const MIN_KEYFRAME_GAP_MS = 500;
const PERIODIC_KEYFRAME_MS = 3_000;
/** RFC 8285's one-byte header profile, the form the sender writes its own extensions in. */
const ONE_BYTE_EXTENSIONS = 0xbede;

export class Publication {
  private readonly senders: Record<Kind, Set<RTCRtpSender>> = { audio: new Set(), video: new Set() };
  private video: { track: MediaStreamTrack; receiver: RTCRtpReceiver } | undefined;
  private lastKeyframeRequest = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(pc: RTCPeerConnection) {
    pc.ontrack = ({ track, receiver }) => {
      const kind = track.kind as Kind;
      if (kind === 'video') this.video = { track, receiver };
      track.onReceiveRtp.subscribe((rtp) => this.forward(kind, rtp));
    };
    this.timer = setInterval(() => this.requestKeyframe(true), PERIODIC_KEYFRAME_MS);
    this.timer.unref();
  }

  private forward(kind: Kind, rtp: RtpPacket): void {
    const senders = this.senders[kind];
    if (senders.size === 0) return;
    const packet = rtp.clone();
    packet.header.extensions = [];
    packet.header.extension = false;
    packet.header.extensionProfile = ONE_BYTE_EXTENSIONS;
    for (const sender of senders) sender.sendRtp(packet).catch(() => undefined);
  }

  /** Starts forwarding to a subscriber's senders; the returned function stops it. */
  subscribe(audio: RTCRtpSender, video: RTCRtpSender): () => void {
    this.senders.audio.add(audio);
    this.senders.video.add(video);
    const onPli = video.onPictureLossIndication.subscribe(() => this.requestKeyframe(false));
    return () => {
      onPli.unSubscribe();
      this.senders.audio.delete(audio);
      this.senders.video.delete(video);
    };
  }

  /** Asks the publisher's browser for a keyframe (RTCP PLI); `periodic` ones only while someone is watching. */
  requestKeyframe(periodic = false): void {
    const video = this.video;
    const ssrc = video?.track.ssrc;
    if (!video || ssrc === undefined || (periodic && this.senders.video.size === 0)) return;
    const now = Date.now();
    if (now - this.lastKeyframeRequest < MIN_KEYFRAME_GAP_MS) return;
    this.lastKeyframeRequest = now;
    video.receiver.sendRtcpPLI(ssrc).catch(() => undefined);
  }

  close(): void {
    clearInterval(this.timer);
    this.senders.audio.clear();
    this.senders.video.clear();
  }
}
