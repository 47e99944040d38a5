import { useCallback, useState, type ReactNode } from 'react';
import { Panel } from '../../components/Panel';
import { PanelErrorBoundary } from '../../components/PanelErrorBoundary';
import { useCameraInfo } from '../../nina/api/camera';
import { useCaptureSession } from '../../nina/api/capture-session';
import { useNinaClient } from '../../nina/api/client-context';
import { useImageHistory, type ImageSource } from '../../nina/api/images';
import type { HfrPoint } from '../../store/hfr-history';
import { useLatestPreparedFrame } from '../../store/image-activity';
import { CapturePanel } from './CapturePanel';
import { CoolingPanel, useCoolingSampler } from './CoolingPanel';
import { FrameDetails } from './FrameDetails';
import { HfrChart } from './HfrChart';
import { historyIndexOf } from './hfr-chart-data';
import { HistoryStrip } from './HistoryStrip';
import { ImageViewer } from './ImageViewer';
import { frameKeyOf } from './use-viewer-image';
import { ViewerOptions } from './ViewerOptions';

/** A saved frame opened by the person; `liveSeqAtOpen` tells when newer frames have arrived since. */
type Shown = { kind: 'live' } | { kind: 'history'; index: number; liveSeqAtOpen: number };

/**
 * On a phone the panels stack in the order of a night's work (image, capture, this frame, history,
 * HFR, cooling); on a desktop the image and its history take the wide column, the controls the other.
 */
function Slot({ order, name, children }: { order: string; name: string; children: ReactNode }) {
  return (
    <div className={`${order} lg:order-none`}>
      <PanelErrorBoundary name={name}>{children}</PanelErrorBoundary>
    </div>
  );
}

export function CameraView() {
  const { http } = useNinaClient();
  const { session, state } = useCaptureSession();
  const info = useCameraInfo(state.status !== 'idle');
  const camera = info.data;
  useCoolingSampler(camera, info.dataUpdatedAt);
  const latest = useLatestPreparedFrame(http.baseUrl);
  const history = useImageHistory();
  const [shown, setShown] = useState<Shown>({ kind: 'live' });
  const [openProblem, setOpenProblem] = useState<string>();

  const liveSeq = latest?.seq ?? 0;
  const source: ImageSource = shown.kind === 'live' ? { kind: 'live' } : { kind: 'history', index: shown.index };
  const frameKey = frameKeyOf(source, liveSeq);
  const newerFrame = shown.kind === 'history' && liveSeq > shown.liveSeqAtOpen;
  const newestItem = history.data?.at(-1);
  const newestSaved = newestItem && history.data ? { index: history.data.length - 1, item: newestItem } : undefined;

  const openFrame = useCallback(
    (index: number) => {
      setOpenProblem(undefined);
      setShown({ kind: 'history', index, liveSeqAtOpen: liveSeq });
    },
    [liveSeq],
  );
  // Stable between saves, so the HFR chart does not redraw on every camera poll.
  const openPoint = useCallback(
    (point: HfrPoint) => {
      if (!history.data) {
        setOpenProblem('NINA’s image history is not loaded yet; try again in a moment.');
        return;
      }
      const index = historyIndexOf(point, history.data);
      if (index === undefined) setOpenProblem('That frame is no longer in NINA’s image history (NINA was restarted since).');
      else openFrame(index);
    },
    [history.data, openFrame],
  );

  return (
    <div className="flex flex-col gap-3 lg:grid lg:grid-cols-[minmax(0,1fr)_minmax(0,25rem)] lg:items-start">
      <div className="contents lg:col-start-1 lg:flex lg:flex-col lg:gap-3">
        <Slot order="order-1" name="the image viewer">
          <Panel title="Image">
            <div className="space-y-3">
              <ImageViewer source={source} liveSeq={liveSeq} newerFrame={newerFrame} onShowLive={() => setShown({ kind: 'live' })} />
              <ViewerOptions />
            </div>
          </Panel>
        </Slot>
        <Slot order="order-4" name="the saved frames">
          <Panel title="Saved frames">
            <HistoryStrip
              items={history.data}
              loading={history.isPending}
              error={history.error}
              selectedIndex={shown.kind === 'history' ? shown.index : undefined}
              onOpen={openFrame}
            />
          </Panel>
        </Slot>
        <Slot order="order-5" name="the HFR chart">
          <Panel title="HFR over the session">
            <HfrChart onOpen={openPoint} />
            {openProblem ? (
              <p role="alert" className="mt-2 text-sm text-warn">
                {openProblem}
              </p>
            ) : null}
          </Panel>
        </Slot>
      </div>
      <div className="contents lg:col-start-2 lg:row-start-1 lg:flex lg:flex-col lg:gap-3">
        <Slot order="order-2" name="the capture controls">
          <CapturePanel camera={camera} session={session} state={state} />
        </Slot>
        <Slot order="order-3" name="the frame’s statistics">
          <Panel title={shown.kind === 'live' ? 'This frame' : `Frame #${shown.index}`}>
            <FrameDetails
              source={source}
              frameKey={frameKey}
              liveFrame={latest}
              historyItem={shown.kind === 'history' ? history.data?.[shown.index] : undefined}
              newestSaved={newestSaved}
              historyLoading={history.isPending}
              expectSave={state.request?.save ?? true}
              camera={camera}
            />
          </Panel>
        </Slot>
        <Slot order="order-6" name="the cooling controls">
          <Panel title="Cooling">
            <CoolingPanel camera={camera} />
          </Panel>
        </Slot>
      </div>
    </div>
  );
}
