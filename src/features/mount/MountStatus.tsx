import { Stat } from '../../components/Stat';
import { StatusPill } from '../../components/StatusPill';
import { DASH, isPresent } from '../../lib/format';
import { formatDecDeg, formatDeg, formatHoursDuration, formatRaHours } from '../../lib/sexagesimal';
import type { MountInfo } from '../../nina/schemas/equipment';

const pierSide: Record<string, string> = { pierEast: 'East', pierWest: 'West', pierUnknown: 'Unknown' };

export function MountStatus({ mount }: { mount: MountInfo }) {
  const epoch = mount.Coordinates?.Epoch === 'J2000' ? 'J2000' : 'JNow';
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" aria-label="Mount state">
        {mount.AtPark ? <StatusPill tone="idle">Parked</StatusPill> : null}
        {mount.Slewing ? (
          <StatusPill tone="info" pulse>
            Slewing
          </StatusPill>
        ) : null}
        {mount.AtHome ? <StatusPill tone="idle">At home</StatusPill> : null}
        {!mount.AtPark ? (
          mount.TrackingEnabled ? (
            <StatusPill tone="ok">Tracking {mount.TrackingMode?.toLowerCase() ?? ''}</StatusPill>
          ) : (
            <StatusPill tone="warn">Not tracking</StatusPill>
          )
        ) : null}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3">
        <Stat label={`RA (${epoch})`} value={isPresent(mount.RightAscension) ? formatRaHours(mount.RightAscension, 1) : DASH} />
        <Stat label={`Dec (${epoch})`} value={isPresent(mount.Declination) ? formatDecDeg(mount.Declination, 1) : DASH} />
        <Stat label="Altitude" value={isPresent(mount.Altitude) ? formatDeg(mount.Altitude) : DASH} />
        <Stat label="Azimuth" value={isPresent(mount.Azimuth) ? formatDeg(mount.Azimuth) : DASH} />
        <Stat label="Pier side" value={mount.SideOfPier ? (pierSide[mount.SideOfPier] ?? mount.SideOfPier) : DASH} />
        <Stat label="Meridian flip in" value={isPresent(mount.TimeToMeridianFlip) ? formatHoursDuration(mount.TimeToMeridianFlip) : DASH} />
        <Stat label="Sidereal time" value={isPresent(mount.SiderealTime) ? formatRaHours(mount.SiderealTime) : DASH} />
        <Stat label="Site latitude" value={isPresent(mount.SiteLatitude) ? `${formatDecDeg(mount.SiteLatitude)}` : DASH} />
      </dl>
    </div>
  );
}
