export declare const NO_ELECTRON_REASON: string;
export declare function findElectronBinary(root: string, env?: NodeJS.ProcessEnv): string | null;
