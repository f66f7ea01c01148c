import { CLI_NAME, PRODUCT_NAME } from '../shared/product';
import { EXIT_CODES_HELP } from './exit-codes';

export const HELP = `${CLI_NAME} — ${PRODUCT_NAME} command-line tool (the app's own services, for support and IT)

Usage: ${CLI_NAME} <command> [options]

Commands:
  doctor                 Check this installation: version and the Node that runs it, configuration sources and
                         problems, the policies in force, data folder and free space, catalog integrity,
                         ffmpeg/ffprobe, Electron and Chromium runtimes.
                         Exits 0 when healthy, 1 with the reasons otherwise. After the catalog was found
                         damaged, empty or missing (it is moved aside and its recordings re-indexed from their
                         folders), doctor says so and exits 1 until that is acknowledged:
  doctor --ack           Acknowledge that notice (the app's "Dismiss" does the same), then check as above.
  recordings list        List recordings in the catalog, newest first.  [--limit <n>] [--offset <n>]
  recordings show <id>   One recording: state, segments and chunks, finished files with duration and sha256,
                         chapters and proctoring events.
  merge <id>             Finalize a recording now: join its segments by stream copy (no re-encoding) into one
                         seekable MP4 (H.264) or WebM file with a chapter per question, then verify it with
                         ffprobe (duration, streams, last second decodes) and store its sha256. Progress bar on
                         a terminal; Ctrl+C cancels and leaves it ready to run again.
  recover                Find recordings interrupted by a crash, power cut, reload or quit: cut each back to its
                         last whole chunk and pause it, waiting for the candidate to continue the interview or
                         submit what was recorded (the app offers both); finalize and verify any stopped
                         recording not yet finalized. Recordings a live process still holds are left alone and
                         listed with that process (pid, runtime, start time); that is not a failure. The app
                         does this at start-up.
  recover --submit-paused
                         The same, and submit every paused interview as it is: finalized, verified and uploaded
                         like any stopped recording.
  upload <id>            Upload a finalized recording to S3 (the finalized file, then a JSON manifest) through the
                         resumable queue, then verify it in the bucket (size and MD5/ETag) before calling it
                         uploaded. Progress bar with speed and ETA on a terminal.
  upload --pending       Resume every unfinished upload and upload every finalized recording not yet uploaded.
  upload --file <path>   Upload any file through the same queue.  [--key <object-key>] (default
                         <prefix>files/<date>/<name>). Safe to kill at any moment: running the same command
                         again resumes from the last part S3 confirmed; it never starts over.
  uploads list           Every upload job, newest first: state, bytes and parts confirmed, key, last error.
  cloud list             Cloud recordings and Media Recording API streams in the catalog, with their state, URL
                         and any call still owed to a backend (the outbox).  [--interview <id>]
                         A recording streams to the Media API while it is recorded, one session per segment:
                         irec-<recording>, then irec-<recording>-s1, -s2 … for retakes; finalized at stop.
  cloud deliver          Try every owed call (stops, Media API chunks and finalize) now; exits 1 while some
                         remain (a recording still being recorded keeps its stream owed). The app does this by
                         itself, with backoff, for as long as it takes.

  agora start   --channel <name> --uid <digits> [--schedule <id>]       Start an Agora cloud recording.
  agora query   --channel <name> --uid <digits> --resource-id <id> --sid <sid>   Its status (0–8, 20) in words.
  agora stop    --channel <name> --uid <digits> --resource-id <id> --sid <sid> [--schedule <id>]
                         Stop it and list its files. No files means the backend has no cloud storage
                         configured: reported as a failure (exit 5), not as success.
  agora list    --schedule <id>            Recordings of an interview schedule, with recording_url.
  livekit start --room <name>              Start a LiveKit room recording (egress).
  livekit stop|status|delete --egress <id> Stop, report (status --wait polls until ready or failed) or delete it.
  livekit list  --room <name>              A room's recordings. Calls stay under the documented rate limits.
  call check --provider agora|livekit|dev [--channel <name>] [--timeout <s>]
                         Test live calls step by step, each with its time: the settings are there; the service
                         answers (DNS, TCP, TLS: Agora's gateway hosts, the LiveKit server, the development call
                         server); a token from the configured endpoint; then headless Chromium (fake camera and
                         microphone) joins and leaves the channel (default a new irec-check-…) with the app's own
                         call provider. --timeout bounds each network step (default calls.joinTimeoutSeconds).
                         Exits 0 when every step passed; 4 not configured or no Chromium; 5 the service failed.
  media init    --site <host> [--session <id>] [--expected-chunks <n>] [--storage <id>]
  media chunk   --session <id> --index <n> --file <path> [--total-chunks <n>]   Idempotent by index.
  media finalize --session <id> --total-chunks <n> [--total-size <bytes>] [--async]
  media status  --session <id>             Which chunks the server has (and which are missing).
  media video   --session <id>             The video's state and final URL.
  media upload  --file <path> [--site <host>] [--session <id>]   A whole file in chunks, resumable, then finalize.
  notes list <interview> The interviewer's notes on an interview, as typed: where each falls in the local and the
                         cloud recording (mm:ss; — when that recording was not running), its question, its author.
  notes export <interview> [--format json|md] [--out <file>]
                         The notes by question and the scorecard as Markdown (default) or JSON (schema
                         interview-recorder/notes@1, docs/interviewer.md), on stdout or into a user-only file.
                         --json alone means --format json; with --out it makes the summary line JSON. An unknown
                         interview exits 3.
  script check <file>    Validate an interview script and show its questions; errors name each field.
  script check --link <link>   The same for the script an interview-recorder:// or https invite link opens,
                         fetched as the app would (hosts in interview.inviteHosts only); nothing is opened.
  help                   Show this text.

Options (any command):
  --json                 Machine-readable output on stdout.
  --data-dir <dir>       Use this data folder (same as IREC_DATA_DIR).
  --set <key>=<value>    Override one setting, e.g. --set s3.bucket=interviews (value parsed as JSON if it is).
  -h, --help             Show this text.   -v, --version   Print the version.

Backends: backends.agora.baseUrl (IREC_AGORA_URL), backends.livekit.baseUrl + token (IREC_LIVEKIT_URL,
IREC_LIVEKIT_TOKEN), backends.mediaApi.baseUrl + site (IREC_MEDIA_API_URL, IREC_MEDIA_API_SITE). A backend's
error exits 5 with its message; a backend that is not configured, 4.

In an installed app, where the app binary cannot run as Node, the app runs these commands itself, headless, with
the same options and exit codes (even while its window is open):
  Linux:   "/opt/Interview Recorder/interview-recorder" --cli doctor
  macOS:   "/Applications/Interview Recorder.app/Contents/MacOS/Interview Recorder" --cli doctor
  Windows: "C:\\Program Files\\Interview Recorder\\Interview Recorder.exe" --cli doctor --json > doctor.json
           (the app has no console window on Windows: redirect its output to a file or a pipe)
Under Node, irec wants the Node major the app's Electron bundles; doctor reports the Node that runs it.

Configuration layers, lowest first: defaults < IT's recommended policy < user settings (IREC_CONFIG) < IREC_* < flags
< IT's mandatory policy. Run \`${CLI_NAME} doctor\` to see the files in effect and the policies in force.
In development: npm run -s irec -- <command>.

${EXIT_CODES_HELP}`;
