// `irec call check`: reach the call service, get a token, join and leave a test channel with the app's real call
// provider in headless Chromium, and say how long each step took and what went wrong where.
import { randomInt } from 'node:crypto';
import type { Config } from '../../../shared/config/schema';
import type { CallJoin, CallTokenProvider } from '../../../shared/domain/call-join';
import type { ErrorCode } from '../../../shared/errors';
import { withDeadline } from '../../../shared/async/deadline';
import { isAppError } from '../../errors/app-error';
import { isBackendError } from '../backends/backend-error';
import { openHeadlessChromium, type HeadlessChromium } from '../../platform/headless-chromium';
import type { CallTokens } from './call-tokens';
import { REQUIRED_SETTINGS, missingSettings, reachTargets } from './call-check-targets';
import { serveCheckPage, type CheckPage, type PageReport } from './call-check-page';
import { reachHost } from './reach-host';
import { getPath } from '../config/layers';

export type CallCheckStepName = 'configuration' | 'reach' | 'token' | 'browser' | 'join' | 'leave';
export const CALL_CHECK_STEPS: readonly CallCheckStepName[] = ['configuration', 'reach', 'token', 'browser', 'join', 'leave'];

export interface CallCheckStep {
  name: CallCheckStepName;
  status: 'ok' | 'failed' | 'skipped';
  ms: number;
  detail: string;
  /** A failed step's error code (the CLI's exit code comes from it). */
  code?: ErrorCode;
}

export interface CallCheckReport {
  provider: CallTokenProvider;
  channel: string;
  ok: boolean;
  steps: CallCheckStep[];
  totalMs: number;
  /** The first failed step's code. */
  code?: ErrorCode;
}

export interface CallCheckDeps {
  settings: Pick<Config, 'backends'>;
  tokens: CallTokens;
  /** Chromium's executable, or null when none is installed. */
  chromium: () => string | null;
  /** The bundled page script (dist/call-check/call-check.js), or null when it was not built. */
  pageScript: () => Buffer | null;
}

export interface CallCheckOptions {
  provider: CallTokenProvider;
  channel: string;
  /** The bound of each network step: reaching, the token, joining, leaving. */
  timeoutMs: number;
}

/** Starting Chromium is no network step: a busy machine may take long, and the check should not blame the service. */
const BROWSER_START_MS = 60_000;
/** The page gives up joining at `timeoutMs` by itself; this is only for a page that never reports at all. */
const REPORT_SLACK_MS = 10_000;

const PROVIDER_NAMES: Record<CallTokenProvider, string> = { agora: 'Agora', livekit: 'LiveKit', dev: 'the development call server' };

/** A step that failed, with the error code it stands for. */
class StepFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const within = <T>(ms: number, what: string, work: Promise<T>) => withDeadline(work, ms, () => new StepFailure('BACKEND_ERROR', what));

/** What a failed join means and what to look at, by the call's error kind (interview-call.ts's closed set). */
function joinAdvice(kind: string, provider: CallTokenProvider, timeoutMs: number): string {
  const name = PROVIDER_NAMES[provider];
  const advice: Record<string, string> = {
    unreachable: `cannot reach ${name}: check the network, a firewall or proxy, and ${provider === 'agora' ? 'the App ID' : 'the server URL'}`,
    timeout: `cannot reach ${name}: no answer within ${timeoutMs / 1000} s (a firewall that drops its traffic looks like this)`,
    auth: `${name} refused the token: check that the token endpoint and the App ID (or LiveKit keys) belong together`,
    rejected: `${name} refused the join`,
    'media-denied': 'the test camera and microphone could not be published',
    kicked: `${name} removed this participant or closed the channel`,
    dropped: `the call to ${name} was lost`,
    unsupported: `this Chromium cannot run the ${name} provider`,
  };
  return advice[kind] ?? `${name}: ${kind}`;
}

const joinCode = (kind: string): ErrorCode =>
  kind === 'media-denied' ? 'MEDIA_ERROR' : kind === 'unsupported' ? 'UNAVAILABLE' : 'BACKEND_ERROR';

/** The page's report as a step result, or a StepFailure. */
function fromReport(report: PageReport, options: CallCheckOptions): string {
  if (report.ok) return `${Math.round(report.ms ?? 0)} ms in the page`;
  const error = report.error ?? { kind: 'rejected', detail: `the call ended ${report.state ?? 'in an unknown state'}` };
  throw new StepFailure(
    joinCode(error.kind),
    `${joinAdvice(error.kind, options.provider, options.timeoutMs)} (${error.kind}: ${error.detail})`,
  );
}

async function reachStep(deps: CallCheckDeps, options: CallCheckOptions): Promise<string> {
  const reached = await Promise.all(reachTargets(options.provider, deps.settings).map((target) => reachHost(target, options.timeoutMs)));
  const detail = reached.map((r) => `${r.target}: ${r.detail}`).join('; ');
  if (!reached.some((r) => r.ok)) throw new StepFailure('BACKEND_ERROR', `cannot reach ${PROVIDER_NAMES[options.provider]}: ${detail}`);
  return detail;
}

function configurationStep(deps: CallCheckDeps, provider: CallTokenProvider): string {
  const missing = missingSettings(provider, deps.settings);
  if (missing.length)
    throw new StepFailure('NOT_CONFIGURED', `calls over ${PROVIDER_NAMES[provider]} are not configured: set ${missing.join(' and ')}`);
  return REQUIRED_SETTINGS[provider].map((keyPath) => `${keyPath} = ${String(getPath(deps.settings, keyPath))}`).join(', ');
}

/** What the page and Chromium are, once started: ended by the check whatever happens. */
interface BrowserSession {
  page?: CheckPage;
  browser?: HeadlessChromium;
}

/** The page's report of `step` within `ms`; Chromium dying first fails it with Chromium's words. */
function pageReport(session: BrowserSession, step: 'ready' | 'joined' | 'left', ms: number, what: string): Promise<PageReport> {
  const died = session.browser!.exited.catch((error: Error) => Promise.reject(new StepFailure('UNAVAILABLE', error.message)));
  return within(ms, what, Promise.race([session.page!.report(step), died]));
}

async function browserStep(deps: CallCheckDeps, session: BrowserSession, setup: unknown, token: () => Promise<unknown>): Promise<string> {
  const executable = deps.chromium();
  if (!executable)
    throw new StepFailure(
      'UNAVAILABLE',
      'Chromium not found: the join is tested in headless Chromium. Install it (Debian/Ubuntu: `sudo apt-get install chromium`, or Google Chrome) or set CHROMIUM_PATH to its executable.',
    );
  const script = deps.pageScript();
  if (!script)
    throw new StepFailure('UNAVAILABLE', 'the call check page is not built (dist/call-check/call-check.js): run `npm run build`');
  session.page = await serveCheckPage({ script, setup, token });
  session.browser = openHeadlessChromium(executable, session.page.url);
  const ready = await pageReport(
    session,
    'ready',
    BROWSER_START_MS,
    `Chromium did not open the check page within ${BROWSER_START_MS / 1000} s`,
  );
  if (!ready.ok) throw new StepFailure('UNAVAILABLE', `the check page could not start: ${ready.error?.detail ?? 'no reason given'}`);
  return `${executable}, fake camera and microphone`;
}

async function timed(name: CallCheckStepName, work: () => Promise<string> | string): Promise<CallCheckStep> {
  const started = Date.now();
  try {
    const detail = await work();
    return { name, status: 'ok', ms: Date.now() - started, detail };
  } catch (error) {
    const code = error instanceof StepFailure || isAppError(error) ? error.code : 'INTERNAL';
    return { name, status: 'failed', ms: Date.now() - started, detail: (error as Error).message, code };
  }
}

const tokenLine = (join: CallJoin) =>
  `a token of ${join.ticket.length} characters${join.expiresAt ? `, valid for ${Math.round((join.expiresAt - Date.now()) / 1000)} s` : ''}`;

/** Runs the steps in order; after a failed one the rest are skipped. Chromium and the page server always end. */
export async function runCallCheck(deps: CallCheckDeps, options: CallCheckOptions): Promise<CallCheckReport> {
  const started = Date.now();
  const { provider, channel, timeoutMs } = options;
  const participantId = String(randomInt(100_000, 2_000_000_000));
  const getToken = () => deps.tokens.get({ provider, channel, participantId }, AbortSignal.timeout(timeoutMs));
  let joinInfo: CallJoin | undefined;
  let unused: CallJoin | undefined;
  // The page's first token is the one the token step fetched; renewals fetch new ones (as the app does).
  const pageToken = async () => {
    const reuse = unused;
    unused = undefined;
    try {
      const join = reuse ?? (await getToken());
      return { token: join.ticket, expiresAt: join.expiresAt };
    } catch (error) {
      return { error: { kind: isBackendError(error, 'auth') ? 'auth' : 'unreachable', detail: (error as Error).message } };
    }
  };
  const session: BrowserSession = {};
  const work: Record<CallCheckStepName, () => Promise<string> | string> = {
    configuration: () => configurationStep(deps, provider),
    reach: () => reachStep(deps, options),
    token: async () => tokenLine((joinInfo = unused = await getToken())),
    browser: () => {
      const { appId, serverUrl } = joinInfo!;
      const setup = { join: { provider, channel, participantId, displayName: 'irec call check', appId, serverUrl }, timeoutMs };
      return browserStep(deps, session, setup, pageToken);
    },
    join: async () =>
      fromReport(await pageReport(session, 'joined', timeoutMs + REPORT_SLACK_MS, 'the page never reported its join'), options),
    leave: async () =>
      fromReport(await pageReport(session, 'left', timeoutMs + REPORT_SLACK_MS, 'the page never reported leaving'), options),
  };
  const steps: CallCheckStep[] = [];
  try {
    for (const name of CALL_CHECK_STEPS)
      steps.push(
        steps.some((step) => step.status === 'failed')
          ? { name, status: 'skipped', ms: 0, detail: 'not run' }
          : await timed(name, work[name]),
      );
  } finally {
    await session.browser?.close();
    await session.page?.close();
  }
  const failed = steps.find((step) => step.status === 'failed');
  return { provider, channel, ok: !failed, steps, totalMs: Date.now() - started, ...(failed && { code: failed.code }) };
}
