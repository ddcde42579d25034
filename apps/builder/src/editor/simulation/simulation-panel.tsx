import { simulate, type SimulationResult } from '@loa/engine/browser';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeNamesOf } from '../versions/node-names';
import type { DiffGraph } from '../versions/graph-diff';
import { ContactCard, contactName } from './contact-card';
import { ContactSearch } from './contact-search';
import { EventScript } from './event-script';
import { OutcomeScript } from './outcome-script';
import { SimulationResults } from './simulation-results';
import {
  entryEventOf,
  entryKeyOf,
  eventNamesOf,
  newSampleContact,
  newWorkspaceContact,
  sendNodesOf,
  simulationInputOf,
  type SimulationForm,
} from './simulation-form';
import { pathDecorations } from './simulation-view';

interface Run {
  result: SimulationResult;
  graph: unknown;
  names: Map<string, string>;
}

/**
 * Tries the campaign on the current graph in the browser with the engine's simulator: contacts (typed samples or
 * the workspace's), scripted events and provider outcomes in; each contact's path (shown on the canvas through
 * `onPathChange`), timeline, rendered messages and cost out. Nothing is sent.
 */
export function SimulationPanel({
  graph,
  onPathChange,
}: {
  graph: DiffGraph;
  onPathChange: (decorations: Record<string, string>) => void;
}) {
  const { t } = useTranslation('simulation');
  const id = useId();
  const entryEvent = entryEventOf(graph);
  const entryKey = entryKeyOf(graph);
  const [form, setForm] = useState<SimulationForm>(() => ({
    contacts: [newSampleContact(1, entryKey)],
    events: [],
    outcomes: {},
    startAt: '',
    untilDays: 30,
  }));
  const [samples, setSamples] = useState(1);
  const [run, setRun] = useState<Run | undefined>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const resultsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    resultsRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [run]);
  const nameOf = useMemo(() => nodeNamesOf(graph), [graph]);
  const sendNodes = sendNodesOf(graph).map((node) => ({
    id: node.id,
    type: node.type,
    name: nameOf(node.id),
  }));
  const timezone = (graph.settings?.['timezone'] as string | undefined) ?? 'Asia/Ho_Chi_Minh';

  const selectedContact = run?.result.contacts.find((contact) => contact.contactId === selected);
  useEffect(() => {
    onPathChange(
      pathDecorations(
        selectedContact,
        graph.nodes.map((node) => node.id),
      ),
    );
  }, [selectedContact, graph, onPathChange]);
  useEffect(() => () => onPathChange({}), [onPathChange]);

  const onRun = () => {
    const result = simulate(simulationInputOf(form, graph, entryEvent));
    const names = new Map(form.contacts.map((contact) => [contact.key, contactName(contact)]));
    setRun({ result, graph, names });
    setSelected(result.contacts[0]?.contactId);
  };
  const addSample = () => {
    setSamples(samples + 1);
    setForm({ ...form, contacts: [...form.contacts, newSampleContact(samples + 1, entryKey)] });
  };
  const picked = new Set(form.contacts.map((contact) => contact.key));

  return (
    <section className="sim" aria-labelledby={`${id}-title`} data-testid="simulation-panel">
      <header className="sim__header">
        <h2 id={`${id}-title`}>{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
      </header>

      <details className="sim__section" open>
        <summary>{t('contacts.title', { count: form.contacts.length })}</summary>
        <ul className="sim-contacts">
          {form.contacts.map((contact, index) => (
            <ContactCard
              key={contact.key}
              contact={contact}
              entryEvent={entryEvent}
              onChange={(next) =>
                setForm({
                  ...form,
                  contacts: form.contacts.map((other, at) => (at === index ? next : other)),
                })
              }
              onRemove={() =>
                setForm({
                  ...form,
                  contacts: form.contacts.filter((_, at) => at !== index),
                  events: form.events.filter((event) => event.contactKey !== contact.key),
                })
              }
            />
          ))}
        </ul>
        <button type="button" className="button button--small" onClick={addSample}>
          {t('contacts.addSample')}
        </button>
        <h3 className="sim__subheading">{t('contacts.fromWorkspaceTitle')}</h3>
        <ContactSearch
          picked={picked}
          onPick={(contact, segmentIds) =>
            setForm((current) => ({
              ...current,
              contacts: [...current.contacts, newWorkspaceContact(contact, segmentIds, entryKey)],
            }))
          }
        />
      </details>

      <details className="sim__section" open>
        <summary>{t('events.title', { count: form.events.length })}</summary>
        <EventScript
          events={form.events}
          contacts={form.contacts}
          eventNames={eventNamesOf(graph)}
          onChange={(events) => setForm({ ...form, events })}
        />
      </details>

      <details className="sim__section" open>
        <summary>{t('outcomes.title')}</summary>
        <OutcomeScript
          sendNodes={sendNodes}
          outcomes={form.outcomes}
          onChange={(outcomes) => setForm({ ...form, outcomes })}
        />
      </details>

      <details className="sim__section">
        <summary>{t('clock.title')}</summary>
        <div className="sim-contact__grid">
          <label className="field sim-field">
            <span>{t('clock.startAt')}</span>
            <input
              type="datetime-local"
              value={form.startAt}
              onChange={(event) => setForm({ ...form, startAt: event.target.value })}
            />
          </label>
          <label className="field sim-field">
            <span>{t('clock.untilDays')}</span>
            <input
              type="number"
              min={1}
              max={366}
              value={form.untilDays}
              onChange={(event) => setForm({ ...form, untilDays: Number(event.target.value) })}
            />
          </label>
        </div>
      </details>

      <div className="sim__run">
        <button
          type="button"
          className="button button--primary"
          disabled={form.contacts.length === 0}
          onClick={onRun}
        >
          {run ? t('runAgain') : t('run')}
        </button>
        {form.contacts.length === 0 && <span className="muted">{t('needContact')}</span>}
        {run && run.graph !== graph && (
          <span className="sim__stale" role="status">
            {t('stale')}
          </span>
        )}
      </div>

      <div ref={resultsRef}>
        {run && !run.result.ok && <SimulationProblems result={run.result} />}
        {run?.result.ok && (
          <SimulationResults
            result={run.result}
            names={run.names}
            selected={selected}
            onSelect={setSelected}
            timezone={timezone}
          />
        )}
      </div>
    </section>
  );
}

function SimulationProblems({ result }: { result: SimulationResult }) {
  const { t } = useTranslation('simulation');
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return (
    <div className="lifecycle__problem" role="alert" data-testid="sim-problems">
      <p>
        <strong>{t('problems.title')}</strong>
      </p>
      <ul>
        {errors.map((error, index) => (
          <li key={`d${index}`}>{error.message}</li>
        ))}
        {result.inputErrors.map((error, index) => (
          <li key={`i${index}`}>
            {error.path}: {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
