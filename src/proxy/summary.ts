// What the proxy counts while it runs, and the summary it prints on stop (requests per operation, violations per check).
export interface ProxyStats {
  requests: Map<string, number>;
  violations: Map<string, number>;
  /** Upstream failures by cause (UPSTREAM_TIMEOUT, ...). */
  failures: Map<string, number>;
  refused: number;
}

export const createStats = (): ProxyStats => ({ requests: new Map(), violations: new Map(), failures: new Map(), refused: 0 });

export const bump = (map: Map<string, number>, key: string, by = 1): void => {
  map.set(key, (map.get(key) ?? 0) + by);
};

const rows = (map: Map<string, number>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`);

/** The lines printed on Ctrl-C. */
export function formatSummary(stats: ProxyStats, recording: string | undefined): string[] {
  const total = [...stats.requests.values()].reduce((a, b) => a + b, 0);
  const violations = [...stats.violations.values()].reduce((a, b) => a + b, 0);
  return [
    `Requests: ${total}`,
    ...rows(stats.requests),
    `Violations: ${violations}`,
    ...rows(stats.violations),
    ...(stats.refused ? [`Refused by --enforce (never forwarded): ${stats.refused}`] : []),
    ...(stats.failures.size ? ['Upstream failures:', ...rows(stats.failures)] : []),
    `Recording: ${recording ?? 'none (add --record DIR)'}`,
  ];
}
