/**
 * NINA's autofocus report carries its fitted curves as formula strings, written with C# string
 * interpolation (NINA.WPF.Base/Utility/AutoFocus):
 *
 *   Hyperbolic     `y = {a} * cosh(asinh(({p} - x) / {b}))`
 *   Quadratic      `y = {x²} * x^2 + {x} * x + {c}`
 *   Trend lines    `y = {slope} * x + {offset}`
 *   Gaussian       `y = {a} * exp(-1 * (x - {µ}) * (x - {µ}) / (2 * {σ} * {σ})) + {offset}`
 *
 * Each is matched token by token against its fixed shape and its coefficients read as numbers;
 * nothing is ever evaluated as code. Doubles are C#'s shortest round-trip text (`1.6034`,
 * `-3.2E-05`, `1E+15`, `NaN`), and a negative term stays after its plus (`+ -1.82 * x`).
 * Interpolation follows the NINA PC's culture, so a decimal comma (`1,6034`), the Unicode minus
 * and `∞` are read too: the formulas contain no other commas.
 */

export type Fitting =
  | { kind: 'hyperbolic'; a: number; focus: number; b: number }
  | { kind: 'quadratic'; squared: number; linear: number; constant: number }
  | { kind: 'line'; slope: number; offset: number }
  | { kind: 'gaussian'; amplitude: number; mean: number; sigma: number; offset: number };

export type FittingKind = Fitting['kind'];

export type ParseFittingResult = { ok: true; fitting: Fitting } | { ok: false; error: string };

type Token = { type: 'number'; value: number } | { type: 'word'; text: string } | { type: 'symbol'; text: string };

const NUMBER = /^(?:(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?|NaN|Infinity|∞)/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;
const SYMBOLS = new Set(['=', '*', '/', '+', '-', '(', ')', '^']);

const numberFromText = (text: string): number => {
  if (text === 'NaN') return Number.NaN;
  if (text === 'Infinity' || text === '∞') return Number.POSITIVE_INFINITY;
  return Number(text.replace(',', '.'));
};

/** Splits a formula into numbers, words and symbols; a minus is a number's sign where no operand precedes it. */
function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  let rest = text.replace(/\u2212/g, '-').trim();
  while (rest.length > 0) {
    const space = /^\s+/.exec(rest);
    if (space) {
      rest = rest.slice(space[0].length);
      continue;
    }
    const previous = tokens.at(-1);
    const operandBefore = previous !== undefined && (previous.type !== 'symbol' || previous.text === ')');
    const signed = !operandBefore && (rest[0] === '-' || rest[0] === '+') ? NUMBER.exec(rest.slice(1)) : null;
    if (signed) {
      const magnitude = numberFromText(signed[0]);
      tokens.push({ type: 'number', value: rest[0] === '-' ? -magnitude : magnitude });
      rest = rest.slice(1 + signed[0].length);
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: 'number', value: numberFromText(number[0]) });
      rest = rest.slice(number[0].length);
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ type: 'word', text: word[0] });
      rest = rest.slice(word[0].length);
      continue;
    }
    const symbol = rest[0] as string;
    if (!SYMBOLS.has(symbol)) return `unexpected “${symbol}”`;
    tokens.push({ type: 'symbol', text: symbol });
    rest = rest.slice(1);
  }
  return tokens;
}

/** A shape: literal tokens, and `{name}` slots that take one number (a repeated name must repeat its value). */
type PatternItem = Token | { type: 'slot'; name: string };

interface Shape {
  kind: FittingKind;
  pattern: PatternItem[];
}

function shape(kind: FittingKind, template: string): Shape {
  const pattern = template.split(/(\{\w+\})/).flatMap((part): PatternItem[] => {
    const slot = /^\{(\w+)\}$/.exec(part);
    if (slot) return [{ type: 'slot', name: slot[1] as string }];
    const tokens = tokenize(part);
    if (typeof tokens === 'string') throw new Error(`bad template ${template}`);
    return tokens;
  });
  return { kind, pattern };
}

const shapes: readonly Shape[] = [
  shape('hyperbolic', 'y = {a} * cosh(asinh(({focus} - x) / {b}))'),
  shape('quadratic', 'y = {squared} * x ^ 2 + {linear} * x + {constant}'),
  shape('line', 'y = {slope} * x + {offset}'),
  shape('gaussian', 'y = {amplitude} * exp(-1 * (x - {mean}) * (x - {mean}) / (2 * {sigma} * {sigma})) + {offset}'),
];

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function match(pattern: readonly PatternItem[], tokens: readonly Token[]): Record<string, number> | undefined {
  if (pattern.length !== tokens.length) return undefined;
  const values: Record<string, number> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i] as PatternItem;
    const actual = tokens[i] as Token;
    if (expected.type === 'slot') {
      if (actual.type !== 'number') return undefined;
      const seen = values[expected.name];
      if (seen !== undefined && !sameNumber(seen, actual.value)) return undefined;
      values[expected.name] = actual.value;
    } else if (expected.type === 'number') {
      if (actual.type !== 'number' || actual.value !== expected.value) return undefined;
    } else if (actual.type !== expected.type || actual.text !== expected.text) {
      return undefined;
    }
  }
  return values;
}

/** Reads one of NINA's fitting formulas; anything not in one of its shapes is refused with a reason. */
export function parseFitting(text: string): ParseFittingResult {
  if (text.trim() === '') return { ok: false, error: 'empty formula' };
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return { ok: false, error: `not a NINA fitting: ${tokens}` };
  for (const { kind, pattern } of shapes) {
    const v = match(pattern, tokens);
    if (!v) continue;
    switch (kind) {
      case 'hyperbolic':
        return { ok: true, fitting: { kind, a: v.a as number, focus: v.focus as number, b: v.b as number } };
      case 'quadratic':
        return { ok: true, fitting: { kind, squared: v.squared as number, linear: v.linear as number, constant: v.constant as number } };
      case 'line':
        return { ok: true, fitting: { kind, slope: v.slope as number, offset: v.offset as number } };
      case 'gaussian':
        return {
          ok: true,
          fitting: { kind, amplitude: v.amplitude as number, mean: v.mean as number, sigma: v.sigma as number, offset: v.offset as number },
        };
    }
  }
  return { ok: false, error: 'not one of NINA’s fitting formulas' };
}

/** The fitted value at focuser position `x`; NaN where the fitting has no value (a NaN coefficient, σ = 0). */
export function evaluateFitting(fitting: Fitting, x: number): number {
  switch (fitting.kind) {
    case 'hyperbolic':
      return fitting.a * Math.cosh(Math.asinh((fitting.focus - x) / fitting.b));
    case 'quadratic':
      return fitting.squared * x * x + fitting.linear * x + fitting.constant;
    case 'line':
      return fitting.slope * x + fitting.offset;
    case 'gaussian':
      return fitting.amplitude * Math.exp((-1 * (x - fitting.mean) * (x - fitting.mean)) / (2 * fitting.sigma * fitting.sigma)) + fitting.offset;
  }
}

/**
 * `count` evenly spaced samples of the fitting over [fromX, toX], leaving out any point where it has
 * no finite value, ready to draw as a line.
 */
export function sampleFitting(fitting: Fitting, fromX: number, toX: number, count: number): { x: number; y: number }[] {
  const samples = Math.max(2, Math.floor(count));
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < samples; i += 1) {
    const x = fromX + ((toX - fromX) * i) / (samples - 1);
    const y = evaluateFitting(fitting, x);
    if (Number.isFinite(y)) points.push({ x, y });
  }
  return points;
}
