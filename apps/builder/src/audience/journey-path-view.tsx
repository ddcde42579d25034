import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toEditorGraph } from '../editor/graph/editor-graph';
import { displayNameOf } from '../editor/graph/node-summary';
import type { DiffGraph } from '../editor/versions/graph-diff';
import { VersionCanvas } from '../editor/versions/version-canvas';
import { useVersion } from '../editor/versions/versions-queries';
import { formatDateTime } from '../format/formats';
import { QueryState } from '../shell/query-state';
import type { ContactJourney } from './contact-queries';
import { journeyPath, type JourneyPath } from './journey-path';

/** One journey's path: drawn on its version's read-only canvas, and the same steps as a list to read. */
export function JourneyPathView({ journey, timeZone }: { journey: ContactJourney; timeZone: string }) {
  const { t } = useTranslation('audience');
  const version = useVersion(journey.campaignId, journey.version ?? undefined);
  const graph = version.data?.graph as DiffGraph | undefined;
  const path = useMemo(() => journeyPath(graph ?? { nodes: [], edges: [] }, journey), [graph, journey]);

  if (journey.version === null) return <p className="muted">{t('journeys.noVersion')}</p>;
  if (version.isPending || version.isError)
    return <QueryState error={version.error} onRetry={() => void version.refetch()} />;
  return (
    <div className="journey-path">
      {graph && (
        <div
          className="journey-path__canvas"
          role="group"
          aria-label={t('journeys.canvas', { campaign: journey.campaignName })}
          data-testid="journey-canvas"
        >
          <JourneyCanvas graph={graph} path={path} />
        </div>
      )}
      <JourneyStepList graph={graph} path={path} timeZone={timeZone} />
    </div>
  );
}

function JourneyCanvas({ graph, path }: { graph: DiffGraph; path: JourneyPath }) {
  const { t } = useTranslation('audience');
  const orders = useMemo(() => {
    const byStep = new Map<string, number[]>();
    for (const visit of path.visits)
      byStep.set(visit.stepId, [...(byStep.get(visit.stepId) ?? []), visit.order]);
    return byStep;
  }, [path]);
  const render = useCallback(
    (stepId: string) => {
      const numbers = orders.get(stepId);
      if (!numbers) return null;
      return (
        <div className="journey-step-marks" data-testid="journey-step-marks">
          <span className="journey-step-marks__order">{numbers.join(' · ')}</span>
          {stepId === path.currentStepId && (
            <span className="journey-step-marks__waiting">{t('journeys.waitingHere')}</span>
          )}
        </div>
      );
    },
    [orders, path.currentStepId, t],
  );
  return <VersionCanvas graph={graph} decorations={path.decorations} renderStepOverlay={render} compact />;
}

function JourneyStepList({
  graph,
  path,
  timeZone,
}: {
  graph: DiffGraph | undefined;
  path: JourneyPath;
  timeZone: string;
}) {
  const { t } = useTranslation('audience');
  const { t: tEditor } = useTranslation('editor');
  const steps = useMemo(() => (graph ? toEditorGraph(graph).nodes : []), [graph]);
  const outcomeText = (outcome: string) => {
    const [kind, ...rest] = outcome.split(':');
    const value = rest.join(':');
    if (kind === 'exit' && rest.length > 0) return t('journeys.exitOutcome', { reason: value });
    if (kind === 'variant' && rest.length > 0) return t('journeys.variantOutcome', { variant: value });
    return t(`outcomes.${outcome}`, { defaultValue: outcome });
  };
  const nameOf = (stepId: string) => {
    const step = steps.find((node) => node.id === stepId);
    return step
      ? displayNameOf(step, (key, values) => tEditor(key, values ?? {}))
      : t('journeys.unknownStep', { id: stepId });
  };
  return (
    <div className="journey-path__steps">
      <h3>{t('journeys.pathTitle')}</h3>
      {path.visits.length === 0 ? (
        <p className="muted">{t('journeys.noSteps')}</p>
      ) : (
        <ol className="journey-path__list" data-testid="journey-steps">
          {path.visits.map((visit) => (
            <li
              key={visit.order}
              data-step-id={visit.stepId}
              aria-current={
                visit.stepId === path.currentStepId && visit.order === path.visits.length ? 'step' : undefined
              }
            >
              {t('journeys.stepAt', {
                order: visit.order,
                step: nameOf(visit.stepId),
                outcomes: visit.outcomes.map(outcomeText).join(', '),
              })}{' '}
              <time className="muted" dateTime={visit.at}>
                {formatDateTime(visit.at, timeZone)}
              </time>
              {visit.stepId === path.currentStepId && visit.order === path.visits.length && (
                <strong className="journey-path__waiting"> — {t('journeys.waitingHere')}</strong>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
