import { describe, expect, it } from 'vitest';
import { electronsPerAdu, SENSOR } from '../camera';
import { analyzeStars, pixelStatistics, renderFrame, type FrameParams } from './frame-renderer';
import { pixelScaleArcsecPerPx } from './profile';
import { StarCatalogue } from './star-catalogue';

const catalogue = new StarCatalogue(1);

function params(changes: Partial<FrameParams> = {}): FrameParams {
  return {
    id: 1,
    noiseSeed: 42,
    skySeed: 1,
    sensorWidthPx: SENSOR.widthPx,
    sensorHeightPx: SENSOR.heightPx,
    pixelScaleArcsecPerPx: pixelScaleArcsecPerPx(SENSOR.pixelSizeUm),
    binX: 1,
    binY: 1,
    exposureS: 30,
    gain: 100,
    offset: 50,
    electronsPerAdu: electronsPerAdu(100),
    imageType: 'LIGHT',
    filterName: 'L',
    centerJ2000: { raDeg: 83.8, decDeg: -5.4 },
    positionAngleDeg: 2.3,
    hfrPx: 1.7,
    skyQualityMagPerArcsec2: 21.4,
    transparency: 1,
    sensorTemperatureC: -10,
    ...changes,
  };
}

describe('synthetic frames', () => {
  it('renders at most 1500 px wide, the same pixels for the same parameters, well under 100 ms', () => {
    const first = renderFrame(params(), catalogue);
    expect(first.width).toBeLessThanOrEqual(1500);
    expect(first.width).toBe(Math.floor(SENSOR.widthPx / 5));
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const again = renderFrame(params(), catalogue);
      timings.push(performance.now() - started);
      expect(Buffer.from(again.data.buffer).equals(Buffer.from(first.data.buffer))).toBe(true);
    }
    expect(timings.sort((a, b) => a - b)[2]).toBeLessThan(80);
  });

  it('measures the focus model HFR on the stars, and loses stars as focus goes', () => {
    const sharp = analyzeStars(params(), catalogue);
    expect(sharp.stars).toBeGreaterThan(100);
    expect(sharp.hfr).toBeGreaterThan(1.7);
    expect(sharp.hfr).toBeLessThan(2.1);
    expect(sharp.hfrStDev).toBeGreaterThan(0.05);
    const blurred = analyzeStars(params({ hfrPx: 12, exposureS: 2 }), catalogue);
    expect(blurred.hfr).toBeGreaterThan(10);
    expect(blurred.stars).toBeLessThan(sharp.stars);
    const binned = analyzeStars(params({ binX: 2, binY: 2 }), catalogue);
    expect(binned.hfr).toBeLessThan(sharp.hfr * 0.7);
  });

  it('shows no stars in darks, bias frames or under clouds, and a bright even field in flats', () => {
    expect(analyzeStars(params({ imageType: 'DARK' }), catalogue).stars).toBe(0);
    expect(analyzeStars(params({ transparency: 0 }), catalogue)).toEqual({ stars: 0, hfr: Number.NaN, hfrStDev: Number.NaN });
    const bias = pixelStatistics(renderFrame(params({ imageType: 'BIAS', exposureS: 0 }), catalogue).data);
    expect(bias.median).toBeGreaterThan(480);
    expect(bias.median).toBeLessThan(520);
    const flat = pixelStatistics(renderFrame(params({ imageType: 'FLAT', exposureS: 1 }), catalogue).data);
    expect(flat.median).toBeGreaterThan(25_000);
  });
});
