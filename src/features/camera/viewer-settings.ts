import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { StretchOptions } from '../../nina/api/images';

/** NINA's own defaults (ImageSettings), the starting point when someone tunes the stretch. */
export const NINA_DEFAULT_STRETCH = { factor: 0.2, blackClipping: -2.8, unlinked: false } as const;
export const JPEG_QUALITY = 85;

const settingsSchema = z.object({
  /** auto: PNG, unless the browser says the link is slow or metered. */
  format: z.enum(['auto', 'png', 'jpeg']),
  /** profile: send no stretch parameters, so NINA uses its profile's (notes §7.4). */
  stretchMode: z.enum(['profile', 'custom']),
  factor: z.number().min(0.01).max(1),
  blackClipping: z.number().min(-10).max(0),
  unlinked: z.boolean(),
  crosshair: z.boolean(),
});
type ViewerSettings = z.infer<typeof settingsSchema>;

const defaults: ViewerSettings = { format: 'auto', stretchMode: 'profile', ...NINA_DEFAULT_STRETCH, crosshair: false };

/** Per browser: a phone on a weak Wi-Fi wants JPEG, the observatory PC wants PNG. */
export const useViewerSettings = create<ViewerSettings & { change: (change: Partial<ViewerSettings>) => void }>()(
  persist(
    (set) => ({
      ...defaults,
      change: (change) => set(change),
    }),
    {
      name: 'skydeck.viewer',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ format, stretchMode, factor, blackClipping, unlinked, crosshair }) => ({ format, stretchMode, factor, blackClipping, unlinked, crosshair }),
      merge: (persisted, current) => {
        const parsed = settingsSchema.safeParse(persisted);
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);

interface NetworkInformationLike {
  saveData?: boolean;
  effectiveType?: string;
}

/** The Network Information API exists only in Chromium browsers; elsewhere the link counts as fast. */
export function linkIsSlow(connection: NetworkInformationLike | undefined): boolean {
  if (!connection) return false;
  return connection.saveData === true || ['slow-2g', '2g', '3g'].includes(connection.effectiveType ?? '');
}

/** NINA's `quality`: -1 for PNG, 1–100 for JPEG (notes §6.1). */
export function qualityFor(format: ViewerSettings['format'], slowLink: boolean): number {
  if (format === 'png') return -1;
  if (format === 'jpeg') return JPEG_QUALITY;
  return slowLink ? JPEG_QUALITY : -1;
}

export function stretchFor(settings: Pick<ViewerSettings, 'stretchMode' | 'factor' | 'blackClipping' | 'unlinked'>): StretchOptions | undefined {
  if (settings.stretchMode === 'profile') return undefined;
  return { factor: settings.factor, blackClipping: settings.blackClipping, unlinked: settings.unlinked };
}
