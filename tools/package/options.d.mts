export const HELP: string;
export const OWN_TARGETS: Record<'linux' | 'win' | 'mac', string[]>;
export interface PackageOptions {
  help: boolean;
  electronDist?: string;
  skipBuild: boolean;
  allowStandIn: boolean;
  signPfx?: string;
  fastCompression: boolean;
  fromUnpacked: boolean;
  installers: Array<{ platform: 'linux' | 'win' | 'mac'; format: string }>;
  builderArgs: string[];
}
export function parsePackageArguments(argv: readonly string[]): PackageOptions;
export function outputDir(builderArgs: readonly string[]): string;
