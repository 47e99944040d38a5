import type { Diagnosis } from '../../nina/diagnose';

const ninaChecks = (
  <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-muted">
    <li>NINA is running on that PC, with the Advanced API plugin installed and its API switched on.</li>
    <li>The port is the one the plugin shows in its options (1888 by default; it moves to 1889 or higher when 1888 is busy).</li>
    <li>Windows Firewall allows that port on your private network.</li>
    <li>This device is on the same network as the NINA PC.</li>
  </ul>
);

/** What failed and what to do about it, for each way reaching NINA can fail. */
export function DiagnosisExplanation({ diagnosis }: { diagnosis: Diagnosis }) {
  switch (diagnosis.status) {
    case 'ok':
      return <p className="text-ok">NINA’s Advanced API {diagnosis.plugin} answered.</p>;
    case 'proxy-unreachable':
      return (
        <div>
          <p>
            Skydeck’s server is running, but it cannot reach NINA
            {diagnosis.target ? (
              <>
                {' '}
                at <code className="font-mono">{diagnosis.target}</code>
              </>
            ) : null}
            {diagnosis.code ? ` (${diagnosis.code})` : ''}.
          </p>
          <p className="mt-2 text-sm">Check that:</p>
          {ninaChecks}
          <p className="mt-2 text-sm text-muted">
            To point Skydeck at another address, restart it with <code className="font-mono">npm start -- --nina http://NINA-PC:1888</code>.
          </p>
        </div>
      );
    case 'unreachable':
      return (
        <div>
          <p>
            Nothing answered at <code className="font-mono">{diagnosis.url}</code>.
          </p>
          <p className="mt-2 text-sm">Check that:</p>
          {ninaChecks}
          <p className="mt-2 text-sm text-muted">“localhost” means this device itself; from a phone, use the NINA PC’s IP address.</p>
        </div>
      );
    case 'cors':
      return (
        <div>
          <p>
            NINA answered at <code className="font-mono">{diagnosis.url}</code>, but the browser blocked the reply because the Advanced API’s CORS
            option is off.
          </p>
          <p className="mt-2 text-sm text-muted">
            Turn on “Use Access-Control-Allow-Origin header” in NINA › Options › Plugins › Advanced API, or connect through Skydeck’s server
            (no CORS needed).
          </p>
        </div>
      );
    case 'mixed-content':
      return (
        <p>
          This page was opened over https, and browsers block plain-http connections from it, so Skydeck cannot talk to{' '}
          <code className="font-mono">{diagnosis.url}</code> directly. Open Skydeck over http, or connect through Skydeck’s server.
        </p>
      );
    case 'not-advanced-api':
      return (
        <div>
          <p>Something answered, but it is not NINA’s Advanced API.</p>
          <p className="mt-1 break-words text-sm text-muted">{diagnosis.message}</p>
          <p className="mt-2 text-sm text-muted">Check the port: another program may be using it.</p>
        </div>
      );
    case 'timeout':
      return (
        <p>
          <code className="font-mono">{diagnosis.url}</code> accepted the connection but did not answer within 5 s. NINA may be busy or hanging;
          check the NINA PC.
        </p>
      );
    case 'nina-error':
      return <p>NINA answered with an error: {diagnosis.message}</p>;
    case 'auth-required':
      return (
        <p>
          Skydeck’s server asks for its access token.{' '}
          <a className="text-accent underline" href={`/skydeck/login?next=${encodeURIComponent(window.location.pathname)}`}>
            Enter the token
          </a>
          .
        </p>
      );
  }
}
