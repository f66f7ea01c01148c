import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../../core/create-core';
import { findChromium } from '../../core/platform/runtimes';
import { runCallCheck, type CallCheckReport } from '../../core/services/call/call-check';
import { callChannelSchema, callTokenProviders, type CallTokenProvider } from '../../shared/domain/call-join';
import { EXIT, exitCodeOf } from '../exit-codes';
import { mark, type Output } from '../output';
import { UsageError } from '../usage-error';
import { integerOption, optionalOption, unknownSub, type OptionValues } from './backend-options';

/** The page the join runs in, built by tools/build.mjs beside the CLI (dist/call-check/), from source or bundle. */
function checkPageScript(from = path.dirname(fileURLToPath(import.meta.url))): Buffer | null {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      const file = path.join(dir, 'dist', 'call-check', 'call-check.js');
      return fs.existsSync(file) ? fs.readFileSync(file) : null;
    }
  }
  return null;
}

function providerOption(values: OptionValues): CallTokenProvider {
  const provider = optionalOption(values, 'provider');
  if (!provider || !callTokenProviders.includes(provider as CallTokenProvider))
    throw new UsageError(`call check needs --provider ${callTokenProviders.join('|')}${provider ? `, not "${provider}"` : ''}`);
  return provider as CallTokenProvider;
}

function channelOption(values: OptionValues): string {
  const channel = optionalOption(values, 'channel') ?? `irec-check-${randomBytes(4).toString('hex')}`;
  const checked = callChannelSchema.safeParse(channel);
  if (!checked.success) throw new UsageError(`--channel "${channel}": ${checked.error.issues[0]!.message}`);
  return channel;
}

const STATUS_MARK = { ok: mark(true), failed: mark(false), skipped: '-' } as const;

function humanReport(report: CallCheckReport): string {
  const lines = report.steps.map(
    (step) =>
      `${STATUS_MARK[step.status]} ${step.name.padEnd(13)} ${step.status === 'skipped' ? '' : `${step.ms} ms`.padStart(8)}  ${step.detail}`,
  );
  const verdict = report.ok
    ? `✓ ${report.provider} works: joined and left channel "${report.channel}" in ${report.totalMs} ms.`
    : `✗ ${report.provider} check failed at "${report.steps.find((step) => step.status === 'failed')!.name}".`;
  return [`Call check: ${report.provider}, channel "${report.channel}"`, ...lines, verdict].join('\n');
}

/** `irec call check --provider agora|livekit|dev [--channel <name>] [--timeout <s>]`. */
export async function callCommand(core: Core, out: Output, sub: string | undefined, values: OptionValues): Promise<number> {
  if (sub !== 'check') unknownSub('call', sub, ['check']);
  const provider = providerOption(values);
  const channel = channelOption(values);
  const timeoutSeconds = integerOption(values, 'timeout', 'call check') ?? core.config.config.calls.joinTimeoutSeconds;
  if (timeoutSeconds < 1) throw new UsageError('--timeout must be at least 1 second');
  // Ctrl+C: an exit, so that the headless Chromium's exit hook ends it (a signal's default action would not).
  const interrupt = () => void core.close().finally(() => process.exit(EXIT.cancelled));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const report = await runCallCheck(
      { settings: core.config.config, tokens: core.callTokens, chromium: () => findChromium(), pageScript: () => checkPageScript() },
      { provider, channel, timeoutMs: timeoutSeconds * 1000 },
    );
    out.result(report, () => humanReport(report));
    return report.code ? exitCodeOf(report.code) : EXIT.ok;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
