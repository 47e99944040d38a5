import { DASH, formatInteger, formatNumber, formatSigned, isPresent } from '../../lib/format';
import { formatDecDeg, formatDeg, formatHoursDuration, formatRaHours } from '../../lib/sexagesimal';
import type { DeviceInfoByKind, DeviceKind } from '../../nina/schemas/equipment';
import type { Tone } from '../../components/StatusPill';

export interface Figure {
  label: string;
  value: string;
  unit?: string;
}

/** A short state next to "Connected": what the device is doing right now. */
export interface Activity {
  text: string;
  tone: Tone;
}

const yesNo = (value: boolean | undefined, yes: string, no: string) => (value === undefined ? DASH : value ? yes : no);
const pierSide = (side: string | undefined) => (side === 'pierEast' ? 'East' : side === 'pierWest' ? 'West' : DASH);

type FigureBuilders = { [K in DeviceKind]: (info: DeviceInfoByKind[K]) => Figure[] };
type ActivityBuilders = { [K in DeviceKind]: (info: DeviceInfoByKind[K]) => Activity | undefined };

const figureBuilders: FigureBuilders = {
  camera: (c) => [
    {
      label: 'Sensor',
      value: isPresent(c.Temperature) ? `${formatSigned(c.Temperature)} °C` : DASH,
    },
    {
      label: 'Cooler',
      value: c.CoolerOn === undefined ? DASH : c.CoolerOn ? `On · ${formatNumber(c.CoolerPower, 0)} %` : 'Off',
    },
    { label: 'Set point', value: c.CanSetTemperature && isPresent(c.TemperatureSetPoint) ? `${formatSigned(c.TemperatureSetPoint)} °C` : DASH },
    { label: 'Gain / offset', value: `${formatInteger(c.Gain)} / ${formatInteger(c.Offset)}` },
    { label: 'Binning', value: isPresent(c.BinX) && isPresent(c.BinY) ? `${c.BinX}×${c.BinY}` : DASH },
    { label: 'Sensor size', value: isPresent(c.XSize) && isPresent(c.YSize) ? `${c.XSize}×${c.YSize}` : DASH },
  ],
  mount: (m) => [
    { label: 'RA', value: isPresent(m.RightAscension) ? formatRaHours(m.RightAscension) : DASH },
    { label: 'Dec', value: isPresent(m.Declination) ? formatDecDeg(m.Declination) : DASH },
    { label: 'Altitude', value: isPresent(m.Altitude) ? formatDeg(m.Altitude) : DASH },
    { label: 'Azimuth', value: isPresent(m.Azimuth) ? formatDeg(m.Azimuth) : DASH },
    { label: 'Pier side', value: pierSide(m.SideOfPier) },
    { label: 'Meridian flip in', value: isPresent(m.TimeToMeridianFlip) ? formatHoursDuration(m.TimeToMeridianFlip) : DASH },
    { label: 'Tracking', value: m.TrackingEnabled === false ? 'Off' : (m.TrackingMode ?? DASH) },
  ],
  focuser: (f) => [
    { label: 'Position', value: formatInteger(f.Position), unit: 'steps' },
    { label: 'Temperature', value: isPresent(f.Temperature) ? `${formatSigned(f.Temperature)} °C` : DASH },
  ],
  filterwheel: (w) => [
    { label: 'Filter', value: w.SelectedFilter?.Name ?? DASH },
    { label: 'Filters', value: w.AvailableFilters?.map((filter) => filter.Name).join(' ') || DASH },
  ],
  guider: (g) => {
    const total = g.RMSError?.Total;
    return [
      { label: 'Total RMS', value: total && isPresent(total.Arcseconds) ? `${formatNumber(total.Arcseconds, 2)}″` : DASH },
      {
        label: 'RA / Dec RMS',
        value: g.RMSError ? `${formatNumber(g.RMSError.RA.Arcseconds, 2)}″ / ${formatNumber(g.RMSError.Dec.Arcseconds, 2)}″` : DASH,
      },
      { label: 'Pixel scale', value: isPresent(g.PixelScale) ? `${formatNumber(g.PixelScale, 2)}″/px` : DASH },
    ];
  },
  rotator: (r) => [
    { label: 'Sky angle', value: isPresent(r.Position) ? `${formatNumber(r.Position, 1)}°` : DASH },
    { label: 'Mechanical', value: isPresent(r.MechanicalPosition) ? `${formatNumber(r.MechanicalPosition, 1)}°` : DASH },
  ],
  flatdevice: (f) => [
    { label: 'Cover', value: f.SupportsOpenClose === false ? 'None' : (f.LocalizedCoverState ?? f.CoverState ?? DASH) },
    {
      label: 'Light',
      value: f.LightOn === undefined ? DASH : f.LightOn ? `On · ${formatInteger(f.Brightness)} / ${formatInteger(f.MaxBrightness)}` : 'Off',
    },
  ],
  dome: (d) => [
    { label: 'Shutter', value: d.ShutterStatus ? d.ShutterStatus.replace(/^Shutter/, '') : DASH },
    { label: 'Azimuth', value: isPresent(d.Azimuth) ? `${formatNumber(d.Azimuth, 1)}°` : DASH },
    { label: 'Following', value: yesNo(d.IsFollowing ?? d.DriverFollowing, 'Yes', 'No') },
    { label: 'Parked', value: yesNo(d.AtPark, 'Yes', 'No') },
  ],
  safetymonitor: (s) => [{ label: 'Conditions', value: yesNo(s.IsSafe, 'Safe', 'Unsafe') }],
  weather: (w) => [
    { label: 'Temperature', value: isPresent(w.Temperature) ? `${formatSigned(w.Temperature)} °C` : DASH },
    { label: 'Humidity', value: isPresent(w.Humidity) ? `${formatNumber(w.Humidity, 0)} %` : DASH },
    { label: 'Dew point', value: isPresent(w.DewPoint) ? `${formatSigned(w.DewPoint)} °C` : DASH },
    { label: 'Cloud cover', value: isPresent(w.CloudCover) ? `${formatNumber(w.CloudCover, 0)} %` : DASH },
    { label: 'Wind', value: isPresent(w.WindSpeed) ? `${formatNumber(w.WindSpeed, 1)} m/s` : DASH },
    { label: 'Sky quality', value: isPresent(w.SkyQuality) ? `${formatNumber(w.SkyQuality, 2)} mag/″²` : DASH },
  ],
  switch: (s) => [
    ...(s.WritableSwitches ?? []).map((sw) => ({ label: sw.Name ?? `Switch ${sw.Id}`, value: formatSwitchValue(sw.Value, sw.Maximum) })),
    ...(s.ReadonlySwitches ?? []).map((sw) => ({ label: sw.Name ?? `Sensor ${sw.Id}`, value: formatSwitchValue(sw.Value, undefined) })),
  ],
};

function formatSwitchValue(value: number | undefined, maximum: number | undefined): string {
  if (!isPresent(value)) return DASH;
  // A 0..1 switch is an on/off switch in ASCOM terms.
  if (maximum === 1 && (value === 0 || value === 1)) return value === 1 ? 'On' : 'Off';
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

const activityBuilders: ActivityBuilders = {
  camera: (c) => {
    const state = c.CameraState;
    if (!state || state === 'NoState') return undefined;
    return { text: state === 'Idle' ? 'Idle' : state, tone: state === 'Error' ? 'bad' : state === 'Idle' ? 'idle' : 'info' };
  },
  mount: (m) => {
    if (m.AtPark) return { text: 'Parked', tone: 'idle' };
    if (m.Slewing) return { text: 'Slewing', tone: 'info' };
    if (m.AtHome) return { text: 'At home', tone: 'idle' };
    return m.TrackingEnabled ? { text: 'Tracking', tone: 'ok' } : { text: 'Not tracking', tone: 'warn' };
  },
  focuser: (f) => (f.IsMoving ? { text: 'Moving', tone: 'info' } : undefined),
  filterwheel: (w) => (w.IsMoving ? { text: 'Moving', tone: 'info' } : undefined),
  guider: (g) => {
    if (!g.State) return undefined;
    const tone: Tone = g.State === 'Guiding' ? 'ok' : g.State === 'LostLock' ? 'bad' : g.State === 'Calibrating' ? 'info' : 'idle';
    return { text: g.State === 'LostLock' ? 'Lost lock' : g.State, tone };
  },
  rotator: (r) => (r.IsMoving ? { text: 'Moving', tone: 'info' } : undefined),
  flatdevice: () => undefined,
  dome: (d) => (d.Slewing ? { text: 'Slewing', tone: 'info' } : undefined),
  safetymonitor: (s) => (s.IsSafe === undefined ? undefined : s.IsSafe ? { text: 'Safe', tone: 'ok' } : { text: 'Unsafe', tone: 'bad' }),
  weather: () => undefined,
  switch: () => undefined,
};

export function deviceFigures<K extends DeviceKind>(kind: K, info: DeviceInfoByKind[K]): Figure[] {
  return (figureBuilders[kind] as (info: DeviceInfoByKind[K]) => Figure[])(info);
}

export function deviceActivity<K extends DeviceKind>(kind: K, info: DeviceInfoByKind[K]): Activity | undefined {
  return (activityBuilders[kind] as (info: DeviceInfoByKind[K]) => Activity | undefined)(info);
}
