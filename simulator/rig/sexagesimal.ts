// NINA's AstroUtil.DegreesToDMS / HoursToHMS, which produce every *String field of the mount:
// `05:34:31`, `22° 00' 52"`, `-05° 23' 28"`. There is no `+` sign on positive values.

/** .NET Math.Round(x, 0): midpoints go to the even neighbour. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function sexagesimal(value: number, format: (whole: string, minutes: string, seconds: string) => string): string {
  const negative = value < 0;
  const magnitude = Math.abs(value);
  let whole = Math.floor(magnitude);
  let minutes = Math.floor((magnitude - whole) * 60);
  let seconds = roundHalfEven((magnitude - whole - minutes / 60) * 3600);
  if (seconds === 60) {
    seconds = 0;
    minutes += 1;
    if (minutes === 60) {
      minutes = 0;
      whole += 1;
    }
  }
  const text = format(pad2(whole), pad2(minutes), pad2(seconds));
  return negative ? `-${text}` : text;
}

export function degreesToDms(degrees: number): string {
  return sexagesimal(degrees, (d, m, s) => `${d}° ${m}' ${s}"`);
}

export function hoursToHms(hours: number): string {
  return sexagesimal(hours, (h, m, s) => `${h}:${m}:${s}`);
}
