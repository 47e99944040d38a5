/**
 * Round axis ticks (1, 2 or 5 times a power of ten apart) covering [min, max], at most `maxCount`
 * of them: focuser positions read as 15,300 / 15,400, not 15,247 / 15,397.
 */
export function niceTicks(min: number, max: number, maxCount: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  if (max === min) return [min];
  const count = Math.max(2, Math.floor(maxCount));
  const rough = (max - min) / (count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => Math.floor(max / candidate) - Math.ceil(min / candidate) + 1 <= count) ??
    10 * magnitude) as number;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

/**
 * Ticks from 0 to a round value at or above `max` (with `headroom` to spare), at most `maxCount`:
 * an HFR axis reads 0 / 1 / 2 / 3, not 0 / 0.8 / 1.5 / 2.3. The last tick is the axis's top.
 */
export function niceTicksFromZero(max: number, maxCount: number, headroom = 0.1): number[] {
  const top = Number.isFinite(max) && max > 0 ? max * (1 + headroom) : 1;
  const intervals = Math.max(1, Math.floor(maxCount) - 1);
  let step = 10 ** Math.floor(Math.log10(top / intervals));
  for (const factor of [1, 2, 5, 10, 20]) {
    step = factor * 10 ** Math.floor(Math.log10(top / intervals));
    if (Math.ceil(top / step - 1e-9) <= intervals) break;
  }
  const count = Math.ceil(top / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}
