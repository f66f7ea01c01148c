/** `--script <file>` or `--script=<file>` among an app's arguments (Electron passes its own flags too). */
export function scriptFileArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--script') return argv[i + 1];
    if (arg.startsWith('--script=')) return arg.slice('--script='.length);
  }
  return undefined;
}
