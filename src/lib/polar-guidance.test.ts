import { describe, expect, it } from 'vitest';
import { altitudeAdvice, axisOffsetArcmin, azimuthAdvice, formatPolarAngleArcmin, formatPolarAngleDeg, hemisphereOf, polarGuidance } from './polar-guidance';

const reading = (azimuthArcmin: number, altitudeArcmin: number) => ({
  azimuthDeg: azimuthArcmin / 60,
  altitudeDeg: altitudeArcmin / 60,
  totalDeg: Math.hypot(azimuthArcmin, altitudeArcmin) / 60,
});

describe('hemisphereOf', () => {
  it('calls only positive latitudes northern, as TPPA does: the equator is southern', () => {
    expect(hemisphereOf(48.2)).toBe('north');
    expect(hemisphereOf(0.0001)).toBe('north');
    expect(hemisphereOf(0)).toBe('south');
    expect(hemisphereOf(-33.9)).toBe('south');
  });
});

describe('azimuth advice', () => {
  // TPPA: AzimuthError > 0 is clockwise of the pole from above: "Move left/west" north, "Move left/east" south.
  it.each([
    { hemisphere: 'north', azimuthArcmin: 3.2, reversed: false, compass: 'west', arrow: 'left' },
    { hemisphere: 'north', azimuthArcmin: 3.2, reversed: true, compass: 'west', arrow: 'right' },
    { hemisphere: 'north', azimuthArcmin: -3.2, reversed: false, compass: 'east', arrow: 'right' },
    { hemisphere: 'north', azimuthArcmin: -3.2, reversed: true, compass: 'east', arrow: 'left' },
    { hemisphere: 'south', azimuthArcmin: 3.2, reversed: false, compass: 'east', arrow: 'left' },
    { hemisphere: 'south', azimuthArcmin: 3.2, reversed: true, compass: 'east', arrow: 'right' },
    { hemisphere: 'south', azimuthArcmin: -3.2, reversed: false, compass: 'west', arrow: 'right' },
    { hemisphere: 'south', azimuthArcmin: -3.2, reversed: true, compass: 'west', arrow: 'left' },
  ] as const)('$hemisphere, error $azimuthArcmin′, reversed $reversed: turn $compass, arrow $arrow', ({ hemisphere, azimuthArcmin, reversed, compass, arrow }) => {
    const advice = azimuthAdvice(reading(azimuthArcmin, 1), hemisphere, reversed);
    expect(advice).toMatchObject({ compass, arrow, reversed, amountArcmin: expect.closeTo(3.2, 9) as number });
    expect(advice.toward).toBe(reversed ? (arrow === 'left' ? 'right' : 'left') : arrow);
    expect(advice.words).toBe(`Azimuth: turn 3′ 12″ ${compass}`);
  });

  it('without a hemisphere says left or right facing the pole, which is the same in both', () => {
    const advice = azimuthAdvice(reading(2, 0), undefined);
    expect(advice.arrow).toBe('left');
    expect(advice.compass).toBeUndefined();
    expect(advice.words).toBe('Azimuth: turn 2′ 00″ left (facing the pole)');
    expect(azimuthAdvice(reading(-2, 0), undefined, true)).toMatchObject({ arrow: 'left', words: 'Azimuth: turn 2′ 00″ right (facing the pole)' });
  });

  it('draws no arrow for an axis already on the pole', () => {
    const advice = azimuthAdvice(reading(0.004, 5), 'north');
    expect(advice.words).toBe('Azimuth: centred');
    expect(advice.centred).toBe(true);
    expect(advice.arrow).toBeUndefined();
    expect(advice.compass).toBeUndefined();
  });
});

describe('altitude advice', () => {
  // TPPA: AltitudeError > 0 is too high in the north ("Move down"), too low in the south ("Move up").
  it.each([
    { hemisphere: 'north', altitudeArcmin: 1.1, reversed: false, move: 'lower', arrow: 'down' },
    { hemisphere: 'north', altitudeArcmin: 1.1, reversed: true, move: 'lower', arrow: 'up' },
    { hemisphere: 'north', altitudeArcmin: -1.1, reversed: false, move: 'raise', arrow: 'up' },
    { hemisphere: 'north', altitudeArcmin: -1.1, reversed: true, move: 'raise', arrow: 'down' },
    { hemisphere: 'south', altitudeArcmin: 1.1, reversed: false, move: 'raise', arrow: 'up' },
    { hemisphere: 'south', altitudeArcmin: 1.1, reversed: true, move: 'raise', arrow: 'down' },
    { hemisphere: 'south', altitudeArcmin: -1.1, reversed: false, move: 'lower', arrow: 'down' },
    { hemisphere: 'south', altitudeArcmin: -1.1, reversed: true, move: 'lower', arrow: 'up' },
  ] as const)('$hemisphere, error $altitudeArcmin′, reversed $reversed: $move, arrow $arrow', ({ hemisphere, altitudeArcmin, reversed, move, arrow }) => {
    const advice = altitudeAdvice(reading(0, altitudeArcmin), hemisphere, reversed);
    expect(advice).toMatchObject({ move, arrow, reversed, toward: move === 'raise' ? 'up' : 'down' });
    expect(advice.words).toBe(`Altitude: ${move} 1′ 06″`);
  });

  it('refuses to guess a direction without the hemisphere', () => {
    const advice = altitudeAdvice(reading(0, 1.1), undefined);
    expect(advice.words).toBe('Altitude: 1′ 06″ off, direction unknown without the hemisphere');
    expect(advice.centred).toBe(false);
    expect(advice.move).toBeUndefined();
    expect(advice.arrow).toBeUndefined();
  });
});

describe('polarGuidance', () => {
  it('joins both axes into one line', () => {
    expect(polarGuidance(reading(-3.2, -1.1), 'north').text).toBe('Azimuth: turn 3′ 12″ east · Altitude: raise 1′ 06″');
    expect(polarGuidance(reading(-3.2, -1.1), 'south').text).toBe('Azimuth: turn 3′ 12″ west · Altitude: lower 1′ 06″');
  });

  it('keeps the words and flips only the arrows when reversed', () => {
    const plain = polarGuidance(reading(4, 2), 'north');
    const reversed = polarGuidance(reading(4, 2), 'north', { azimuth: true, altitude: true });
    expect(reversed.text).toBe(plain.text);
    expect([plain.azimuth.arrow, plain.altitude.arrow]).toEqual(['left', 'down']);
    expect([reversed.azimuth.arrow, reversed.altitude.arrow]).toEqual(['right', 'up']);
    expect(polarGuidance(reading(4, 2), 'north', { azimuth: false, altitude: true }).azimuth.arrow).toBe('left');
  });
});

describe('axisOffsetArcmin', () => {
  it('puts the axis right of the pole for a positive azimuth error and above it when too high, in both hemispheres', () => {
    expect(axisOffsetArcmin(reading(2, 1), 'north')).toEqual({ rightArcmin: 2, upArcmin: 1 });
    expect(axisOffsetArcmin(reading(2, 1), 'south')).toEqual({ rightArcmin: 2, upArcmin: -1 });
    expect(axisOffsetArcmin(reading(2, 1), undefined)).toEqual({ rightArcmin: 2, upArcmin: 1 });
  });
});

describe('formatPolarAngleArcmin', () => {
  it('shows degrees, arcminutes and arcseconds without empty leading units', () => {
    expect(formatPolarAngleArcmin(0)).toBe('0″');
    expect(formatPolarAngleArcmin(0.75)).toBe('45″');
    expect(formatPolarAngleArcmin(3.2)).toBe('3′ 12″');
    expect(formatPolarAngleArcmin(-3.2)).toBe('3′ 12″');
    expect(formatPolarAngleArcmin(59.999)).toBe('1° 00′');
    expect(formatPolarAngleArcmin(62.1)).toBe('1° 02′');
    expect(formatPolarAngleArcmin(Number.NaN)).toBe('—');
  });

  it('carries rounding into the next unit instead of printing 60', () => {
    expect(formatPolarAngleArcmin(0.9999)).toBe('1′ 00″');
    expect(formatPolarAngleArcmin(4.9995)).toBe('5′ 00″');
  });

  it('signs degrees on request', () => {
    expect(formatPolarAngleDeg(-0.05, true)).toBe('−3′ 00″');
    expect(formatPolarAngleDeg(0.05, true)).toBe('+3′ 00″');
    expect(formatPolarAngleDeg(0, true)).toBe('0″');
    expect(formatPolarAngleDeg(-0.05)).toBe('3′ 00″');
  });
});
