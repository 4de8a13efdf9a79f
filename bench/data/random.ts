/** A seeded random source (mulberry32) and the small draws the generator makes with it. */
export type Rand = () => number;

export function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: Rand, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

export function int(rand: Rand, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

export const chance = (rand: Rand, p: number): boolean => rand() < p;

/** Picks by weight: `[[item, weight], …]`. */
export function weighted<T>(rand: Rand, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [item, w] of table) {
    r -= w;
    if (r < 0) return item;
  }
  const last = table[table.length - 1];
  if (!last) throw new RangeError('weighted pick from an empty table');
  return last[0];
}

/** Ids that look like the app's (uuid-shaped), the same for the same seed: 8 hex digits a draw. */
export function idSource(rand: Rand): () => string {
  const hex8 = () =>
    Math.floor(rand() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  return () => {
    const a = hex8();
    const b = hex8();
    const c = hex8();
    const d = hex8();
    return `${a}-${b.slice(0, 4)}-4${b.slice(4, 7)}-a${c.slice(0, 3)}-${c.slice(3, 8)}${d.slice(0, 7)}`;
  };
}
