export function majorOf(version: string): number;
export function electronNodeMajor(): number;
export function headersMajor(prefix: string): number | null;
export function describeNode(): string;
export function onElectronNode(): boolean;
export function projectNodeBinary(): string | null;
