import { z } from 'zod';

export const ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'date', 'datetime', 'enum'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** Attribute keys, as the attribute_definitions table checks them (also the rule for undefined attributes). */
export const ATTRIBUTE_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const attributeKeySchema = z
  .string()
  .regex(
    ATTRIBUTE_KEY_PATTERN,
    'must start with a letter or _ and hold only letters, digits and _ (at most 64)',
  );

/** A workspace's declaration of one contact attribute: its type decides how values are checked and stored. */
export interface AttributeDefinition {
  key: string;
  label: string;
  type: AttributeType;
  /** The allowed values of an `enum` attribute; null for the other types. */
  enumValues: string[] | null;
}

export type AttributeDefinitions = ReadonlyMap<string, AttributeDefinition>;
