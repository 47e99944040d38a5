import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether the element is at least partly on screen, kept current by an IntersectionObserver, so
 * a panel scrolled out of sight can stop polling. True where the browser has no observer.
 */
export function useInView<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [inView, setInView] = useState(true);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const entry = entries.at(-1);
      if (entry) setInView(entry.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, inView];
}
