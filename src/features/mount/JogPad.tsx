import { useEffect, useId, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StatusPill } from '../../components/StatusPill';
import { useWakeLock } from '../../components/use-wake-lock';
import { useMountCommand } from '../../nina/api/mount';
import type { MountInfo } from '../../nina/schemas/equipment';
import { oppositeDirection, type JogDirection, type JogState } from '../../nina/sockets/mount-jog';
import { useActivityStore } from '../../store/activity';
import { jogMultipleSchema, jogRatePresets, multipleToDegPerS, useJogSettings } from './jog-settings';
import type { JogControls } from './use-mount-jog';

type Slot = 'up' | 'down' | 'left' | 'right';


const arrows: Record<Slot, string> = { up: '▲', down: '▼', left: '◀', right: '▶' };
const keys: Record<string, Slot> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const directionLabel: Record<JogDirection, string> = { north: 'North', south: 'South', east: 'East', west: 'West' };

/** Which direction a pad position sends. East is on the left, as on the sky seen from below. */
function directionFor(slot: Slot, reverseRa: boolean, reverseDec: boolean): JogDirection {
  const base: Record<Slot, JogDirection> = { up: 'north', down: 'south', left: 'east', right: 'west' };
  const direction = base[slot];
  const reversed = slot === 'up' || slot === 'down' ? reverseDec : reverseRa;
  return reversed ? oppositeDirection[direction] : direction;
}

function refusal(mount: MountInfo | undefined, state: JogState): string | undefined {
  if (!mount || !mount.Connected) return 'Mount not connected';
  if (mount.AtPark) return 'The mount is parked: unpark it to jog';
  if (state.link === 'connecting') return 'Connecting the jog link to NINA…';
  if (state.link === 'down') return 'The jog link to NINA is down; Skydeck is reconnecting';
  return undefined;
}

function JogButton({
  slot,
  direction,
  held,
  disabled,
  onPress,
  onRelease,
}: {
  slot: Slot;
  direction: JogDirection;
  held: boolean;
  disabled: boolean;
  onPress: (direction: JogDirection) => void;
  onRelease: (direction: JogDirection) => void;
}) {
  const pointer = useRef<number | undefined>(undefined);

  const end = () => {
    if (pointer.current === undefined) return;
    pointer.current = undefined;
    onRelease(direction);
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLButtonElement>) => {
    if (disabled || pointer.current !== undefined) return;
    event.preventDefault();
    pointer.current = event.pointerId;
    try {
      event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser no longer tracks cannot be captured; the move and its stops still work.
    }
    onPress(direction);
  };

  // Touch pointers are captured to the button they started on, so "leaving the button" has to be
  // worked out from the finger's position rather than from pointerleave.
  const onPointerMove = (event: ReactPointerEvent<HTMLButtonElement>) => {
    if (event.pointerId !== pointer.current) return;
    const box = event.currentTarget.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) end();
  };

  const onPointerEnd = (event: ReactPointerEvent<HTMLButtonElement>) => {
    if (event.pointerId === pointer.current) end();
  };

  const label = `Jog ${directionLabel[direction].toLowerCase()}`;
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={held}
      disabled={disabled}
      data-direction={direction}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onLostPointerCapture={onPointerEnd}
      onPointerLeave={onPointerEnd}
      onContextMenu={(event) => {
        event.preventDefault();
        end();
      }}
      onKeyDown={(event) => {
        if ((event.key === ' ' || event.key === 'Enter') && !event.repeat) {
          event.preventDefault();
          pointer.current = -1;
          onPress(direction);
        }
      }}
      onKeyUp={(event) => {
        if (event.key === ' ' || event.key === 'Enter') end();
      }}
      onBlur={end}
      className={`flex aspect-square w-full touch-none flex-col items-center justify-center rounded-2xl border text-lg font-semibold select-none [-webkit-touch-callout:none] disabled:cursor-not-allowed disabled:opacity-40 ${
        held ? 'border-accent bg-accent text-accent-fg' : 'border-border bg-surface-2 text-fg active:bg-accent/30'
      }`}
    >
      <span aria-hidden className="text-2xl leading-none">
        {arrows[slot]}
      </span>
      <span className="mt-1 text-sm">{directionLabel[direction]}</span>
    </button>
  );
}

export function JogPad({ controls, state, mount }: { controls: JogControls; state: JogState; mount: MountInfo | undefined }) {
  const settings = useJogSettings();
  const sequenceRunning = useActivityStore((s) => s.sequenceRunning);
  const manualControlTaken = useActivityStore((s) => s.manualControlTaken);
  const takeManualControl = useActivityStore((s) => s.takeManualControl);
  const stopSlew = useMountCommand();
  const [pressError, setPressError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [customText, setCustomText] = useState(String(settings.multiple));
  const [customError, setCustomError] = useState<string>();
  const customId = useId();

  const blocked = refusal(mount, state);
  // Once the pad is in use the screen stays on until the user leaves the Mount view: people jog in
  // bursts while looking up at the sky, and a phone that dims between presses is a phone fumbled.
  const [padInUse, setPadInUse] = useState(false);
  useWakeLock(padInUse && blocked === undefined);
  const rateDegPerS = multipleToDegPerS(settings.multiple);

  const press = (direction: JogDirection) => {
    if (sequenceRunning && !manualControlTaken) {
      setConfirming(true);
      return;
    }
    const result = controls.press(direction, rateDegPerS);
    setPressError(result.ok ? undefined : result.reason);
    if (result.ok) setPadInUse(true);
  };

  // Every way of looking away stops the mount: another window, another tab, closing the page.
  useEffect(() => {
    const stopAll = () => controls.releaseAll();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') stopAll();
    };
    window.addEventListener('blur', stopAll);
    window.addEventListener('pagehide', stopAll);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', stopAll);
      window.removeEventListener('pagehide', stopAll);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [controls]);

  // Arrow keys on a desktop, unless the user is typing somewhere.
  useEffect(() => {
    const typing = (target: EventTarget | null) =>
      target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
    const onKeyDown = (event: KeyboardEvent) => {
      const slot = keys[event.key];
      if (!slot || typing(event.target) || blocked) return;
      event.preventDefault();
      if (!event.repeat) press(directionFor(slot, settings.reverseRa, settings.reverseDec));
    };
    const onKeyUp = (event: KeyboardEvent) => {
      const slot = keys[event.key];
      if (slot) controls.release(directionFor(slot, settings.reverseRa, settings.reverseDec));
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  });

  const heldDirections = Object.keys(state.held) as JogDirection[];
  const button = (slot: Slot) => {
    const direction = directionFor(slot, settings.reverseRa, settings.reverseDec);
    return (
      <JogButton
        slot={slot}
        direction={direction}
        held={direction in state.held}
        disabled={blocked !== undefined}
        onPress={press}
        onRelease={(released) => controls.release(released)}
      />
    );
  };

  const applyCustom = () => {
    const parsed = jogMultipleSchema.safeParse(Number(customText.replace(',', '.')));
    if (!parsed.success) {
      setCustomError(parsed.error.issues[0]?.message ?? 'Not a rate');
      return;
    }
    setCustomError(undefined);
    settings.setMultiple(parsed.data);
  };

  return (
    <div className="space-y-4" data-testid="jog-pad" data-link={state.link}>
      <fieldset>
        <legend className="mb-2 text-sm text-muted">Rate (× sidereal)</legend>
        <div className="flex flex-wrap gap-2">
          {jogRatePresets.map((preset) => (
            <button
              key={preset.label}
              type="button"
              aria-pressed={settings.multiple === preset.multiple}
              onClick={() => {
                settings.setMultiple(preset.multiple);
                setCustomText(String(preset.multiple));
              }}
              className={`min-h-11 min-w-14 rounded-lg border px-3 text-sm ${
                settings.multiple === preset.multiple ? 'border-accent bg-accent/15 text-accent' : 'border-border bg-surface-2'
              }`}
            >
              {preset.label}
              <span className="block text-[10px] text-muted">{preset.hint}</span>
            </button>
          ))}
        </div>
        <div className="mt-2 flex items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={customId} className="text-xs text-muted">
              Custom rate
            </label>
            <input
              id={customId}
              inputMode="decimal"
              value={customText}
              onChange={(event) => setCustomText(event.target.value)}
              onKeyDown={(event) => event.key === 'Enter' && applyCustom()}
              className="min-h-11 w-24 rounded-lg border border-border bg-surface-2 px-3 text-sm"
            />
          </div>
          <button type="button" onClick={applyCustom} className="min-h-11 rounded-lg border border-border bg-surface-2 px-3 text-sm">
            Use
          </button>
          <span className="pb-3 text-xs text-muted">{rateDegPerS.toFixed(4)}°/s</span>
        </div>
        {customError ? (
          <p role="alert" className="mt-1 text-xs text-bad">
            {customError}
          </p>
        ) : null}
      </fieldset>

      <div className="mx-auto grid max-w-72 grid-cols-3 gap-2">
        <div />
        {button('up')}
        <div />
        {button('left')}
        <button
          type="button"
          aria-label="Stop all motion"
          onClick={() => {
            controls.releaseAll();
            stopSlew.mutate({ kind: 'stop-slew' });
          }}
          disabled={!mount?.Connected}
          className="flex aspect-square w-full items-center justify-center rounded-2xl border border-bad/60 bg-bad/15 text-sm font-bold text-bad select-none disabled:opacity-40"
        >
          STOP
        </button>
        {button('right')}
        <div />
        {button('down')}
        <div />
      </div>

      <div className="min-h-12 space-y-1 text-center text-sm" aria-live="polite">
        {state.warning ? (
          <p role="alert" className="font-medium text-warn">
            {state.warning}
          </p>
        ) : null}
        {blocked ? <p className="text-muted">{blocked}</p> : null}
        {pressError && !blocked ? <p className="text-bad">{pressError}</p> : null}
        {heldDirections.length > 0 ? (
          <p className="text-accent">
            Moving {heldDirections.map((direction) => directionLabel[direction].toLowerCase()).join(' and ')} at {settings.multiple}× sidereal
          </p>
        ) : null}
        {state.reply ? (
          <p data-testid="jog-reply">
            <StatusPill tone={state.reply.kind === 'error' ? 'bad' : state.reply.kind === 'moving' ? 'info' : 'idle'}>NINA: {state.reply.text}</StatusPill>
          </p>
        ) : null}
        {stopSlew.isError ? <p className="text-bad">{stopSlew.error.message}</p> : null}
      </div>

      <fieldset className="flex flex-wrap justify-center gap-x-6 gap-y-2 text-sm">
        <legend className="sr-only">Reverse the pad</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="size-5" checked={settings.reverseRa} onChange={(e) => settings.setReverse('ra', e.target.checked)} />
          Reverse east/west
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="size-5" checked={settings.reverseDec} onChange={(e) => settings.setReverse('dec', e.target.checked)} />
          Reverse north/south
        </label>
      </fieldset>
      <p className="hidden text-center text-xs text-muted lg:block">Arrow keys jog while held.</p>

      <ConfirmDialog
        open={confirming}
        title="A sequence is running"
        confirmLabel="Take manual control"
        tone="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          takeManualControl();
          setConfirming(false);
        }}
      >
        Moving the mount now will disturb the running sequence (guiding, framing, the current exposure). Take manual control for this sequence?
      </ConfirmDialog>
    </div>
  );
}
