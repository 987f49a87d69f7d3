/** A promotion's fair-start settings as the API shows them (null on a classic promotion). */
export interface FairStartView {
  windowSeconds: number;
  /** When entries open: startsAt - windowSeconds. */
  opensAt: string;
  /** SHA-256 of the seed, published from the moment fair start is configured. */
  seedSha256: string;
  /** The seed itself, revealed once the draw is done; null before. */
  seed: string | null;
  drawnAt: string | null;
  /** Entrants so far. */
  entrants: number;
}

/** The fair-start columns of a promotion row. */
export interface FairStartColumns {
  startsAt: Date;
  fairStartWindowSeconds: number | null;
  fairStartSeed: string | null;
  fairStartSeedSha256: string | null;
  fairStartDrawnAt: Date | null;
}

export const opensAt = (row: Pick<FairStartColumns, "startsAt" | "fairStartWindowSeconds">): Date | null =>
  row.fairStartWindowSeconds === null ? null : new Date(row.startsAt.getTime() - row.fairStartWindowSeconds * 1_000);

/** The view of a row; the seed stays hidden until the draw is done, whoever asks (admins too). */
export function fairStartView(row: FairStartColumns, entrants: number): FairStartView | null {
  if (row.fairStartWindowSeconds === null || !row.fairStartSeedSha256) return null;
  const drawn = row.fairStartDrawnAt !== null;
  return {
    windowSeconds: row.fairStartWindowSeconds,
    opensAt: opensAt(row)!.toISOString(),
    seedSha256: row.fairStartSeedSha256,
    seed: drawn ? row.fairStartSeed : null,
    drawnAt: drawn ? row.fairStartDrawnAt!.toISOString() : null,
    entrants,
  };
}
