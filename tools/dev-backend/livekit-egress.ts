// The processing step after a LiveKit egress is stopped: the audio file is made, put into the bucket at the
// documented `recordings/<room>/<egressId>.mp3` and the egress turns status 1 — or 2 when told to fail. Status
// stays 0 until the file is really there, however long the upload takes.
import type { DevContext } from './context';

export async function finishEgress(ctx: DevContext, egressId: string): Promise<void> {
  const find = () => ctx.store.state.livekit.find((e) => e.egressId === egressId);
  const egress = find();
  if (!egress || egress.status !== 0 || !egress.endedAt) return;
  const duration = Math.max(0, Math.round((Date.parse(egress.endedAt) - Date.parse(egress.startedAt)) / 1000));
  if (egress.willFail) {
    egress.status = 2;
    egress.error = 'Egress failed: the recorder lost its connection to the room (dev-backend recordingFailed fault)';
    ctx.store.save();
    return;
  }
  const key = `recordings/${egress.roomName}/${egressId}.mp3`;
  let url: string;
  try {
    url = await ctx.objects.put(key, await ctx.samples.audio(duration), 'audio/mpeg');
  } catch (error) {
    egress.status = 2;
    egress.error = `Egress failed: could not upload the recording: ${(error as Error).message}`;
    ctx.store.save();
    return;
  }
  // Deleted while uploading: do not resurrect it, and take the file back out.
  if (!find()) return ctx.objects.delete(key);
  Object.assign(egress, { status: 1, downloadUrl: url, objectKey: key, duration });
  ctx.store.save();
}

/** After a restart: egresses that were stopped but not yet processed finish when they would have. */
export function resumeEgresses(ctx: DevContext): void {
  for (const egress of ctx.store.state.livekit) {
    if (egress.status === 0 && egress.endedAt) {
      ctx.background.later((egress.readyAt ?? 0) - Date.now(), () => finishEgress(ctx, egress.egressId));
    }
  }
}
