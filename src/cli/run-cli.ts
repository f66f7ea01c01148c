import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core/create-core';
import { isAppError } from '../core/errors/app-error';
import type { CorePorts } from '../core/create-core';
import { nodeCorePorts } from '../core/node-ports';
import { redactWith } from '../shared/redact';
import { unsafeSegment } from '../core/services/config/key-path';
import { agoraCommand } from './commands/agora';
import { callCommand } from './commands/call';
import { cloudCommand } from './commands/cloud';
import { doctorCommand } from './commands/doctor';
import { mergeCommand, recoverCommand } from './commands/finalize';
import { livekitCommand } from './commands/livekit';
import { mediaCommand } from './commands/media';
import { notesCommand } from './commands/notes';
import { recordingsCommand } from './commands/recordings';
import { scriptCommand } from './commands/script';
import { uploadCommand, uploadsListCommand } from './commands/upload';
import { HELP } from './help';
import { EXIT, exitCodeOf } from './exit-codes';
import { createOutput, type Output } from './output';
import { UsageError } from './usage-error';

/** Every command's flags in one table (parseArgs is strict: an unknown flag is a usage error). */
const optionsOfType = <T extends 'string' | 'boolean', N extends string>(type: T, ...names: N[]) =>
  Object.fromEntries(names.map((name) => [name, { type }])) as Record<N, { type: T }>;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...optionsOfType(
        'string',
        'data-dir',
        'limit',
        'file',
        'key',
        'offset',
        'channel',
        'uid',
        'schedule',
        'resource-id',
        'sid',
        'room',
        'egress',
        'site',
        'storage',
        'session',
        'index',
        'total-chunks',
        'total-size',
        'expected-chunks',
        'interview',
        'provider',
        'timeout',
        'link',
        'format',
        'out',
      ),
      ...optionsOfType('boolean', 'json', 'pending', 'ack', 'wait', 'async', 'submit-paused'),
      set: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/** A `--set` path through `__proto__` & co. would change every object in the process: refused before config loads. */
function refuseUnsafeSetPaths(assignments: readonly string[] = []): void {
  for (const assignment of assignments) {
    const keyPath = assignment.split('=', 1)[0] ?? '';
    const unsafe = unsafeSegment(keyPath);
    if (unsafe !== undefined)
      throw new UsageError(`--set ${keyPath}: "${unsafe}" is never a setting; give a key path such as --set s3.bucket=my-bucket.`);
  }
}

const USAGE_HINT = 'Run "irec --help" for usage.';

/** An error that reached the top: its words on stderr, its code as the exit code (the table in exit-codes.ts). */
function reportFailure(out: Output, command: string, error: unknown): number {
  if (error instanceof UsageError) {
    out.error(`${error.message}\n${USAGE_HINT}`);
    return EXIT.usage;
  }
  if (isAppError(error)) {
    out.error(`irec ${command}: ${error.message}`);
    return exitCodeOf(error.code);
  }
  out.error(`irec ${command} failed: ${(error as Error).message}`);
  return EXIT.failure;
}

/** The ports the commands' core runs with, given the command line's settings: Node's, or the installed app's. */
export type CliPorts = (options: Pick<CorePorts, 'flags' | 'echoLogs'>) => CorePorts;

/** Runs one `irec` command line; resolves to its exit code. Under Node (`irec`) or in the app (`<app> --cli`). */
export async function runCli(argv: string[], makePorts: CliPorts = nodeCorePorts): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
    refuseUnsafeSetPaths(parsed.values.set);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE_HINT}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, sub, target] = positionals;
  let core: Core | undefined;
  const patternsOnly = redactWith([]);
  // What is printed is redacted with the core's known secrets once it exists (it reads them from the settings).
  const out = createOutput(Boolean(values.json), () => core?.redact ?? patternsOnly);
  const ports = makePorts({ flags: { dataDir: values['data-dir'], set: values.set }, echoLogs: false });
  if (values.version) {
    out.result({ version: ports.version }, () => ports.version);
    return EXIT.ok;
  }
  if (values.help || !command || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command || values.help ? EXIT.ok : EXIT.usage;
  }

  try {
    core = createCore(ports);
    switch (command) {
      case 'doctor':
        return doctorCommand(core, out, { ack: values.ack });
      case 'script':
        return await scriptCommand(core, out, { sub, file: target, link: values.link });
      case 'recordings':
        return recordingsCommand(core, out, { sub, id: target, limit: values.limit, offset: values.offset });
      case 'merge':
        return await mergeCommand(core, out, sub);
      case 'recover':
        return await recoverCommand(core, out, { submitPaused: values['submit-paused'] });
      case 'upload':
        return await uploadCommand(core, out, { recordingId: sub, pending: values.pending, file: values.file, key: values.key });
      case 'uploads':
        return uploadsListCommand(core, out, sub, values.limit);
      case 'agora':
        return await agoraCommand(core, out, sub, values);
      case 'livekit':
        return await livekitCommand(core, out, sub, values);
      case 'media':
        return await mediaCommand(core, out, sub, values);
      case 'cloud':
        return await cloudCommand(core, out, sub, values);
      case 'call':
        return await callCommand(core, out, sub, values);
      case 'notes':
        return notesCommand(core, out, { sub, interviewId: target, format: values.format, out: values.out, json: Boolean(values.json) });
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    return reportFailure(out, command, error);
  } finally {
    await core?.close();
  }
}
