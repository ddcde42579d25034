import { z } from 'zod';

/** Zalo sends numbers as strings in many places ("90000", "499", "800"). */
export const zaloNumber = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a number or a numeric string')])
  .transform(Number);

/** IDs and epoch timestamps exceed 2^53, so Zalo sends them as strings; accept numbers too, keep text. */
export const zaloId = z.union([z.string().min(1), z.number()]).transform(String);

/**
 * A field Loa can do without: a value of another shape (null, a new type, a new structure) reads as undefined
 * instead of failing the whole answer.
 */
export function lenient<S extends z.ZodType>(schema: S) {
  return schema.optional().catch(undefined);
}
