import { runCli } from './run-cli';

// `irec` under Node. The installed app runs the same commands itself as `<app> --cli <command>` (src/main/cli-mode.ts),
// where Electron's RunAsNode fuse is off.
void runCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
