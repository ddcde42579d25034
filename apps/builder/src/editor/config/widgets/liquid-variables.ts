import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMappingTargets, type MappingTargets } from '../queries';
import type { LiquidVariable } from './liquid-completion';

/** Every variable a message can read, from GET /templates/mapping-targets, grouped for display. */
export function liquidVariablesOf(targets: MappingTargets | undefined, t: TFunction): LiquidVariable[] {
  if (!targets) return [];
  const seen = new Set<string>();
  const variables: LiquidVariable[] = [];
  const push = (path: string, label: string, group: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    variables.push({ path, label, group });
  };
  for (const field of targets.contact) push(field.path, field.label, t('zns.groups.contact'));
  for (const attribute of targets.attributes)
    push(attribute.path, attribute.label, t('zns.groups.attributes'));
  for (const event of targets.events)
    for (const property of event.properties)
      push(property.path, property.label, t('zns.groups.event', { name: event.name }));
  for (const field of targets.campaign) push(field.path, field.label, t('zns.groups.campaign'));
  return variables;
}

export function useLiquidVariables(): LiquidVariable[] {
  const { t } = useTranslation('config');
  const targets = useMappingTargets();
  return useMemo(() => liquidVariablesOf(targets.data, t), [targets.data, t]);
}
