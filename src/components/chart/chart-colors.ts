/**
 * Chart colours as CSS variables, so the night-vision theme can repaint every chart by changing
 * variables in one stylesheet. SVG presentation attributes accept `var(...)`.
 */
export const chartColors = {
  grid: 'var(--color-border)',
  axis: 'var(--color-muted)',
  text: 'var(--color-fg)',
  accent: 'var(--color-accent)',
  ok: 'var(--color-ok)',
  warn: 'var(--color-warn)',
  bad: 'var(--color-bad)',
  /** PHD2's convention, which guiding users read without thinking: RA blue, Dec red. */
  ra: 'var(--color-chart-ra)',
  dec: 'var(--color-chart-dec)',
  secondary: 'var(--color-chart-secondary)',
} as const;

const filterVariables: Record<string, string> = {
  l: 'var(--color-filter-l)',
  lum: 'var(--color-filter-l)',
  luminance: 'var(--color-filter-l)',
  r: 'var(--color-filter-r)',
  red: 'var(--color-filter-r)',
  g: 'var(--color-filter-g)',
  green: 'var(--color-filter-g)',
  b: 'var(--color-filter-b)',
  blue: 'var(--color-filter-b)',
  ha: 'var(--color-filter-ha)',
  'h-alpha': 'var(--color-filter-ha)',
  oiii: 'var(--color-filter-oiii)',
  o3: 'var(--color-filter-oiii)',
  sii: 'var(--color-filter-sii)',
  s2: 'var(--color-filter-sii)',
};

const fallback = ['var(--color-chart-secondary)', 'var(--color-accent)', 'var(--color-warn)', 'var(--color-ok)'];

/** A stable colour per filter name: the usual names get their usual colours. */
export function filterColor(name: string | undefined): string {
  if (!name) return chartColors.axis;
  const known = filterVariables[name.trim().toLowerCase()];
  if (known) return known;
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return fallback[Math.abs(hash) % fallback.length] as string;
}

/** Shared axis and tooltip styling for recharts. */
export const axisProps = {
  stroke: chartColors.axis,
  tick: { fill: chartColors.axis, fontSize: 11 },
  tickLine: { stroke: chartColors.grid },
  axisLine: { stroke: chartColors.grid },
} as const;

export const tooltipStyle = {
  contentStyle: { background: 'var(--color-surface-2)', border: '1px solid var(--color-border)', borderRadius: 8, color: 'var(--color-fg)', fontSize: 12 },
  labelStyle: { color: 'var(--color-muted)' },
  itemStyle: { color: 'var(--color-fg)' },
} as const;
