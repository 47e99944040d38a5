import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { clampView, FIT_VIEW, fitSize, pinch, zoomAt, type Point, type Size, type ViewState } from '../../lib/view-transform';

/** Deep enough to count a stack's hot pixels and judge its stars. */
export const MAX_ZOOM = 12;
/** A double tap at fit zooms this far at the tapped point; another goes back to fit. */
const DOUBLE_TAP_ZOOM = 3;
/** Each press of + or − zooms by this factor, about the centre. */
export const ZOOM_STEP = 1.5;
const DOUBLE_TAP_MS = 300;
const TAP_SLOP_PX = 10;
const WHEEL_ZOOM_PER_PX = 0.0015;

export interface PanZoom {
  /** The view as shown: always within bounds for the current box and picture. */
  view: ViewState;
  /** The picture's size on screen at zoom 1. */
  fit: Size;
  zoomBy: (factor: number) => void;
  reset: () => void;
  handlers: {
    onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void;
    onPointerMove: (event: ReactPointerEvent<HTMLElement>) => void;
    onPointerUp: (event: ReactPointerEvent<HTMLElement>) => void;
    onPointerCancel: (event: ReactPointerEvent<HTMLElement>) => void;
  };
}

/**
 * Pan and zoom of a picture contained in `box` (lib/view-transform does the arithmetic): drag to
 * pan once zoomed, pinch or wheel to zoom about the fingers or the pointer, double tap to zoom in
 * and back to fit.
 */
export function usePanZoom(boxRef: RefObject<HTMLElement | null>, box: Size, picture: Size, onZoom?: (zoom: number) => void): PanZoom {
  const [rawView, setView] = useState<ViewState>(FIT_VIEW);
  const fit = fitSize(box, picture);
  const view = clampView(rawView, box, fit, MAX_ZOOM);
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<{ start: ViewState; from: Map<number, Point> } | null>(null);
  const down = useRef<{ atMs: number; point: Point } | null>(null);
  const lastTap = useRef<{ atMs: number; point: Point } | null>(null);

  const commit = (next: ViewState) => {
    const clamped = clampView(next, box, fit, MAX_ZOOM);
    setView(clamped);
    onZoom?.(clamped.zoom);
  };

  const pointIn = (event: { clientX: number; clientY: number }, element: Element): Point => {
    const rect = element.getBoundingClientRect();
    return { x: event.clientX - rect.left - rect.width / 2, y: event.clientY - rect.top - rect.height / 2 };
  };

  const restartGesture = (base: ViewState) => {
    gesture.current = pointers.current.size > 0 ? { start: base, from: new Map(pointers.current) } : null;
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const point = pointIn(event, event.currentTarget);
    pointers.current.set(event.pointerId, point);
    down.current = pointers.current.size === 1 ? { atMs: event.timeStamp, point } : null;
    restartGesture(view);
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    if (!pointers.current.has(event.pointerId) || !gesture.current) return;
    pointers.current.set(event.pointerId, pointIn(event, event.currentTarget));
    const { start, from } = gesture.current;
    const ids = [...pointers.current.keys()];
    if (ids.length >= 2) {
      const [a, b] = ids as [number, number];
      const fromA = from.get(a);
      const fromB = from.get(b);
      const toA = pointers.current.get(a);
      const toB = pointers.current.get(b);
      if (fromA && fromB && toA && toB) commit(pinch(start, { a: fromA, b: fromB }, { a: toA, b: toB }));
      return;
    }
    const id = ids[0];
    const origin = id === undefined ? undefined : from.get(id);
    const now = id === undefined ? undefined : pointers.current.get(id);
    if (!origin || !now || start.zoom <= 1) return;
    commit({ ...start, panX: start.panX + now.x - origin.x, panY: start.panY + now.y - origin.y });
  };

  const onPointerEnd = (event: ReactPointerEvent<HTMLElement>) => {
    if (!pointers.current.has(event.pointerId)) return;
    const point = pointIn(event, event.currentTarget);
    pointers.current.delete(event.pointerId);
    restartGesture(view);
    const pressed = down.current;
    down.current = null;
    if (event.type !== 'pointerup' || !pressed || pointers.current.size > 0) return;
    const isTap = event.timeStamp - pressed.atMs < DOUBLE_TAP_MS * 2 && Math.hypot(point.x - pressed.point.x, point.y - pressed.point.y) < TAP_SLOP_PX;
    if (!isTap) return;
    const previous = lastTap.current;
    if (previous && event.timeStamp - previous.atMs < DOUBLE_TAP_MS && Math.hypot(point.x - previous.point.x, point.y - previous.point.y) < TAP_SLOP_PX * 3) {
      lastTap.current = null;
      commit(view.zoom > 1.01 ? FIT_VIEW : zoomAt(FIT_VIEW, DOUBLE_TAP_ZOOM, point));
    } else {
      lastTap.current = { atMs: event.timeStamp, point };
    }
  };

  // The wheel needs a non-passive listener, or the page behind the viewer scrolls instead.
  useEffect(() => {
    const element = boxRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      commit(zoomAt(view, view.zoom * Math.exp(-event.deltaY * WHEEL_ZOOM_PER_PX), pointIn(event, element)));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  });

  return {
    view,
    fit,
    zoomBy: (factor) => commit(zoomAt(view, view.zoom * factor, { x: 0, y: 0 })),
    reset: () => commit(FIT_VIEW),
    handlers: { onPointerDown, onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd },
  };
}
