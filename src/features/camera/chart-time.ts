/**
 * A temperature axis at least `minSpan` degrees tall with ticks on whole, evenly spaced degrees,
 * so the sensor's 0.1 °C jitter does not fill the chart.
 */
export function temperatureAxis(values: readonly number[], minSpan = 4): { domain: [number, number]; ticks: number[] } {
  const low = values.length > 0 ? Math.min(...values) : 0;
  const high = values.length > 0 ? Math.max(...values) : 0;
  const step = Math.max(1, Math.ceil((Math.max(minSpan, high - low + 1) / 4)));
  const bottom = (Math.round((low + high) / 2 / step) - 2) * step;
  const top = Math.max(bottom + 4 * step, Math.ceil(high / step) * step);
  const start = Math.min(bottom, Math.floor(low / step) * step);
  const ticks: number[] = [];
  for (let tick = start; tick <= top; tick += step) ticks.push(tick);
  return { domain: [start, top], ticks };
}
