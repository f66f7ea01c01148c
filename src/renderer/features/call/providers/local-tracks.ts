/**
 * The call publishes clones of the interview's camera and microphone tracks, never the tracks themselves: the
 * SDKs disable a track to mute it and stop it when they leave, and the local recording (the master) must not go
 * black, silent or dead because of the call. A clone shares the device and costs no second capture.
 */
export function cloneForCall(tracks: readonly MediaStreamTrack[]): { audio?: MediaStreamTrack; video?: MediaStreamTrack } {
  const audio = tracks.find((t) => t.kind === 'audio' && t.readyState === 'live');
  const video = tracks.find((t) => t.kind === 'video' && t.readyState === 'live');
  return { audio: audio?.clone(), video: video?.clone() };
}

export function stopClones(clones: { audio?: MediaStreamTrack; video?: MediaStreamTrack }): void {
  clones.audio?.stop();
  clones.video?.stop();
}
