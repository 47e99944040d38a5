/**
 * Pan and zoom of an image shown "contained" in a box, as pure arithmetic. The image is laid out
 * at its fit size, centred; the view scales it by `zoom` (1 = fit) and shifts its centre by
 * (panX, panY) CSS pixels. Points are in CSS pixels relative to the box's centre.
 */

export interface Size {
  width: number;
  height: number;
}

export interface ViewState {
  zoom: number;
  panX: number;
  panY: number;
}

export interface Point {
  x: number;
  y: number;
}

export const FIT_VIEW: ViewState = { zoom: 1, panX: 0, panY: 0 };

/** The largest size with the image's aspect ratio that fits in the box. */
export function fitSize(box: Size, image: Size): Size {
  if (box.width <= 0 || box.height <= 0 || image.width <= 0 || image.height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(box.width / image.width, box.height / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

/** Keeps the zoom within [1, maxZoom] and the image over the box: no empty margin on a side that overflows. */
export function clampView(view: ViewState, box: Size, fit: Size, maxZoom: number): ViewState {
  const zoom = Math.min(maxZoom, Math.max(1, view.zoom));
  const maxPanX = Math.max(0, (fit.width * zoom - box.width) / 2);
  const maxPanY = Math.max(0, (fit.height * zoom - box.height) / 2);
  return {
    zoom,
    panX: Math.min(maxPanX, Math.max(-maxPanX, view.panX)),
    panY: Math.min(maxPanY, Math.max(-maxPanY, view.panY)),
  };
}

/** Zoom to `zoom` keeping the image point under `anchor` where it is. */
export function zoomAt(view: ViewState, zoom: number, anchor: Point): ViewState {
  const ratio = zoom / view.zoom;
  return {
    zoom,
    panX: anchor.x - (anchor.x - view.panX) * ratio,
    panY: anchor.y - (anchor.y - view.panY) * ratio,
  };
}

/** A two-finger gesture: the start's distance and midpoint against the current ones. */
export function pinch(start: ViewState, from: { a: Point; b: Point }, to: { a: Point; b: Point }): ViewState {
  const distance = (p: { a: Point; b: Point }) => Math.hypot(p.a.x - p.b.x, p.a.y - p.b.y);
  const middle = (p: { a: Point; b: Point }): Point => ({ x: (p.a.x + p.b.x) / 2, y: (p.a.y + p.b.y) / 2 });
  const startDistance = distance(from);
  const zoom = startDistance > 0 ? start.zoom * (distance(to) / startDistance) : start.zoom;
  const zoomed = zoomAt(start, zoom, middle(from));
  const shift = { x: middle(to).x - middle(from).x, y: middle(to).y - middle(from).y };
  return { zoom: zoomed.zoom, panX: zoomed.panX + shift.x, panY: zoomed.panY + shift.y };
}

/** The zoom at which one image pixel (of an image `naturalWidth` wide) covers one CSS pixel. */
export function actualPixelsZoom(fit: Size, naturalWidth: number): number {
  return fit.width > 0 ? Math.max(1, naturalWidth / fit.width) : 1;
}
