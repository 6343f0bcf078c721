// Values e2e/global-setup.ts hands to every e2e test file (vitest `provide` / `inject`).
declare module 'vitest' {
  export interface ProvidedContext {
    /** WebSocket endpoint of the shared Chromium; '' when none was started. */
    tackChromiumWsEndpoint: string;
    /** Why there is no shared Chromium ('' when there is one). */
    tackChromiumSkipReason: string;
  }
}

export {};
