export const TS_PROJECTS: readonly string[];
export const tsc7: string;
export const tsc5: string;
