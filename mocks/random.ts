// Seeded pseudo-random numbers (mulberry32): every random choice of the twin comes from one of these, per server.

/** A deterministic random source: same seed, same sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** `count` characters drawn from `alphabet`. */
  chars(alphabet: string, count: number): string;
}

/** Build a random source from a 32-bit seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  const chars = (alphabet: string, count: number): string => {
    let out = '';
    for (let i = 0; i < count; i += 1) out += alphabet[int(alphabet.length)];
    return out;
  };
  return { next, int, chars };
}
