import { Button, Spinner } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Stat } from '../../components/Stat';
import { useNow } from '../../components/use-now';
import { DASH, formatClockTime, formatInteger, formatNumber, formatSigned, isPresent } from '../../lib/format';
import { formatDecDeg, formatRaHours } from '../../lib/sexagesimal';
import { useCaptureStatistics } from '../../nina/api/camera';
import { useSolveImage, type ImageSource } from '../../nina/api/images';
import type { ImageStatistics } from '../../nina/schemas/events';
import type { CameraInfo } from '../../nina/schemas/equipment';
import type { PreparedFrame } from '../../store/image-activity';

/** How long after API-CAPTURE-FINISHED an IMAGE-SAVE may still come (NINA's save queue, notes §6.1). */
const SAVE_GRACE_MS = 2_000;

const temperature = (value: number | undefined) => (isPresent(value) ? `${formatSigned(value)} °C` : DASH);

function SavedStatistics({ statistics }: { statistics: ImageStatistics }) {
  const savedAt = statistics.Date ? Date.parse(statistics.Date) : Number.NaN;
  return (
    <>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3 lg:grid-cols-2 xl:grid-cols-3" data-testid="frame-statistics" data-source="saved">
        <Stat label="HFR" value={formatNumber(statistics.HFR, 2)} unit="px" />
        <Stat label="Stars" value={formatInteger(statistics.Stars)} />
        <Stat label="Mean" value={formatNumber(statistics.Mean, 1)} />
        <Stat label="Median" value={formatNumber(statistics.Median, 1)} />
        <Stat label="StDev" value={formatNumber(statistics.StDev, 1)} />
        <Stat label="Temperature" value={temperature(statistics.Temperature)} />
        <Stat label="Exposure" value={formatNumber(statistics.ExposureTime, statistics.ExposureTime % 1 === 0 ? 0 : 2)} unit="s" />
        <Stat label="Filter" value={statistics.Filter ?? DASH} />
        <Stat label="Gain / offset" value={`${formatInteger(statistics.Gain)} / ${formatInteger(statistics.Offset)}`} />
      </dl>
      <p className="mt-2 truncate text-xs text-muted" title={statistics.Filename}>
        {[statistics.ImageType, statistics.TargetName, Number.isNaN(savedAt) ? undefined : `saved ${formatClockTime(savedAt)}`].filter(Boolean).join(' · ')}
        {statistics.Filename ? <span className="block truncate font-mono">{statistics.Filename}</span> : null}
      </p>
    </>
  );
}

function PreviewStatistics({ frameSeq, camera }: { frameSeq: number; camera: CameraInfo | undefined }) {
  const statistics = useCaptureStatistics(frameSeq);
  if (statistics.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-muted">
        <Spinner className="size-3" /> NINA is measuring the frame…
      </p>
    );
  }
  if (statistics.isError) return <ErrorNotice error={statistics.error} compact />;
  const data = statistics.data;
  return (
    <>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3 lg:grid-cols-2 xl:grid-cols-3" data-testid="frame-statistics" data-source="capture">
        <Stat label="HFR" value={formatNumber(data.HFR, 2)} unit="px" />
        <Stat label="Stars" value={formatInteger(data.Stars)} />
        <Stat label="Mean" value={formatNumber(data.Mean, 1)} />
        <Stat label="Median" value={formatNumber(data.Median, 1)} />
        <Stat label="StDev" value={formatNumber(data.StDev, 1)} />
        <Stat label="Sensor now" value={temperature(camera?.Temperature)} />
      </dl>
      <p className="mt-2 text-xs text-muted">Not saved: measured by NINA on its stretched preview, so the levels are not the raw frame’s.</p>
    </>
  );
}

function LiveStatistics({
  frame,
  expectSave,
  camera,
  newestSaved,
}: {
  frame: PreparedFrame | undefined;
  expectSave: boolean;
  camera: CameraInfo | undefined;
  newestSaved: { index: number; item: ImageStatistics } | undefined;
}) {
  const finishedAtMs = frame?.captureFinishedAtMs;
  const waitingForSave = frame !== undefined && !frame.saved && finishedAtMs !== undefined && expectSave;
  const nowMs = useNow(500, waitingForSave);
  if (!frame && newestSaved) {
    // Prepared before Skydeck opened: usually the newest saved frame, but an autofocus frame is never saved.
    return (
      <>
        <p className="mb-2 text-xs text-muted">The newest frame NINA saved (#{newestSaved.index}); the image shown may be newer.</p>
        <SavedStatistics statistics={newestSaved.item} />
      </>
    );
  }
  if (!frame) return <p className="text-sm text-muted">Statistics appear with the next frame NINA prepares.</p>;
  if (frame.saved) return <SavedStatistics statistics={frame.saved} />;
  if (finishedAtMs !== undefined && (!expectSave || nowMs - finishedAtMs > SAVE_GRACE_MS)) return <PreviewStatistics frameSeq={frame.seq} camera={camera} />;
  if (finishedAtMs !== undefined) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-muted">
        <Spinner className="size-3" /> Waiting for NINA to save the frame…
      </p>
    );
  }
  return <p className="text-sm text-muted">NINA has not saved this frame (autofocus frames never are): no statistics yet.</p>;
}

function SolveResult({ source }: { source: ImageSource }) {
  const solve = useSolveImage();
  const result = solve.data;
  return (
    <div className="space-y-2">
      <Button onClick={() => solve.mutate(source)} pending={solve.isPending}>
        Solve this image
      </Button>
      {solve.isPending ? <p className="text-xs text-muted">Plate solving in NINA; this can take a minute.</p> : null}
      {solve.isError ? <ErrorNotice error={solve.error} compact /> : null}
      {result && !result.Success ? (
        <p role="alert" className="text-sm text-warn">
          NINA could not solve this image.
        </p>
      ) : null}
      {result?.Success ? (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2" data-testid="solve-result">
          <Stat label="RA (J2000)" value={result.Coordinates ? formatRaHours(result.Coordinates.RA, 1) : DASH} />
          <Stat label="Dec (J2000)" value={result.Coordinates ? formatDecDeg(result.Coordinates.Dec, 1) : DASH} />
          <Stat label="Rotation" value={isPresent(result.PositionAngle) ? `${result.PositionAngle.toFixed(2)}°` : DASH} />
          <Stat label="Pixel scale" value={isPresent(result.Pixscale) ? `${result.Pixscale.toFixed(3)}″/px` : DASH} />
        </dl>
      ) : null}
    </div>
  );
}

export function FrameDetails({
  source,
  frameKey,
  liveFrame,
  historyItem,
  newestSaved,
  historyLoading,
  expectSave,
  camera,
}: {
  source: ImageSource;
  frameKey: string;
  liveFrame: PreparedFrame | undefined;
  historyItem: ImageStatistics | undefined;
  newestSaved: { index: number; item: ImageStatistics } | undefined;
  historyLoading: boolean;
  /** The last capture from this browser asked NINA to save: wait for its IMAGE-SAVE. */
  expectSave: boolean;
  camera: CameraInfo | undefined;
}) {
  return (
    <div className="space-y-4">
      {source.kind === 'live' ? (
        <LiveStatistics frame={liveFrame} expectSave={expectSave} camera={camera} newestSaved={newestSaved} />
      ) : historyItem ? (
        <SavedStatistics statistics={historyItem} />
      ) : historyLoading ? (
        <p className="flex items-center gap-2 text-sm text-muted">
          <Spinner className="size-3" /> Reading NINA’s image history…
        </p>
      ) : (
        <p className="text-sm text-muted">This frame is not in NINA’s image history.</p>
      )}
      <SolveResult key={frameKey} source={source} />
    </div>
  );
}
