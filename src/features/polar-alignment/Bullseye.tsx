import { memo } from 'react';
import { axisOffsetArcmin, formatPolarAngleArcmin, type Hemisphere } from '../../lib/polar-guidance';
import type { PolarReading } from '../../store/polar-history';
import { BULLSEYE_EDGE_ARCMIN, BULLSEYE_RINGS_ARCMIN, bullseyePoint, bullseyeRadius } from './bullseye-scale';

/** SVG units from the pole to the rim. */
const RIM = 100;
/** Earlier readings drawn as a fading trail. */
const TRAIL_LENGTH = 40;

const ringLabel = (arcmin: number) => (arcmin >= 60 ? `${arcmin / 60}°` : `${arcmin}′`);

function toSvg(reading: PolarReading, hemisphere: Hemisphere | undefined) {
  const { rightArcmin, upArcmin } = axisOffsetArcmin(reading, hemisphere);
  const point = bullseyePoint(rightArcmin, upArcmin);
  return { x: point.x * RIM, y: -point.y * RIM, offScale: point.offScale, rightArcmin, upArcmin };
}

function describe(reading: PolarReading | undefined, hemisphere: Hemisphere | undefined, count: number): string {
  if (!reading) return 'Polar alignment target: no reading yet';
  const { rightArcmin, upArcmin } = axisOffsetArcmin(reading, hemisphere);
  const across = `${formatPolarAngleArcmin(rightArcmin)} ${rightArcmin >= 0 ? 'right of' : 'left of'}`;
  const vertical = hemisphere ? `${formatPolarAngleArcmin(upArcmin)} ${upArcmin >= 0 ? 'above' : 'below'}` : `${formatPolarAngleArcmin(upArcmin)} off in altitude from`;
  return `Polar alignment target: the axis points ${across} and ${vertical} the pole, ${count} reading${count === 1 ? '' : 's'}`;
}

/**
 * The pole at the centre and the mount's axis as a dot, seen standing behind the mount facing the
 * pole: right is clockwise seen from above, up is too high. Rings at 1′, 5′, 30′ and the goal,
 * which is filled: inside it the dot turns to the "ok" colour.
 */
export const Bullseye = memo(function Bullseye({
  readings,
  hemisphere,
  goalArcmin,
  aligned,
}: {
  readings: readonly PolarReading[];
  hemisphere: Hemisphere | undefined;
  goalArcmin: number;
  aligned: boolean;
}) {
  const current = readings.at(-1);
  const trail = readings.slice(-TRAIL_LENGTH - 1, -1).map((reading) => toSvg(reading, hemisphere));
  const dot = current ? toSvg(current, hemisphere) : undefined;
  const goalRadius = bullseyeRadius(goalArcmin) * RIM;
  const rings = [...BULLSEYE_RINGS_ARCMIN, BULLSEYE_EDGE_ARCMIN];
  const [left, right] = hemisphere === 'north' ? ['W', 'E'] : hemisphere === 'south' ? ['E', 'W'] : ['left', 'right'];
  const dotColour = aligned ? 'var(--color-ok)' : 'var(--color-accent)';

  return (
    <svg
      viewBox="-112 -112 224 224"
      role="img"
      aria-label={describe(current, hemisphere, readings.length)}
      data-testid="bullseye"
      data-readings={readings.length}
      data-aligned={aligned}
      className="mx-auto block aspect-square w-full max-w-[24rem] select-none"
    >
      <circle r={RIM} fill="var(--color-surface-2)" stroke="var(--color-border)" strokeWidth="1.5" />
      <circle r={goalRadius} fill="var(--color-ok)" fillOpacity={aligned ? 0.28 : 0.14} stroke="var(--color-ok)" strokeWidth="1.5" strokeDasharray="4 3" />
      {rings.map((arcmin) => {
        const r = bullseyeRadius(arcmin) * RIM;
        return (
          <g key={arcmin}>
            <circle r={r} fill="none" stroke="var(--color-border)" strokeWidth="1" />
            <text x={3} y={-r + 8} fontSize="7.5" fill="var(--color-muted)">
              {ringLabel(arcmin)}
            </text>
          </g>
        );
      })}
      <line x1={-RIM} x2={RIM} y1={0} y2={0} stroke="var(--color-border)" strokeWidth="0.75" />
      <line y1={-RIM} y2={RIM} x1={0} x2={0} stroke="var(--color-border)" strokeWidth="0.75" />
      <g fontSize="9" fontWeight="600" fill="var(--color-muted)" textAnchor="middle">
        <text x={0} y={-104}>{hemisphere ? 'too high' : 'up'}</text>
        <text x={0} y={110}>{hemisphere ? 'too low' : 'down'}</text>
        <text x={-96} y={-4} textAnchor="start">
          {left}
        </text>
        <text x={96} y={-4} textAnchor="end">
          {right}
        </text>
      </g>

      {trail.length > 0 && dot ? (
        <polyline
          points={[...trail, dot].map((point) => `${point.x},${point.y}`).join(' ')}
          fill="none"
          stroke="var(--color-muted)"
          strokeOpacity="0.45"
          strokeWidth="1"
        />
      ) : null}
      {trail.map((point, index) => (
        <circle key={index} cx={point.x} cy={point.y} r="2.4" fill="var(--color-fg)" fillOpacity={0.12 + (0.5 * (index + 1)) / trail.length} />
      ))}
      {dot ? (
        <g data-testid="bullseye-dot">
          <line x1={dot.x} y1={dot.y} x2={0} y2={0} stroke={dotColour} strokeOpacity="0.55" strokeWidth="1.2" strokeDasharray="3 3" />
          <circle cx={dot.x} cy={dot.y} r="9" fill="none" stroke={dotColour} strokeWidth="1.5" strokeOpacity="0.6" />
          <circle cx={dot.x} cy={dot.y} r="5.5" fill={dot.offScale ? 'none' : dotColour} stroke={dotColour} strokeWidth="2" />
        </g>
      ) : null}
      <circle r="1.8" fill="var(--color-fg)" />
    </svg>
  );
});
