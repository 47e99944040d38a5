import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../index';
import { api, control, openSocket, startTestSimulator, TEST_SPEED, type SocketClient } from '../../../testing';

type Json = Record<string, unknown>;

const events = (socket: SocketClient): string[] => socket.frames.map((frame) => (JSON.parse(frame) as { Response: { Event: string } }).Response.Event);

async function until<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Width and height from a PNG's IHDR or a JPEG's SOF0. */
function imageSize(bytes: Buffer): { width: number; height: number; kind: 'png' | 'jpeg' } {
  if (bytes.subarray(1, 4).toString('ascii') === 'PNG') return { kind: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  for (let i = 2; i < bytes.length; ) {
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xc0) return { kind: 'jpeg', height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  throw new Error('Not a PNG or baseline JPEG');
}

describe('camera endpoints (Camera.cs, notes §6)', () => {
  let simulator: RunningSimulator;
  const raw = (path: string) => fetch(`${simulator.url}/v2/api${path}`);
  const info = async () => (await api<Json>(simulator, '/equipment/camera/info')).Response;
  const idle = () => until(async () => (await info()).CameraState === 'Idle' && !(await info()).IsExposing);

  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    await control(simulator, 'POST', 'imaging', { failNextCapture: false, cameraState: null });
  });

  it('answers getResult before any capture with 409 "No capture processed", and statistics with 400', async () => {
    expect(await api(simulator, '/equipment/camera/capture?getResult=true')).toEqual({
      Response: '',
      Error: 'No capture processed',
      StatusCode: 409,
      Success: false,
      Type: 'API',
    });
    expect(await api(simulator, '/equipment/camera/capture/statistics')).toEqual({
      Response: '',
      Error: 'No image available',
      StatusCode: 400,
      Success: false,
      Type: 'API',
    });
  });

  it('exposes Exposing → Download → Idle, with IsExposing, ExposureEndTime and LastDownloadTime consistent', async () => {
    // Slow enough that polling sees the download (1–3 simulated seconds).
    const slow = await startTestSimulator({ speed: 20 });
    const slowInfo = async () => (await api<Json>(slow, '/equipment/camera/info')).Response;
    const inState = (state: string) => until(async () => {
      const current = await slowInfo();
      return current.CameraState === state ? current : undefined;
    });
    try {
      const before = Date.parse((await slowInfo()).ExposureEndTime as string);
      expect((await api(slow, '/equipment/camera/capture?duration=5')).Response).toBe('Capture started');
      const exposing = await inState('Exposing');
      expect(exposing.IsExposing).toBe(true);
      const endMs = Date.parse(exposing.ExposureEndTime as string);
      expect(endMs).toBeGreaterThan(before);
      expect((await api(slow, '/equipment/camera/capture?duration=1')).Error).toBe('Camera currently exposing');
      expect((await api(slow, '/equipment/camera/capture?getResult=true')).Response).toBe('Capture already in progress');
      expect((await inState('Download')).IsExposing).toBe(false);
      const done = await inState('Idle');
      expect(done.LastDownloadTime).toBeGreaterThanOrEqual(0.3);
      expect(done.LastDownloadTime).toBeLessThanOrEqual(3);
      // The exposure ended where ExposureEndTime said, 5 simulated seconds after it began.
      expect(Date.parse((await api<string>(slow, '/time')).Response)).toBeGreaterThanOrEqual(endMs);
    } finally {
      await slow.close();
    }
  });

  it('returns the result once done: base64 PNG without a data: prefix, {} with omitImage, the solve when asked', async () => {
    await idle();
    const socket = await openSocket(simulator, '/v2/socket');
    try {
      expect((await api(simulator, '/equipment/camera/capture?duration=2&solve=true')).Response).toBe('Capture started');
      await until(() => events(socket).includes('API-CAPTURE-FINISHED'));
      expect(events(socket)).toEqual(['IMAGE-PREPARED', 'API-CAPTURE-FINISHED']);
      const result = (await api<{ Image: string; PlateSolveResult: Json }>(simulator, '/equipment/camera/capture?getResult=true')).Response;
      expect(Object.keys(result)).toEqual(['Image', 'PlateSolveResult']);
      expect(result.Image).not.toMatch(/^data:/);
      expect(imageSize(Buffer.from(result.Image, 'base64'))).toEqual({ kind: 'png', width: 1249, height: 835 });
      const solve = result.PlateSolveResult;
      expect(Object.keys(solve)).toEqual([
        'SolveTime', 'Orientation', 'PositionAngle', 'Pixscale', 'Radius', 'Coordinates', 'Flipped', 'Success', 'Separation',
        'RaErrorString', 'RaPixError', 'DecPixError', 'DecErrorString',
      ]);
      expect(solve).toMatchObject({ Success: true, Flipped: false });
      expect(solve.Pixscale).toBeCloseTo((206.265 * 3.76) / 530, 3);
      expect((solve.Coordinates as Json).Epoch).toBe('J2000');
      expect(Object.keys(solve.Coordinates as Json)).toEqual(['RA', 'RAString', 'RADegrees', 'Dec', 'DecString', 'Epoch', 'DateTime']);
      expect(Object.keys(solve.Separation as Json)).toEqual(['RA', 'Dec', 'Distance', 'Bearing']);
      expect(Object.keys((solve.Separation as Json).Distance as Json)).toEqual(['Degree', 'ArcMinutes', 'ArcSeconds', 'Radians', 'Hours']);
      expect(((solve.Separation as Json).Distance as Json).ArcSeconds).toBeLessThan(5);
      const mount = (await api<{ Coordinates: { RA: number; Dec: number } }>(simulator, '/equipment/mount/info')).Response;
      // J2000 against the mount's JNOW: the precession since 2000 is a few tenths of a degree.
      expect(Math.abs((solve.Coordinates as { Dec: number }).Dec - mount.Coordinates.Dec)).toBeLessThan(0.5);
      expect((await api(simulator, '/equipment/camera/capture?getResult=true&omitImage=true')).Response).toMatchObject({
        PlateSolveResult: { Success: true },
      });
      // A new capture without solve drops the previous solve: omitImage then leaves {}.
      await api(simulator, '/equipment/camera/capture?duration=1');
      await until(async () => (await api(simulator, '/equipment/camera/capture?getResult=true&omitImage=true')).Response !== 'Capture already in progress');
      expect((await api(simulator, '/equipment/camera/capture?getResult=true&omitImage=true')).Response).toEqual({});
    } finally {
      await socket.close();
    }
  });

  it('streams PNG as image/png and JPEG as image/jpg, sized by resize/size/scale', async () => {
    await idle();
    await api(simulator, '/equipment/camera/capture?duration=1&waitForResult=true&omitImage=true');
    const fetchImage = async (query: string) => {
      const response = await raw(`/equipment/camera/capture?getResult=true&stream=true${query}`);
      return { type: response.headers.get('content-type'), ...imageSize(Buffer.from(await response.arrayBuffer())) };
    };
    expect(await fetchImage('')).toEqual({ type: 'image/png', kind: 'png', width: 1249, height: 835 });
    expect(await fetchImage('&quality=0')).toMatchObject({ type: 'image/png', width: 1249 });
    expect(await fetchImage('&quality=80')).toEqual({ type: 'image/jpg', kind: 'jpeg', width: 1249, height: 835 });
    expect(await fetchImage('&quality=250')).toMatchObject({ type: 'image/jpg' });
    // resize without size is 640x480, of which only the width counts: the aspect ratio stays.
    expect(await fetchImage('&resize=true')).toMatchObject({ type: 'image/png', width: 640, height: 428 });
    expect(await fetchImage('&resize=true&size=320x999&quality=50')).toMatchObject({ type: 'image/jpg', width: 320, height: 214 });
    // scale only with resize, clamped to [0.1, 1].
    expect(await fetchImage('&scale=0.5')).toMatchObject({ width: 1249 });
    expect(await fetchImage('&resize=true&scale=0.5')).toMatchObject({ width: 625 });
    expect(await fetchImage('&resize=true&scale=0.01')).toMatchObject({ width: 125 });
    expect(await fetchImage('&resize=true&scale=4')).toMatchObject({ width: 1249 });
    const base64 = (await api<{ Image: string }>(simulator, '/equipment/camera/capture?getResult=true&resize=true&size=200x100&quality=70')).Response;
    expect(imageSize(Buffer.from(base64.Image, 'base64'))).toMatchObject({ kind: 'jpeg', width: 200 });
  });

  it('answers a bad size with 500 Unknown error, and a bad bool with EmbedIO 400 HTML', async () => {
    for (const size of ['640', 'axb', '640x']) {
      expect(await api(simulator, `/equipment/camera/capture?getResult=true&resize=true&size=${size}`)).toEqual({
        Response: '',
        Error: 'Unknown error',
        StatusCode: 500,
        Success: false,
        Type: 'API',
      });
    }
    const badBool = await raw('/equipment/camera/capture?getResult=1');
    expect(badBool.status).toBe(400);
    expect(badBool.headers.get('content-type')).toContain('text/html');
  });

  it('saves with save=true: IMAGE-PREPARED, API-CAPTURE-FINISHED, then IMAGE-SAVE once the file is written', async () => {
    await idle();
    const socket = await openSocket(simulator, '/v2/socket');
    try {
      const before = (await api<number>(simulator, '/image-history?count=true')).Response;
      await api(simulator, '/equipment/camera/capture?duration=3&save=true&targetName=M%2031&imageType=light&gain=120');
      await until(() => events(socket).includes('IMAGE-SAVE'));
      expect(events(socket)).toEqual(['IMAGE-PREPARED', 'API-CAPTURE-FINISHED', 'IMAGE-SAVE']);
      expect((await api<number>(simulator, '/image-history?count=true')).Response).toBe(before + 1);
      const [item] = (await api<Json[]>(simulator, '/image-history')).Response;
      expect(item).toMatchObject({ ImageType: 'LIGHT', TargetName: 'M 31', Gain: 120, ExposureTime: 3, Filter: 'L' });
      const frame = JSON.parse(socket.frames.at(-1) ?? '{}') as { Response: { ImageStatistics: Json } };
      expect(frame.Response.ImageStatistics.Filename).toBe(item?.Filename);
      // The socket is Newtonsoft: doubles keep their ".0".
      expect(socket.frames.at(-1)).toContain('"ExposureTime":3.0');
    } finally {
      await socket.close();
    }
  });

  it('defaults: no duration is the plate-solve exposure, invalid imageType is SNAPSHOT, no targetName is "Snapshot"', async () => {
    await idle();
    await api(simulator, '/equipment/camera/capture?save=true&imageType=nonsense&waitForResult=true&omitImage=true');
    const item = await until(async () => {
      const [latest] = (await api<Json[]>(simulator, '/image-history')).Response;
      return latest?.ExposureTime === 5 ? latest : undefined;
    });
    expect(item).toMatchObject({ ImageType: 'SNAPSHOT', TargetName: 'Snapshot', Gain: 100 });
  });

  it('waits with waitForResult and onlyAwaitCaptureCompletion; a failed task makes waitForResult a 500', async () => {
    await idle();
    const started = performance.now();
    expect((await api(simulator, '/equipment/camera/capture?duration=10&onlyAwaitCaptureCompletion=true')).Response).toBe('Capture finished');
    expect(performance.now() - started).toBeGreaterThanOrEqual((10_000 / TEST_SPEED) * 0.9);
    expect((await info()).IsExposing).toBe(false);
    await idle();
    const waited = await api<Json>(simulator, '/equipment/camera/capture?duration=1&waitForResult=true&omitImage=true');
    expect(waited.Response).toEqual({});
    await control(simulator, 'POST', 'imaging', { failNextCapture: true });
    expect((await api(simulator, '/equipment/camera/capture?duration=1&waitForResult=true')).Error).toBe('Unknown error');
  });

  it('aborts an exposure, or answers Success "Camera not exposing" when idle', async () => {
    await idle();
    expect(await api(simulator, '/equipment/camera/abort-exposure')).toEqual({
      Response: 'Camera not exposing',
      Error: '',
      StatusCode: 200,
      Success: true,
      Type: 'API',
    });
    await api(simulator, '/equipment/camera/capture?duration=60');
    await until(async () => (await info()).IsExposing);
    expect((await api(simulator, '/equipment/camera/abort-exposure')).Response).toBe('Exposure aborted');
    expect(await info()).toMatchObject({ CameraState: 'Idle', IsExposing: false });
  });

  it('computes capture/statistics from the stretched preview', async () => {
    await idle();
    await api(simulator, '/equipment/camera/capture?duration=2&waitForResult=true&omitImage=true');
    const statistics = (await api<Json>(simulator, '/equipment/camera/capture/statistics')).Response;
    expect(Object.keys(statistics)).toEqual(['Stars', 'HFR', 'Median', 'MedianAbsoluteDeviation', 'Mean', 'Max', 'Min', 'StDev']);
    expect(statistics.Stars).toBeGreaterThan(50);
    expect(statistics.HFR).toBeGreaterThan(1);
    // NINA's stretch puts the median at the factor (0.2) of the range: 0.2 × 65535 as 8 bits reloaded as 16.
    expect(statistics.Median as number).toBeGreaterThan(0.15 * 65_535);
    expect(statistics.Median as number).toBeLessThan(0.25 * 65_535);
    expect(Number.isInteger(statistics.Max) && Number.isInteger(statistics.Min)).toBe(true);
  });

  it('cools along a ramp (minutes), at once when minutes is omitted, and cancels', async () => {
    const start = (await info()).Temperature as number;
    expect((await api(simulator, '/equipment/camera/cool?temperature=-20&minutes=1')).Response).toBe('Cooling started');
    const midway = await until(async () => {
      const current = await info();
      const setPoint = current.TemperatureSetPoint as number;
      return setPoint < start - 1 && setPoint > -19 ? current : undefined;
    });
    expect(midway.CoolerOn).toBe(true);
    expect(midway.TargetTemp).toBe(-20);
    const reached = await until(async () => ((await info()).TemperatureSetPoint === -20 ? info() : undefined), 5000);
    expect(reached.CoolerPower as number).toBeGreaterThan(0);
    expect((await api(simulator, '/equipment/camera/cool?temperature=-5')).Response).toBe('Cooling started');
    expect((await info()).TemperatureSetPoint).toBe(-5);
    expect((await api(simulator, '/equipment/camera/cool?temperature=-25&minutes=10&cancel=true')).Response).toBe('Cooling canceled');
    expect((await info()).TemperatureSetPoint).toBe(-5);
    expect((await api(simulator, '/equipment/camera/warm?minutes=1')).Response).toBe('Warming started');
    await until(async () => !((await info()).CoolerOn as boolean), 5000);
    expect((await api(simulator, '/equipment/camera/warm?cancel=true')).Response).toBe('Warming canceled');
    await api(simulator, '/equipment/camera/cool?temperature=-10');
  });

  it('sets binning, readout modes, dew heater and USB limit with the §2.3 errors', async () => {
    expect((await api(simulator, '/equipment/camera/set-binning')).Error).toBe('Binning must be specified');
    expect((await api(simulator, '/equipment/camera/set-binning?binning=2')).Error).toBe('Binning must be specified');
    expect((await api(simulator, '/equipment/camera/set-binning?binning=5x5')).Error).toBe('Invalid binning mode');
    expect((await api(simulator, '/equipment/camera/set-binning?binning=2x')).Error).toBe('Invalid binning mode');
    expect((await api(simulator, '/equipment/camera/set-binning?binning=2x2')).Response).toBe('Binning set');
    expect(await info()).toMatchObject({ BinX: 2, BinY: 2 });
    await api(simulator, '/equipment/camera/capture?duration=1&waitForResult=true&omitImage=true');
    const binned = await raw('/equipment/camera/capture?getResult=true&stream=true');
    expect(imageSize(Buffer.from(await binned.arrayBuffer()))).toMatchObject({ width: 1041, height: 696 });
    await api(simulator, '/equipment/camera/set-binning?binning=1x1');

    for (const path of ['set-readout', 'set-readout/image', 'set-readout/snapshot']) {
      expect((await api(simulator, `/equipment/camera/${path}?mode=0`)).Response).toBe('Readout mode updated');
      expect(await api(simulator, `/equipment/camera/${path}?mode=1`)).toMatchObject({ Error: 'Invalid readout mode', StatusCode: 400 });
    }
    expect((await api(simulator, '/equipment/camera/dew-heater?power=true')).Response).toBe('Dew heater set');
    expect((await info()).DewHeaterOn).toBe(true);
    expect((await api(simulator, '/equipment/camera/usb-limit?limit=80')).Response).toBe('USB limit set');
    expect((await info()).USBLimit).toBe(80);
    expect(await api(simulator, '/equipment/camera/usb-limit?limit=5')).toMatchObject({ Error: 'USB limit out of range', StatusCode: 409 });
  });

  it('reports the CameraState a test control sets', async () => {
    await control(simulator, 'POST', 'imaging', { cameraState: 'Error' });
    expect((await info()).CameraState).toBe('Error');
  });

  it('answers 409 "Camera not connected" on every command while disconnected', async () => {
    await idle();
    await api(simulator, '/equipment/camera/disconnect');
    try {
      for (const path of ['capture', 'cool?temperature=-10', 'warm', 'abort-exposure', 'set-binning?binning=1x1', 'dew-heater?power=false', 'usb-limit?limit=50']) {
        expect(await api(simulator, `/equipment/camera/${path}`), path).toMatchObject({ Error: 'Camera not connected', StatusCode: 409, Success: false });
      }
      expect((await api(simulator, '/equipment/camera/set-readout?mode=0')).Error).toBe('Unknown error');
      // getResult does not look at the camera: the last result is still there.
      expect((await api(simulator, '/equipment/camera/capture?getResult=true&omitImage=true')).Success).toBe(true);
    } finally {
      await api(simulator, '/equipment/camera/connect');
    }
  });
});
