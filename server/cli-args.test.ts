import { describe, expect, it } from 'vitest';
import { UsageError, parseCliArgs } from './cli-args';

function options(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const command = parseCliArgs(argv, env);
  if (command.help) throw new Error('expected options, got help');
  return command.options;
}

describe('parseCliArgs', () => {
  it('defaults to demo mode with a build, leaving port and host to the server', () => {
    expect(options([])).toEqual({ build: true });
  });

  it('reads every flag', () => {
    const argv = ['--nina', 'http://192.168.1.20:1888/', '--port', '9000', '--host', '127.0.0.1', '--no-build'];
    expect(options(argv)).toEqual({
      ninaUrl: 'http://192.168.1.20:1888',
      port: 9000,
      host: '127.0.0.1',
      build: false,
    });
    expect(options(['--sim-port', '1888', '--sim-speed', '10', '--sim-seed', '42', '--sim-test-controls'])).toEqual({
      build: true,
      simulator: { port: 1888, speed: 10, seed: 42, testControls: true },
    });
  });

  it('falls back to PORT, SKYDECK_HOST and NINA_URL, with flags taking precedence', () => {
    const env = { PORT: '8081', SKYDECK_HOST: '192.168.1.50', NINA_URL: 'http://nina-pc:1888' };
    expect(options([], env)).toEqual({ build: true, port: 8081, host: '192.168.1.50', ninaUrl: 'http://nina-pc:1888' });
    expect(options(['--port', '9000', '--nina', 'http://10.0.0.2:1888'], env)).toMatchObject({
      port: 9000,
      ninaUrl: 'http://10.0.0.2:1888',
    });
  });

  it('treats an empty NINA_URL as not set', () => {
    expect(options([], { NINA_URL: '' })).toEqual({ build: true });
  });

  it('asks for help', () => {
    expect(parseCliArgs(['--help'], {})).toEqual({ help: true });
    expect(parseCliArgs(['-h'], {})).toEqual({ help: true });
  });

  it.each([
    [['--nina', '192.168.1.20:1888'], /^--nina: .*must start with http:\/\//],
    [['--nina', 'http://192.168.1.20:1888/v2/api'], /^--nina: .*without a path/],
    [['--port', '80a'], /--port must be a port number/],
    [['--port', '70000'], /--port must be a port number/],
    [['--sim-speed', '0'], /--sim-speed must be a number above 0/],
    [['--sim-seed', '1.5'], /--sim-seed must be an integer/],
    [['--nina', 'http://nina-pc:1888', '--sim-speed', '2'], /cannot be combined with --nina/],
    [['--verbose'], /Unknown option '--verbose'/],
    [['serve'], /Unexpected argument 'serve'/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseCliArgs(argv, {})).toThrow(UsageError);
    expect(() => parseCliArgs(argv, {})).toThrow(message);
  });

  it('names the environment variable that held a bad value', () => {
    expect(() => parseCliArgs([], { NINA_URL: 'nina-pc' })).toThrow(/^NINA_URL: /);
    expect(() => parseCliArgs([], { PORT: 'eighty' })).toThrow(/^PORT must be/);
  });
});
