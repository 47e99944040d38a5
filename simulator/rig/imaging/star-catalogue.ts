// A procedural star catalogue: the sky is cut into cells of about one square degree and each
// cell's stars are drawn from a PRNG seeded by (seed, cell), so any field is the same every time it
// is imaged without holding the whole sky in memory. A few thousand stars over the whole sky would
// leave a 2.5° × 1.7° field nearly empty; a real camera on a 530 mm refractor records hundreds of
// stars down to magnitude 14, more towards the Milky Way, and the focus statistics need them.

import { modulo } from '../astronomy';
import { SeededRandom } from '../random';
import { galacticLatitudeDeg, type RaDecDeg } from './sky';

export interface CatalogueStar extends RaDecDeg {
  magnitude: number;
}

/** Faintest magnitude generated: about the 5σ limit of a few minutes through the L filter. */
const FAINTEST_MAGNITUDE = 14.5;
const BRIGHTEST_MAGNITUDE = 2;
/** Stars per square degree down to FAINTEST_MAGNITUDE, before the galactic-latitude factor. */
const DENSITY_PER_DEG2 = 140;
const BAND_HEIGHT_DEG = 1;
const BAND_COUNT = 180 / BAND_HEIGHT_DEG;
const CACHED_CELLS = 96;
const DEG = Math.PI / 180;

function cellsInBand(band: number): number {
  const centerDeg = -90 + (band + 0.5) * BAND_HEIGHT_DEG;
  return Math.max(1, Math.round(360 * Math.cos(centerDeg * DEG)));
}

function cellSeed(seed: number, band: number, cell: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2f) ^ Math.imul(band + 1, 0x165667b1) ^ Math.imul(cell + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Poisson for small means, a rounded normal for large ones (cells near the galactic plane hold hundreds). */
function poisson(random: SeededRandom, mean: number): number {
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.gaussian()));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count += 1;
    product *= random.next();
  }
  return count;
}

export class StarCatalogue {
  private readonly cells = new Map<string, readonly CatalogueStar[]>();

  constructor(private readonly seed: number) {}

  private cell(band: number, index: number): readonly CatalogueStar[] {
    const key = `${band}:${index}`;
    const cached = this.cells.get(key);
    if (cached !== undefined) {
      this.cells.delete(key);
      this.cells.set(key, cached);
      return cached;
    }
    const stars = this.generate(band, index);
    this.cells.set(key, stars);
    if (this.cells.size > CACHED_CELLS) this.cells.delete(this.cells.keys().next().value ?? key);
    return stars;
  }

  private generate(band: number, index: number): CatalogueStar[] {
    const random = new SeededRandom(cellSeed(this.seed, band, index));
    const count = cellsInBand(band);
    const raWidthDeg = 360 / count;
    const raStartDeg = index * raWidthDeg;
    const sinBottom = Math.sin((-90 + band * BAND_HEIGHT_DEG) * DEG);
    const sinTop = Math.sin((-90 + (band + 1) * BAND_HEIGHT_DEG) * DEG);
    const areaDeg2 = raWidthDeg * (sinTop - sinBottom) * (180 / Math.PI);
    const center = { raDeg: raStartDeg + raWidthDeg / 2, decDeg: -90 + (band + 0.5) * BAND_HEIGHT_DEG };
    const milkyWay = 0.45 + 3 * Math.exp(-Math.abs(galacticLatitudeDeg(center)) / 12);
    const stars: CatalogueStar[] = [];
    const total = poisson(random, DENSITY_PER_DEG2 * milkyWay * areaDeg2);
    for (let i = 0; i < total; i++) {
      const raDeg = raStartDeg + random.next() * raWidthDeg;
      const decDeg = Math.asin(sinBottom + random.next() * (sinTop - sinBottom)) / DEG;
      // N(<m) ∝ 10^(0.4 m): the classic star-count slope, close enough over this range.
      const magnitude = Math.max(BRIGHTEST_MAGNITUDE, FAINTEST_MAGNITUDE + 2.5 * Math.log10(1 - random.next()));
      stars.push({ raDeg, decDeg, magnitude });
    }
    return stars;
  }

  /** Every star within `radiusDeg` (roughly: whole cells) of `center`. */
  around(center: RaDecDeg, radiusDeg: number): CatalogueStar[] {
    const result: CatalogueStar[] = [];
    const lowestBand = Math.max(0, Math.floor((center.decDeg - radiusDeg + 90) / BAND_HEIGHT_DEG));
    const highestBand = Math.min(BAND_COUNT - 1, Math.floor((center.decDeg + radiusDeg + 90) / BAND_HEIGHT_DEG));
    for (let band = lowestBand; band <= highestBand; band++) {
      const count = cellsInBand(band);
      const widthDeg = 360 / count;
      const edgeDecDeg = Math.min(89.9, Math.max(Math.abs(-90 + band * BAND_HEIGHT_DEG), Math.abs(-90 + (band + 1) * BAND_HEIGHT_DEG)));
      const halfSpanDeg = radiusDeg / Math.cos(edgeDecDeg * DEG);
      if (halfSpanDeg >= 180) {
        for (let index = 0; index < count; index++) result.push(...this.cell(band, index));
        continue;
      }
      const first = Math.floor((center.raDeg - halfSpanDeg) / widthDeg);
      const last = Math.floor((center.raDeg + halfSpanDeg) / widthDeg);
      for (let index = first; index <= last && index - first < count; index++) result.push(...this.cell(band, modulo(index, count)));
    }
    return result;
  }
}
