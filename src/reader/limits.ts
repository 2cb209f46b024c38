/** What the reader refuses past (SPEC: bad input gets one sentence). */
export const LIMITS = {
  /** One part (a sheet's XML) may inflate to at most this many bytes. */
  partBytes: 256 * 1024 * 1024,
  /** All parts together. */
  totalBytes: 1024 * 1024 * 1024,
  /** Cells in the used range of one sheet. */
  cells: 20_000_000,
};
