import { describe, expect, it } from 'vitest';
import { actualPixelsZoom, clampView, FIT_VIEW, fitSize, pinch, zoomAt } from './view-transform';

const box = { width: 800, height: 600 };

describe('view transform', () => {
  it('fits an image by its limiting side', () => {
    expect(fitSize(box, { width: 6000, height: 4000 })).toEqual({ width: 800, height: 800 / 1.5 });
    expect(fitSize(box, { width: 1000, height: 2000 })).toEqual({ width: 300, height: 600 });
    expect(fitSize({ width: 0, height: 600 }, { width: 10, height: 10 })).toEqual({ width: 0, height: 0 });
  });

  it('keeps the point under the anchor in place when zooming', () => {
    const zoomed = zoomAt(FIT_VIEW, 4, { x: 100, y: -50 });
    // The image point that was under (100, -50) at zoom 1 is (100, -50); at zoom 4 it must still be there.
    expect(100 * 4 + zoomed.panX).toBeCloseTo(100);
    expect(-50 * 4 + zoomed.panY).toBeCloseTo(-50);
  });

  it('clamps the zoom and keeps the image over the box', () => {
    const fit = { width: 800, height: 533 };
    expect(clampView({ zoom: 0.5, panX: 30, panY: 0 }, box, fit, 8)).toEqual({ zoom: 1, panX: 0, panY: 0 });
    expect(clampView({ zoom: 20, panX: 0, panY: 0 }, box, fit, 8).zoom).toBe(8);
    const panned = clampView({ zoom: 2, panX: 5000, panY: -5000 }, box, fit, 8);
    expect(panned.panX).toBe(400);
    expect(panned.panY).toBeCloseTo(-(533 * 2 - 600) / 2);
  });

  it('pinches around the fingers’ midpoint and follows it', () => {
    const from = { a: { x: -100, y: 0 }, b: { x: 100, y: 0 } };
    const spread = pinch(FIT_VIEW, from, { a: { x: -200, y: 0 }, b: { x: 200, y: 0 } });
    expect(spread).toEqual({ zoom: 2, panX: 0, panY: 0 });
    const moved = pinch(FIT_VIEW, from, { a: { x: -90, y: 20 }, b: { x: 110, y: 20 } });
    expect(moved).toEqual({ zoom: 1, panX: 10, panY: 20 });
  });

  it('knows the zoom where one image pixel covers one CSS pixel', () => {
    expect(actualPixelsZoom({ width: 800, height: 533 }, 6248)).toBeCloseTo(7.81);
    expect(actualPixelsZoom({ width: 800, height: 533 }, 400)).toBe(1);
  });
});
