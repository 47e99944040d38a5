import { useEffect, useState, useSyncExternalStore } from 'react';
import { useNinaClient } from '../../nina/api/client-context';
import { MountJog, type JogDirection, type JogState, type PressResult } from '../../nina/sockets/mount-jog';

const idle: JogState = { link: 'connecting', held: {} };

/**
 * Holds the view's one jog link. The link is created in an effect (never during render, so
 * StrictMode cannot leak a socket) and leaving the view disposes it, which sends `rate: 0` for
 * every direction still held before the socket closes.
 */
class JogLink {
  private jog: MountJog | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();

  attach(jog: MountJog) {
    this.detach();
    this.jog = jog;
    this.unsubscribe = jog.subscribe(this.notify);
    this.notify();
  }

  detach() {
    this.unsubscribe?.();
    this.jog?.dispose();
    this.jog = undefined;
    this.notify();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): JogState => this.jog?.getState() ?? idle;

  press = (direction: JogDirection, rateDegPerS: number): PressResult =>
    this.jog ? this.jog.press(direction, rateDegPerS) : { ok: false, reason: 'The jog link is not ready' };

  release = (direction: JogDirection) => this.jog?.release(direction);

  releaseAll = () => this.jog?.releaseAll();

  private notify = () => {
    for (const listener of this.listeners) listener();
  };
}

export type JogControls = Pick<JogLink, 'press' | 'release' | 'releaseAll'>;

export function useMountJog(): { controls: JogControls; state: JogState } {
  const { endpoints } = useNinaClient();
  const [link] = useState(() => new JogLink());

  useEffect(() => {
    link.attach(new MountJog({ url: `${endpoints.socketBase}/v2/mount` }));
    return () => link.detach();
  }, [link, endpoints.socketBase]);

  const state = useSyncExternalStore(link.subscribe, link.getState);
  return { controls: link, state };
}
