// `npm run fetch:ffmpeg`: downloads the ffmpeg-static binary (skipped by `npm ci`) that the packaged app ships.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fetchOrExplain } from '../lib/fetch-or-explain.mjs';

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('ffmpeg-static/package.json'));

fetchOrExplain({
  what: 'the ffmpeg-static binary',
  command: process.execPath,
  args: [path.join(dir, 'install.js')],
  cwd: dir,
  howToSupply:
    'ffmpeg-static downloads from GitHub. Set FFMPEG_BINARIES_URL to a mirror of its releases, or point the app at any ' +
    'ffmpeg with FFMPEG_PATH and FFPROBE_PATH, or install one (Debian: apt-get install ffmpeg). `irec doctor` shows which is used.',
});
