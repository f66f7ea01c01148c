export const STAND_IN_MARKER: string;
export const FUSE_SENTINEL: string;
export const ELECTRON_DEFAULT_FUSES: string;
export function createElectronStandIn(parent: string): string;
export function isElectronStandIn(dir: string): boolean;
