import { z } from 'zod';

/**
 * NINA writes NaN and ±Infinity as JSON strings in number fields, on REST and sockets alike
 * (notes §2.2, §16b). This is the one place that knows; everything downstream gets a plain number.
 */
export const ninaNumber = z
  .union([z.number(), z.literal('NaN'), z.literal('Infinity'), z.literal('-Infinity')])
  .transform((value): number => {
    if (typeof value === 'number') return value;
    if (value === 'NaN') return Number.NaN;
    return value === 'Infinity' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  });

/**
 * REST omits null properties and sockets write `null` (notes §2.2), so an optional field may be
 * missing or null; both become `undefined` so views test one thing.
 */
export const maybe = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => (value ?? undefined) as z.output<T> | undefined);

/** The envelope of every JSON reply and socket message (notes §2.1). */
export const envelopeSchema = z.object({
  Response: z.unknown(),
  Error: z.string().nullish(),
  StatusCode: z.number(),
  Success: z.boolean(),
  Type: z.string().nullish(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** DeviceInfo fields shared by every device `info` reply (notes §3.2); the strings vanish when disconnected. */
export const deviceInfoShape = {
  Connected: z.boolean(),
  Name: maybe(z.string()),
  DisplayName: maybe(z.string()),
  Description: maybe(z.string()),
  DriverInfo: maybe(z.string()),
  DriverVersion: maybe(z.string()),
  DeviceId: maybe(z.string()),
  SupportedActions: maybe(z.array(z.string())),
};

/** NINA DateTime strings carry the PC's local offset; keep the text, parse where a time is shown. */
export const ninaDateTime = z.string();
