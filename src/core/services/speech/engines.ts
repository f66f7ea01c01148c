import path from 'node:path';
import { findOnPath, isExecutableFile } from '../../platform/executables';

type Env = Readonly<Record<string, string | undefined>>;

/** One engine run: always an argument array (never a shell); text reaches the engine as an argument or an env var. */
export interface EngineCommand {
  file: string;
  args: string[];
  stdin?: string;
  env?: Record<string, string>;
}

export interface SpeechEngine {
  name: string;
  /** Voices to try in order; the first one the engine accepts is used and reported. */
  voices(locale: string): string[];
  command(text: string, voice: string, outFile: string): EngineCommand;
  /** Whether a failed run blamed the voice, so the next voice is worth trying. */
  rejectsVoice(stderr: string): boolean;
}

export type EngineChoice = { ok: true; engine: SpeechEngine } | { ok: false; reason: string };

/**
 * BCP-47 → eSpeak voice names, most specific first: 'en-US' → ['en-us', 'en'], 'de-DE' → ['de', 'en'].
 * Anything outside [a-z0-9-] is dropped so a locale can never look like an option.
 */
export function espeakVoices(locale: string): string[] {
  const parts = locale
    .toLowerCase()
    .replace(/_/g, '-')
    .split('-')
    .map((part) => part.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const [language, region] = parts;
  // A region equal to the language ('de-DE', 'th-TH') names the language's main voice.
  const specific = region === language ? language : parts.join('-');
  return [...new Set([specific, language, 'en'].filter((voice): voice is string => Boolean(voice)))];
}

function espeak(name: 'espeak-ng' | 'espeak', file: string): SpeechEngine {
  return {
    name,
    voices: espeakVoices,
    // `--` ends the options so text starting with '-' is spoken, not parsed.
    command: (text, voice, outFile) => ({ file, args: ['-v', voice, '-w', outFile, '--', text] }),
    rejectsVoice: (stderr) => /voice/i.test(stderr),
  };
}

/** An OS voice with one default voice per system: the locale is not chosen here, and any failure is final. */
function defaultVoiceEngine(name: string, command: (text: string, outFile: string) => EngineCommand): SpeechEngine {
  return { name, voices: () => ['default'], command: (text, _voice, outFile) => command(text, outFile), rejectsVoice: () => false };
}

const say = (file: string) =>
  defaultVoiceEngine('say', (text, outFile) => ({
    file,
    args: ['-o', outFile, '--file-format=WAVE', '--data-format=LEI16@22050', '--', text],
  }));

// Read line by line by `-Command -`, so each line is a complete statement. Text and path arrive as env vars:
// nothing from the question is ever parsed as PowerShell.
const WINDOWS_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  'try { Add-Type -AssemblyName System.Speech; $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; ' +
    '$s.SetOutputToWaveFile($env:IREC_SPEECH_OUT); $s.Speak($env:IREC_SPEECH_TEXT); $s.Dispose() } ' +
    'catch { [Console]::Error.WriteLine($_.Exception.Message); exit 1 }',
  'exit 0',
  '',
].join('\r\n');

const systemSpeech = (file: string) =>
  defaultVoiceEngine('System.Speech', (text, outFile) => ({
    file,
    args: ['-NoProfile', '-NonInteractive', '-Command', '-'],
    stdin: WINDOWS_SCRIPT,
    env: { IREC_SPEECH_TEXT: text, IREC_SPEECH_OUT: outFile },
  }));

function windowsPowerShell(env: Env): string | null {
  const onPath = findOnPath('powershell', env);
  if (onPath) return onPath;
  // Where Windows always installs it, for a PATH trimmed by a launcher.
  const systemRoot = env.SystemRoot ?? env.SYSTEMROOT;
  const standard = systemRoot && path.win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  return standard && isExecutableFile(standard) ? standard : null;
}

/** The engine for this platform, found on PATH; cheap (a few stat calls), no synthesis. */
export function chooseEngine(platform: NodeJS.Platform, env: Env): EngineChoice {
  if (platform === 'darwin') {
    const file = findOnPath('say', env);
    if (file) return { ok: true, engine: say(file) };
    return {
      ok: false,
      reason: "No speech synthesizer found: macOS's built-in voice command `say` is missing from PATH (normally /usr/bin/say).",
    };
  }
  if (platform === 'win32') {
    const file = windowsPowerShell(env);
    if (file) return { ok: true, engine: systemSpeech(file) };
    return {
      ok: false,
      reason:
        "No speech synthesizer found: Windows PowerShell (powershell.exe), which drives Windows' built-in System.Speech voice, is missing from PATH.",
    };
  }
  for (const name of ['espeak-ng', 'espeak'] as const) {
    const file = findOnPath(name, env);
    if (file) return { ok: true, engine: espeak(name, file) };
  }
  return {
    ok: false,
    reason: 'No speech synthesizer found: install espeak-ng (Debian: apt-get install espeak-ng; Fedora: dnf install espeak-ng).',
  };
}
