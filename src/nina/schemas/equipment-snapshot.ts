import { z } from 'zod';
import { deviceKinds, devices, type DeviceInfoByKind, type DeviceKind } from './equipment';

/**
 * `/equipment/info` bundles every device (notes §3.1). Each device is parsed on its own, so a
 * payload Skydeck cannot read breaks one card, not the whole Overview.
 */
export type DeviceSnapshot<K extends DeviceKind = DeviceKind> =
  | { kind: K; ok: true; info: DeviceInfoByKind[K] }
  | { kind: K; ok: false; problem: string; raw: unknown };

export type EquipmentSnapshot = { [K in DeviceKind]: DeviceSnapshot<K> };

export function parseDevice<K extends DeviceKind>(kind: K, raw: unknown): DeviceSnapshot<K> {
  if (raw === undefined) return { kind, ok: false, problem: `NINA's reply has no ${devices[kind].infoKey} entry`, raw };
  const parsed = devices[kind].schema.safeParse(raw);
  if (parsed.success) return { kind, ok: true, info: parsed.data as DeviceInfoByKind[K] };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  console.warn(`[skydeck] unreadable ${kind} info from NINA`, z.prettifyError(parsed.error), raw);
  return { kind, ok: false, problem: `${where}${issue?.message ?? 'unreadable'}`, raw };
}

export const equipmentSnapshotSchema = z.record(z.string(), z.unknown()).transform((bundle): EquipmentSnapshot => {
  const entries = deviceKinds.map((kind) => [kind, parseDevice(kind, bundle[devices[kind].infoKey])] as const);
  return Object.fromEntries(entries) as EquipmentSnapshot;
});
