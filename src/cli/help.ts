import { CLI_NAME, PRODUCT_NAME } from '../shared/product';

export const HELP = `${CLI_NAME} — ${PRODUCT_NAME} command-line tool (the app's own services, for support and IT)

Usage: ${CLI_NAME} <command> [options]

Commands:
  doctor                 Check this installation: version, configuration sources and problems, data folder
                         and free space, catalog integrity, ffmpeg/ffprobe, Electron and Chromium runtimes.
                         Exits 0 when healthy, 1 with the reasons otherwise.
  recordings list        List recordings in the catalog, newest first.  [--limit <n>] [--offset <n>]
  recordings show <id>   One recording: state, segments and chunks, finished files with duration and sha256,
                         chapters and proctoring events.
  merge <id>             Finalize a recording now: join its segments by stream copy (no re-encoding) into one
                         seekable MP4 (H.264) or WebM file with a chapter per question, then verify it with
                         ffprobe (duration, streams, last second decodes) and store its sha256. Progress bar on
                         a terminal; Ctrl+C cancels and leaves it ready to run again.
  recover                Find recordings interrupted by a crash, power cut or quit: cut each back to its last
                         whole chunk, then finalize and verify it (and any stopped recording not yet finalized).
                         Recordings the app is recording right now are left alone. The app does this at start-up.
  upload <id>            Upload a finalized recording to S3 (the finalized file, then a JSON manifest) through the
                         resumable queue, then verify it in the bucket (size and MD5/ETag) before calling it
                         uploaded. Progress bar with speed and ETA on a terminal.
  upload --pending       Resume every unfinished upload and upload every finalized recording not yet uploaded.
  upload --file <path>   Upload any file through the same queue.  [--key <object-key>] (default
                         <prefix>files/<date>/<name>). Safe to kill at any moment: running the same command
                         again resumes from the last part S3 confirmed; it never starts over.
  uploads list           Every upload job, newest first: state, bytes and parts confirmed, key, last error.
  script check <file>    Validate an interview script and show its questions; errors name each field.
  help                   Show this text.

Options (any command):
  --json                 Machine-readable output on stdout.
  --data-dir <dir>       Use this data folder (same as IREC_DATA_DIR).
  --set <key>=<value>    Override one setting, e.g. --set s3.bucket=interviews (value parsed as JSON if it is).
  -h, --help             Show this text.   -v, --version   Print the version.

Configuration layers, lowest first: defaults < IT policy file < user settings (IREC_CONFIG) < IREC_* < flags.
Run \`${CLI_NAME} doctor\` to see which files are in effect. In development: npm run -s irec -- <command>.

Exit codes: 0 success, 1 failure or unhealthy, 2 wrong usage.`;
