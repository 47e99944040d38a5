import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { DEFAULT_NINA_PORT, ninaAddressSchema, resolveEndpoints, type NinaAddress } from '../../nina/endpoints';
import { diagnose, type Diagnosis } from '../../nina/diagnose';
import { rigSchema, useSettingsStore, type Rig } from '../../store/settings';
import { DiagnosisExplanation } from './DiagnosisExplanation';

const inputClass = 'min-h-11 w-full rounded-lg border border-border bg-surface-2 px-3 text-sm disabled:opacity-50';

const NEW_RIG_ADDRESS: NinaAddress = { mode: 'direct', protocol: 'http', host: '', port: DEFAULT_NINA_PORT };

/**
 * A rig's name and where its NINA is: through Skydeck's server, or straight to the Advanced API.
 * Without `rig` it adds a new rig.
 */
export function ConnectionForm({ rig, onDone }: { rig?: Rig; onDone?: () => void }) {
  const updateRig = useSettingsStore((state) => state.updateRig);
  const addRig = useSettingsStore((state) => state.addRig);
  const [name, setName] = useState(rig?.name ?? '');
  const [draft, setDraft] = useState<NinaAddress>(rig?.address ?? NEW_RIG_ADDRESS);
  const [portText, setPortText] = useState(String((rig?.address ?? NEW_RIG_ADDRESS).port));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<Diagnosis>();
  const ids = { name: useId(), host: useId(), port: useId(), protocol: useId() };

  const validated = (): NinaAddress | undefined => {
    const parsed = ninaAddressSchema.safeParse({ ...draft, port: portText.trim() === '' ? Number.NaN : Number(portText) });
    if (parsed.success) {
      setErrors({});
      return parsed.data;
    }
    setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
    return undefined;
  };

  const test = async () => {
    const address = validated();
    if (!address) return;
    setTesting(true);
    setResult(undefined);
    try {
      setResult(await diagnose(resolveEndpoints(address, window.location)));
    } finally {
      setTesting(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const address = validated();
    const checkedName = rigSchema.shape.name.safeParse(name);
    if (!checkedName.success) setErrors((current) => ({ ...current, name: checkedName.error.issues[0]?.message ?? 'Invalid name' }));
    if (!address || !checkedName.success) return;
    if (rig) updateRig(rig.id, { name: checkedName.data, address });
    else addRig({ name: checkedName.data, address });
    setResult(undefined);
    onDone?.();
  };

  const direct = draft.mode === 'direct';
  return (
    <form onSubmit={save} className="space-y-4" aria-label={rig ? 'NINA address' : 'New rig'} noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.name} className="text-xs text-muted">
          Rig name
        </label>
        <input
          id={ids.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Backyard EQ6"
          aria-invalid={Boolean(errors.name)}
          className={inputClass}
        />
        {errors.name ? (
          <p role="alert" className="text-sm text-bad">
            {errors.name}
          </p>
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">How Skydeck reaches NINA</legend>
        {(
          [
            ['server', 'Through Skydeck’s server', 'The browser talks to Skydeck, which forwards to NINA. Works from any device; no CORS setting needed.'],
            ['direct', 'Directly to NINA', 'The browser talks to the Advanced API itself. Needs the plugin’s CORS option on.'],
          ] as const
        ).map(([mode, label, hint]) => (
          <label key={mode} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-border p-3 has-[:checked]:border-accent">
            <input type="radio" name={`mode-${ids.name}`} value={mode} checked={draft.mode === mode} onChange={() => setDraft({ ...draft, mode })} className="mt-1 size-4 accent-[var(--color-accent)]" />
            <span>
              <span className="block text-sm">{label}</span>
              <span className="block text-xs text-muted">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {direct ? (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-[6rem_minmax(0,1fr)_6rem]">
          <div className="col-span-2 flex flex-col gap-1 sm:order-2 sm:col-span-1">
            <label htmlFor={ids.host} className="text-xs text-muted">
              NINA PC address
            </label>
            <input
              id={ids.host}
              value={draft.host}
              onChange={(e) => setDraft({ ...draft, host: e.target.value })}
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              placeholder="192.168.1.20 or nina-pc.local"
              aria-invalid={Boolean(errors.host)}
              className={inputClass}
            />
          </div>
          <div className="flex flex-col gap-1 sm:order-1">
            <label htmlFor={ids.protocol} className="text-xs text-muted">
              Protocol
            </label>
            <select id={ids.protocol} value={draft.protocol} onChange={(e) => setDraft({ ...draft, protocol: e.target.value as NinaAddress['protocol'] })} className={inputClass}>
              <option value="http">http</option>
              <option value="https">https</option>
            </select>
          </div>
          <div className="flex flex-col gap-1 sm:order-3">
            <label htmlFor={ids.port} className="text-xs text-muted">
              Port
            </label>
            <input
              id={ids.port}
              inputMode="numeric"
              value={portText}
              onChange={(e) => setPortText(e.target.value)}
              placeholder={String(DEFAULT_NINA_PORT)}
              aria-invalid={Boolean(errors.port)}
              className={inputClass}
            />
          </div>
        </div>
      ) : null}
      {direct && (errors.host || errors.port) ? (
        <p role="alert" className="text-sm text-bad">
          {errors.host ?? errors.port}
        </p>
      ) : null}

      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary">
          {rig ? 'Save and connect' : 'Add and connect'}
        </Button>
        {onDone && !rig ? <Button onClick={onDone}>Cancel</Button> : null}
        <Button onClick={() => void test()} pending={testing}>
          Test
        </Button>
      </div>
      {result ? (
        <div role="status" className="rounded-lg border border-border bg-surface-2 p-3 text-sm" data-testid="connection-test-result" data-diagnosis={result.status}>
          <DiagnosisExplanation diagnosis={result} />
        </div>
      ) : null}
    </form>
  );
}
