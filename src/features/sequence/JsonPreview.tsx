import { useRef, useState } from 'react';
import { Button } from '../../components/Button';

/**
 * Copies through the Clipboard API where the page may use it (HTTPS or localhost); on a plain-HTTP
 * LAN address it is missing, and the selected text is copied the old way instead.
 */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission): fall through to the selection.
    }
  }
  if (!area) return false;
  area.focus();
  area.select();
  return document.execCommand('copy');
}

/** The JSON Skydeck sends to `sequence/load`, to read, copy, or save as a file for NINA. */
export function JsonPreview({ json }: { json: string }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no'>();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          onClick={() => {
            void copyText(json, area.current).then((ok) => setCopied(ok ? 'yes' : 'no'));
          }}
        >
          Copy JSON
        </Button>
        {copied === 'yes' ? (
          <span role="status" className="text-xs text-ok">
            Copied
          </span>
        ) : copied === 'no' ? (
          <span role="status" className="text-xs text-warn">
            This browser did not copy it: select the text and copy it by hand.
          </span>
        ) : null}
      </div>
      <textarea
        ref={area}
        readOnly
        value={json}
        aria-label="Sequence JSON"
        spellCheck={false}
        rows={14}
        className="w-full resize-y rounded-lg border border-border bg-surface-2 p-2 font-mono text-xs leading-snug whitespace-pre"
        onFocus={(event) => event.currentTarget.select()}
      />
    </div>
  );
}
