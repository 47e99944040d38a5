import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../index';
import { api, openSocket, startTestSimulator, type SocketClient } from '../../../testing';

type Json = Record<string, unknown>;

async function until<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function imageSize(bytes: Buffer): { width: number; height: number; kind: 'png' | 'jpeg' } {
  if (bytes.subarray(1, 4).toString('ascii') === 'PNG') return { kind: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  for (let i = 2; i < bytes.length; ) {
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xc0) return { kind: 'jpeg', height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  throw new Error('Not a PNG or baseline JPEG');
}

const error = (message: string, statusCode: number) => ({ Response: '', Error: message, StatusCode: statusCode, Success: false, Type: 'API' });

describe('images (Image.cs, notes §7)', () => {
  let simulator: RunningSimulator;
  let socket: SocketClient;
  const raw = (path: string) => fetch(`${simulator.url}/v2/api${path}`);
  const binary = async (path: string) => {
    const response = await raw(path);
    return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const saveFrame = async (query: string): Promise<void> => {
    const count = (await api<number>(simulator, '/image-history?count=true')).Response;
    await api(simulator, `/equipment/camera/capture?save=true&waitForResult=true&omitImage=true&${query}`);
    await until(async () => (await api<number>(simulator, '/image-history?count=true')).Response === count + 1);
  };

  beforeAll(async () => {
    simulator = await startTestSimulator();
    socket = await openSocket(simulator, '/v2/socket');
  });
  afterAll(async () => {
    await socket.close();
    await simulator.close();
  });

  it('answers the empty history with its errors', async () => {
    expect(await api(simulator, '/image-history')).toEqual(error('Index out of range', 400));
    expect((await api(simulator, '/image-history?count=true')).Response).toBe(0);
    expect((await api(simulator, '/image-history?all=true')).Response).toEqual([]);
    expect(await api(simulator, '/image/0')).toEqual(error('No images available', 500));
    expect(await api(simulator, '/image/0/solve')).toEqual(error('No images available', 400));
    expect(await api(simulator, '/image/thumbnail/0')).toEqual(error('No thumbnails available', 400));
    expect(await api(simulator, '/prepared-image')).toEqual(error('No image', 404));
    expect(await api(simulator, '/prepared-image/solve')).toEqual(error('Image not available', 404));
  });

  it('keeps saved frames oldest first, with count > all > index precedence and case-sensitive imageType', async () => {
    await saveFrame('duration=2&imageType=LIGHT&targetName=M%2042');
    await saveFrame('duration=1&imageType=dark');
    await saveFrame('duration=3&imageType=LIGHT&targetName=M%2042');
    const all = (await api<Json[]>(simulator, '/image-history?all=true')).Response;
    expect(all.map((item) => [item.ImageType, item.ExposureTime])).toEqual([
      ['LIGHT', 2],
      ['DARK', 1],
      ['LIGHT', 3],
    ]);
    expect(Object.keys(all[0] ?? {})).toEqual([
      'ExposureTime', 'ImageType', 'Filter', 'RmsText', 'Temperature', 'CameraName', 'TargetName', 'Gain', 'Offset', 'Date',
      'TelescopeName', 'FocalLength', 'StDev', 'Mean', 'Median', 'Min', 'Max', 'Stars', 'HFR', 'HFRStDev', 'IsBayered', 'Filename',
    ]);
    expect(all[0]?.Filename).toMatch(/^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_L_-?\d+\.\d{2}_2\.00s_0000\.fits$/);
    expect(all[0]?.RmsText).toMatch(/^Tot: \d+\.\d{2}\(\d+\.\d{2}"\)$/);
    expect((await api(simulator, '/image-history')).Response).toEqual([all[2]]);
    expect((await api(simulator, '/image-history?index=0')).Response).toEqual([all[0]]);
    expect((await api(simulator, '/image-history?count=true&all=true&index=1')).Response).toBe(3);
    expect((await api(simulator, '/image-history?all=true&index=1')).Response).toEqual(all);
    expect((await api(simulator, '/image-history?imageType=LIGHT&count=true')).Response).toBe(2);
    expect((await api(simulator, '/image-history?imageType=LIGHT&index=1')).Response).toEqual([all[2]]);
    expect((await api(simulator, '/image-history?imageType=light&count=true')).Response).toBe(0);
    expect(await api(simulator, '/image-history?index=3')).toEqual(error('Index out of range', 400));
    expect(await api(simulator, '/image-history?index=-1')).toEqual(error('Index out of range', 400));
  });

  it('sends the same statistics in IMAGE-SAVE as in image-history; Stars and HFR match capture/statistics', async () => {
    const saves = socket.frames
      .map((frame) => JSON.parse(frame) as { Response: { Event: string; ImageStatistics?: Json } })
      .filter((frame) => frame.Response.Event === 'IMAGE-SAVE')
      .map((frame) => frame.Response.ImageStatistics);
    const all = (await api<Json[]>(simulator, '/image-history?all=true')).Response;
    expect(saves).toEqual(all);
    const last = all[2] as { Stars: number; HFR: number; Mean: number; Median: number; StDev: number; Min: number; Max: number };
    expect(last.Stars).toBeGreaterThan(50);
    expect(last.HFR).toBeGreaterThan(1);
    expect(last.Min).toBeLessThanOrEqual(last.Median);
    expect(last.Median).toBeLessThanOrEqual(last.Max);
    const statistics = (await api<{ Stars: number; HFR: number }>(simulator, '/equipment/camera/capture/statistics')).Response;
    expect(statistics.Stars).toBe(last.Stars);
    expect(statistics.HFR).toBe(last.HFR);
  });

  it('serves /image/{index} as base64 PNG, or streamed PNG / image/jpeg, resized like capture', async () => {
    const base64 = (await api<string>(simulator, '/image/0')).Response;
    expect(imageSize(Buffer.from(base64, 'base64'))).toEqual({ kind: 'png', width: 1249, height: 835 });
    expect(await binary('/image/0?stream=true')).toMatchObject({ status: 200, type: 'image/png' });
    const jpeg = await binary('/image/0?stream=true&quality=85&resize=true&size=500x1');
    expect(jpeg.type).toBe('image/jpeg');
    expect(imageSize(jpeg.bytes)).toMatchObject({ kind: 'jpeg', width: 500, height: 334 });
    const scaled = await binary('/image/2?stream=true&resize=true&scale=0.25');
    expect(imageSize(scaled.bytes)).toMatchObject({ width: 312 });
    expect(imageSize(Buffer.from((await api<string>(simulator, '/image/0?imageType=DARK')).Response, 'base64')).width).toBe(1249);
    expect(await api(simulator, '/image/1?imageType=DARK')).toEqual(error('Index out of range', 400));
    expect(await api(simulator, '/image/3')).toEqual(error('Index out of range', 400));
    expect(await api(simulator, '/image/0?imageType=dark')).toEqual(error('No images available', 500));
    expect((await raw('/image/first')).status).toBe(400);
  });

  it('stretches with factor/blackClipping only when given, and tests raw_fits and bayerPattern by presence', async () => {
    const profile = (await binary('/image/0?stream=true')).bytes;
    expect((await binary('/image/0?stream=true&factor=0.2&blackClipping=-2.8')).bytes.equals(profile)).toBe(true);
    expect((await binary('/image/0?stream=true&factor=0.5')).bytes.equals(profile)).toBe(false);
    expect((await binary('/image/0?stream=true&autoPrepare=true&factor=0.5')).bytes.equals(profile)).toBe(true);
    expect((await binary('/image/0?stream=true&bayerPattern=RGGB&debayer=true')).status).toBe(200);
    expect(await api(simulator, '/image/0?bayerPattern=rggb')).toEqual(error('Invalid bayer pattern', 400));
    for (const value of ['true', 'false']) {
      const fits = Buffer.from((await api<string>(simulator, `/image/0?raw_fits=${value}&stream=true`)).Response, 'base64');
      expect(fits.subarray(0, 30).toString('ascii')).toBe('SIMPLE  =                    T');
      expect(fits.length % 2880).toBe(0);
      expect(fits.toString('ascii', 0, 2880)).toContain("IMAGETYP= 'LIGHT   '");
    }
  });

  it('serves thumbnails as JPEG at 256/width clamped to 0.1 of the full frame, 500 past the end', async () => {
    const thumbnail = await binary('/image/thumbnail/1');
    expect(thumbnail.type).toBe('image/jpeg');
    // 256 / 6248 is below 0.1, so the thumbnail of this 6248 px sensor is 625 px wide.
    expect(imageSize(thumbnail.bytes)).toMatchObject({ kind: 'jpeg', width: 625 });
    expect((await binary('/image/thumbnail/0?imageType=DARK')).status).toBe(200);
    expect(await api(simulator, '/image/thumbnail/1?imageType=DARK')).toEqual(error('Unknown error', 500));
    expect(await api(simulator, '/image/thumbnail/9')).toEqual(error('Unknown error', 500));
  });

  it('serves the prepared image, always binary', async () => {
    const png = await binary('/prepared-image');
    expect(png.type).toBe('image/png');
    expect(imageSize(png.bytes)).toMatchObject({ width: 1249 });
    const jpeg = await binary('/prepared-image?quality=60&resize=true&size=640x480&stream=false');
    expect(jpeg.type).toBe('image/jpeg');
    expect(imageSize(jpeg.bytes)).toMatchObject({ kind: 'jpeg', width: 640 });
    expect(await api(simulator, '/prepared-image?bayerPattern=Nope')).toEqual(error('Invalid bayer pattern', 400));
  });

  it('solves a saved image and the prepared image at the pointing the frame was taken at', async () => {
    const started = performance.now();
    const solved = (await api<Json>(simulator, '/image/0/solve')).Response;
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    expect(solved).toMatchObject({ Success: true, Flipped: false, Coordinates: { Epoch: 'J2000' } });
    expect(solved).not.toHaveProperty('PixelScale');
    const separation = (solved.Separation as { Distance: { ArcSeconds: number } }).Distance.ArcSeconds;
    expect(separation).toBeLessThan(5);
    const dark = (await api<Json>(simulator, '/image/0/solve?imageType=DARK')).Response;
    expect(dark).toMatchObject({ Success: false, RaErrorString: '--', RaPixError: 'NaN', DecPixError: 'NaN', Pixscale: 0 });
    expect(dark).not.toHaveProperty('Coordinates');
    expect(dark).not.toHaveProperty('Separation');
    const [line] = (await api<{ Message: string }[]>(simulator, '/application/logs?lineCount=1&level=ERROR')).Response;
    expect(line?.Message).toBe('ASTAP - Plate solve failed.');
    expect(await api(simulator, '/image/5/solve')).toEqual(error('Index out of range', 400));
    expect((await api<Json>(simulator, '/prepared-image/solve')).Response).toMatchObject({ Success: true });
  });

  it('renames with a prefix', async () => {
    expect((await api(simulator, '/image/0/prefix?prefix=bad_')).Response).toBe('Image renamed with prefix bad_');
    expect((await raw('/image/0/prefix')).status).toBe(400);
    expect(await api(simulator, '/image/7/prefix?prefix=x')).toEqual(error('Index out of range', 400));
  });
});
