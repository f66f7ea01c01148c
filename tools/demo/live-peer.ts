// The other participant of `npm run demo -- --live`: a second headless Chromium with devices of its own (a green
// picture and a 1200 Hz tone unless --peer-fake-… says otherwise) that joins the interview's channel on the
// development call server before the candidate does, shows the candidate's video as it receives it, counts its
// decoded frames and keeps a PNG of one of them.
import fs from 'node:fs';
import path from 'node:path';
import { DEV_CALL_TOKEN_PATH } from '../../src/shared/call/dev-call-protocol';
import type { CallEvent } from '../../src/renderer/features/call/interview-call';
import { projectRoot } from '../../test/support/built';
import { serveBrowserBundle } from '../../test/support/browser-bundle';
import {
  devCallTokens,
  openCallParticipant,
  participantCamera,
  participantMicrophone,
  type ParticipantMedia,
} from '../../test/support/call-participant';

const PEER_ID = 'interviewer';
const JOIN_TIMEOUT_MS = 15_000;
/** A snapshot is taken once this many of the candidate's frames were decoded: the picture has settled by then. */
const SNAPSHOT_AFTER_FRAMES = 30;
const POLL_MS = 500;

export interface PeerOptions {
  /** Where the generated devices and the snapshot go. */
  dir: string;
  /** `npm start`'s development backend, whose call server the interview uses. */
  backendUrl: string;
  channel: string;
  video?: string;
  audio?: string;
}

/** What the other participant received of the candidate. */
export interface RemoteView {
  participantId: string | null;
  framesDecoded: number;
  /** A PNG of the candidate's video as received, or null if no frame arrived. */
  snapshot: string | null;
}

export const NO_DEV_BACKEND =
  'npm start ran no development backend (IREC_DEV_BACKEND=0, or IREC_AGORA_URL/IREC_LIVEKIT_URL/IREC_MEDIA_API_URL set), ' +
  'so there is no development call server for --live: unset them.';

/** The development backend's address, from the line `npm start` prints when it starts one. */
export function devBackendUrl(appOutput: string): string {
  const match = /Development backend .* at (http:\/\/127\.0\.0\.1:\d+)/.exec(appOutput);
  if (!match) throw new Error(NO_DEV_BACKEND);
  return match[1]!;
}

/** The other participant's camera and microphone: the given files, else a green picture and a 1200 Hz tone. */
export async function peerMedia(dir: string, video?: string, audio?: string): Promise<ParticipantMedia> {
  return {
    camera: video ?? (await participantCamera(dir, 'peer', 'color=c=green:size=640x480:rate=30')),
    microphone: audio ?? (await participantMicrophone(dir, 'peer', 1200)),
  };
}

export async function joinAsPeer(options: PeerOptions) {
  const media = await peerMedia(options.dir, options.video, options.audio);
  const bundle = await serveBrowserBundle(path.join(projectRoot, 'test/support/dev-call-page.ts'));
  const peer = await openCallParticipant(bundle.url, media, devCallTokens(`${options.backendUrl}${DEV_CALL_TOKEN_PATH}`)).catch(
    async (error: unknown) => {
      await bundle.close();
      throw error;
    },
  );
  const { page } = peer;
  const view: RemoteView = { participantId: null, framesDecoded: 0, snapshot: null };
  const snapshotFile = path.join(options.dir, 'remote-snapshot.png');

  /** Follows the candidate: shows them once they join, counts their frames, keeps one picture. */
  async function watch(): Promise<void> {
    const events: CallEvent[] = await page.evaluate(() => window.callPage.events());
    const joined = events.find((e) => e.type === 'participant-joined' && !e.participant.isLocal);
    if (!joined || joined.type !== 'participant-joined') return;
    view.participantId ??= joined.participant.id;
    const id = view.participantId;
    await page.evaluate((who) => window.callPage.show(who), id);
    const decoded = await page.evaluate(async (who) => (await window.callPage.stats()).framesDecoded[who] ?? 0, id);
    view.framesDecoded = Math.max(view.framesDecoded, decoded);
    if (!view.snapshot && view.framesDecoded >= SNAPSHOT_AFTER_FRAMES) {
      const png = await page.evaluate((who) => window.callPage.snapshot(who), id);
      if (png) {
        fs.writeFileSync(snapshotFile, Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64'));
        view.snapshot = snapshotFile;
      }
    }
  }

  const polling: { timer?: NodeJS.Timeout } = {};
  let watching = Promise.resolve();
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      clearInterval(polling.timer);
      await watching;
      await peer.browser.close();
      await bundle.close();
    })());
  try {
    const joined = await page.evaluate((request) => window.callPage.join(request), {
      serverUrl: options.backendUrl,
      room: options.channel,
      participantId: PEER_ID,
      timeoutMs: JOIN_TIMEOUT_MS,
    });
    if (!joined.ok) throw new Error(`the other participant could not join the call: ${joined.error.kind} (${joined.error.detail})`);
  } catch (error) {
    await close();
    throw error;
  }
  polling.timer = setInterval(() => {
    watching = watching.then(watch).catch(() => undefined);
  }, POLL_MS);

  return {
    /** Stops watching, leaves the call and closes the browser; what was received until then. */
    async finish(): Promise<RemoteView> {
      clearInterval(polling.timer);
      await watching;
      await watch().catch(() => undefined);
      await close();
      return view;
    },
    close,
  };
}

export type DemoPeer = Awaited<ReturnType<typeof joinAsPeer>>;
