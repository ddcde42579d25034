import { z } from 'zod';

/** The SMS price form: a three-letter currency (any case) and a price with at most 4 decimals. */
export const smsPriceFormSchema = z.object({
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'errors.currency'),
  perSegment: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,4})?$/, 'errors.positivePrice'),
});

export type SmsPriceFormValues = z.infer<typeof smsPriceFormSchema>;

export function smsPriceBody(values: SmsPriceFormValues): { currency: string; perSegment: number } {
  return { currency: values.currency.trim().toUpperCase(), perSegment: Number(values.perSegment) };
}
