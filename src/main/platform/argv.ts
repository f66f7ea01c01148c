/** `--<name> <value>` or `--<name>=<value>` among an app's arguments (Electron passes its own flags too). */
function optionArgument(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** `--script <file>`: the interview to run. */
export const scriptFileArgument = (argv: readonly string[]) => optionArgument(argv, 'script');

/** `--extra-time <1|1.5|2>`: an invite's extra-time accommodation, validated when the script is loaded. */
export const extraTimeArgument = (argv: readonly string[]) => optionArgument(argv, 'extra-time');
