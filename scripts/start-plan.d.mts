export type WebReason = 'offline' | 'timeout' | 'platform' | 'failed' | 'no-display';
export type StartPlan = { kind: 'electron'; binary: string } | { kind: 'web'; reason: WebReason };
export type InstallResult = { ok: true } | { ok: false; timedOut: boolean; output: string };
export declare function installFailureReason(result: InstallResult): WebReason;
export declare function planStart(facts: {
  binary: string | null;
  install: () => InstallResult;
  findAfterInstall: () => string | null;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}): StartPlan;
export declare function fallbackMessage(reason: WebReason): string;
