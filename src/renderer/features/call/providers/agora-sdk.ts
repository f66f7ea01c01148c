// agora-rtc-sdk-ng behind the seam (agora-seam.ts). Loaded only when an Agora call starts (a dynamic import), so
// the SDK costs nothing to an interview without one.
import AgoraRTC, { type IAgoraRTCClient, type ILocalTrack } from 'agora-rtc-sdk-ng';
import type { AgoraClient, AgoraLocalTrack, AgoraSdk } from './agora-seam';

/** Warnings and errors only in the console (0 debug … 4 none); log upload to Agora stays off (its default). */
const AGORA_LOG_WARNING = 2;

function adaptClient(client: IAgoraRTCClient): AgoraClient {
  return {
    join: (appId, channel, token, uid) => client.join(appId, channel, token, uid),
    leave: () => client.leave(),
    // The tracks passed in are the SDK's own (made by createCustom*Track below), seen through the seam's type.
    publish: (tracks) => client.publish(tracks as unknown as ILocalTrack[]),
    subscribe: (user, mediaType) => client.subscribe(user.uid, mediaType),
    renewToken: (token) => client.renewToken(token),
    getRTCStats: () => client.getRTCStats(),
    on: (event, listener) => client.on(event, listener as (...args: unknown[]) => void),
    removeAllListeners: () => client.removeAllListeners(),
  };
}

export function loadAgoraSdk(): AgoraSdk {
  AgoraRTC.setLogLevel(AGORA_LOG_WARNING);
  return {
    // "rtc" (a call, everyone may publish) and VP8, which every Agora SDK and browser decodes.
    createClient: () => adaptClient(AgoraRTC.createClient({ mode: 'rtc', codec: 'vp8' })),
    createCustomVideoTrack: (track) => AgoraRTC.createCustomVideoTrack({ mediaStreamTrack: track }) as AgoraLocalTrack,
    createCustomAudioTrack: (track) => AgoraRTC.createCustomAudioTrack({ mediaStreamTrack: track }) as AgoraLocalTrack,
  };
}
