import type { JourneyFigures } from './reports.schemas';

/** A count of journeys sharing a status, exit reason and conversion (one row of the overview's GROUP BY). */
export interface JourneyGroup {
  status: string;
  exitReason: string | null;
  converted: boolean;
  count: number;
}

export function emptyFigures(): JourneyFigures {
  return {
    entered: 0,
    inProgress: 0,
    completed: 0,
    exited: 0,
    exitedByReason: {},
    conversions: 0,
    conversionRate: null,
  };
}

/** Adds a group of journeys to the figures (in place) and returns them. */
export function addGroup(figures: JourneyFigures, group: JourneyGroup): JourneyFigures {
  figures.entered += group.count;
  if (group.status === 'active') figures.inProgress += group.count;
  else {
    figures.exited += group.count;
    const reason = group.exitReason ?? 'unknown';
    figures.exitedByReason[reason] = (figures.exitedByReason[reason] ?? 0) + group.count;
    if (reason === 'completed') figures.completed += group.count;
  }
  if (group.converted) figures.conversions += group.count;
  figures.conversionRate = figures.entered === 0 ? null : figures.conversions / figures.entered;
  return figures;
}
