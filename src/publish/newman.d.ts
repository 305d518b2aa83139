// The part of newman's programmatic API the kit uses (newman ships no types; @types/newman would pull in postman-collection's).
declare module 'newman' {
  export interface NewmanFailure {
    error: { name?: string; test?: string; message: string };
    source?: { name?: string };
  }
  export interface NewmanSummary {
    run: {
      stats: Record<'requests' | 'assertions' | 'testScripts' | 'prerequestScripts', { total: number; failed: number; pending: number }>;
      failures: NewmanFailure[];
    };
  }
  export interface NewmanRunOptions {
    collection: object;
    environment?: object;
    envVar?: { key: string; value: string }[];
    folder?: string | string[];
    reporters?: string[];
    timeoutRequest?: number;
    timeout?: number;
    insecure?: boolean;
  }
  export function run(options: NewmanRunOptions, callback: (error: Error | null, summary: NewmanSummary) => void): unknown;
  const newman: { run: typeof run };
  export default newman;
}
