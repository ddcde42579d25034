import type { UpdateContactStep } from '../plan/plan.types';
import type { SimulatedContactState } from './liquid-scope';
import { renderLiquid } from '../personalisation/render-liquid';

export interface ContactUpdateResult {
  contact: SimulatedContactState;
  /** What changed, for the path: "set tier = gold", "+tag birthday-2026" … */
  changes: string[];
  errors: string[];
}

/** Applies a contact.update step to the simulated contact; text values are Liquid over the same scope as messages. */
export function applyContactUpdate(
  contact: SimulatedContactState,
  step: UpdateContactStep,
  scope: object,
  timezone: string,
): ContactUpdateResult {
  const attributes = structuredClone(contact.attributes);
  const changes: string[] = [];
  const errors: string[] = [];
  for (const [path, value] of Object.entries(step.set)) {
    let resolved = value;
    if (typeof value === 'string') {
      const rendered = renderLiquid(value, scope, { timezone });
      if (rendered.ok) resolved = rendered.text;
      else errors.push(`${path}: ${rendered.error}`);
    }
    writePath(attributes, path, resolved);
    changes.push(`set ${path} = ${JSON.stringify(resolved)}`);
  }
  if (step.scoreDelta !== 0) {
    const score = (Number(attributes.score) || 0) + step.scoreDelta;
    attributes.score = score;
    changes.push(`score ${step.scoreDelta > 0 ? '+' : ''}${step.scoreDelta} = ${score}`);
  }
  const tags = contact.tags.filter((tag) => !step.removeTags.includes(tag));
  for (const tag of step.addTags) if (!tags.includes(tag)) tags.push(tag);
  changes.push(...step.addTags.map((tag) => `+tag ${tag}`), ...step.removeTags.map((tag) => `-tag ${tag}`));
  let doNotContact = contact.doNotContact;
  if (step.doNotContact) {
    doNotContact = step.doNotContact === 'add';
    changes.push(`${step.doNotContact === 'add' ? 'added to' : 'removed from'} do-not-contact`);
  }
  return { contact: { ...contact, attributes, tags, doNotContact }, changes, errors };
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  if (keys.some((key) => UNSAFE_KEYS.has(key))) return;
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    node[key] = child !== null && typeof child === 'object' && !Array.isArray(child) ? child : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
