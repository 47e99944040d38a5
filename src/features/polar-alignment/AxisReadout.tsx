import { formatPolarAngleArcmin, type AltitudeAdvice, type AzimuthAdvice } from '../../lib/polar-guidance';

type Direction = 'left' | 'right' | 'up' | 'down';

const rotation: Record<Direction, number> = { right: 0, down: 90, left: 180, up: 270 };

/** A fat arrow, legible from a metre away, pointing where to move. */
export function Arrow({ direction, className = '' }: { direction: Direction; className?: string }) {
  return (
    <svg viewBox="0 0 100 100" aria-hidden className={className} data-arrow={direction}>
      <path d="M8 36 H52 V14 L94 50 L52 86 V64 H8 Z" fill="currentColor" transform={`rotate(${rotation[direction]} 50 50)`} />
    </svg>
  );
}

/** Nothing to turn: a ring with a dot, the pole. */
function Centred({ className = '' }: { className?: string }) {
  return (
    <svg viewBox="0 0 100 100" aria-hidden className={className} data-arrow="none">
      <circle cx="50" cy="50" r="34" fill="none" stroke="currentColor" strokeWidth="10" />
      <circle cx="50" cy="50" r="10" fill="currentColor" />
    </svg>
  );
}

function Unknown({ className = '' }: { className?: string }) {
  return (
    <svg viewBox="0 0 100 100" aria-hidden className={className} data-arrow="unknown">
      <text x="50" y="78" textAnchor="middle" fontSize="84" fontWeight="700" fill="currentColor">
        ?
      </text>
    </svg>
  );
}

/** "turn west", "raise", "centred": the verb under the number. */
export function adviceVerb(advice: AzimuthAdvice | AltitudeAdvice): string {
  if (advice.centred) return 'centred';
  if (advice.axis === 'azimuth') return `turn ${advice.compass ?? advice.toward ?? ''}`;
  return advice.move ?? 'up or down? Set the hemisphere';
}

const sizes = {
  panel: { arrow: 'size-16 xl:size-20', amount: 'text-5xl leading-tight', verb: 'text-lg', label: 'text-xs' },
  // vmax keeps a landscape phone, where two readouts share the width, from oversizing them.
  huge: {
    arrow: 'size-[min(26vw,12vmax,10rem)]',
    amount: 'text-[min(20vw,9vmax,8rem)] leading-none',
    verb: 'text-[min(8vw,3.5vmax,2.75rem)] leading-tight',
    label: 'text-base',
  },
} as const;

/** One axis: label, arrow, amount in ° ′ ″ and the verb; `tone` colours it. */
export function AxisReadout({
  label,
  advice,
  size = 'panel',
  tone = 'text-accent',
}: {
  label: string;
  advice: AzimuthAdvice | AltitudeAdvice;
  size?: keyof typeof sizes;
  tone?: string;
}) {
  const style = sizes[size];
  const verb = adviceVerb(advice);
  const glyph = advice.arrow ? (
    <Arrow direction={advice.arrow} className={`${style.arrow} shrink-0`} />
  ) : advice.centred ? (
    <Centred className={`${style.arrow} shrink-0`} />
  ) : (
    <Unknown className={`${style.arrow} shrink-0`} />
  );
  return (
    <div className={`flex min-w-0 items-center gap-3 ${tone}`} data-testid={`${advice.axis}-readout`} aria-label={advice.words} role="group">
      {glyph}
      <div className="min-w-0">
        <p className={`${style.label} font-semibold tracking-widest text-muted uppercase`}>{label}</p>
        <p className={`${style.amount} font-bold whitespace-nowrap tabular-nums`} data-testid={`${advice.axis}-amount`}>{formatPolarAngleArcmin(advice.amountArcmin)}</p>
        <p className={`${style.verb} font-semibold`}>
          {verb}
          {advice.reversed && advice.arrow ? <span className="ml-2 align-middle text-xs font-normal text-muted">(arrow reversed)</span> : null}
        </p>
      </div>
    </div>
  );
}
