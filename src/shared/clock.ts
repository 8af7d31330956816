// A duration as a clock shows it ("2:05"), for the mock interview's page and its summary. Pure.

/**
 * Minutes and seconds of `ms`. A countdown rounds `up`, so it never shows 0:00 while time is
 * left; a time taken rounds to the nearest second.
 */
export function clock(ms: number, round: 'up' | 'nearest' = 'nearest'): string {
  const s = Math.max(0, round === 'up' ? Math.ceil(ms / 1000) : Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
