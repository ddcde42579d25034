type Input = Record<string, unknown>;

/**
 * Splits the inputs of one batch into what they all share (sent once) and what each has of its own; `merge` puts
 * them back together. The `journey` object is factored one level deeper (its campaign, version and enrollment are
 * shared; its contact is not).
 */
export function factorInputs(inputs: Input[]): { shared: Input; items: Input[] } {
  const shared = sharedFields(inputs);
  const journeys = inputs.map((input) => input.journey).filter(isRecord);
  const sharedJourney = journeys.length === inputs.length ? sharedFields(journeys as Input[]) : {};
  if (Object.keys(sharedJourney).length > 0 && !('journey' in shared)) shared.journey = sharedJourney;
  const items = inputs.map((input) => {
    const item: Input = {};
    for (const [key, value] of Object.entries(input)) {
      if (key in shared && key !== 'journey') continue;
      if (key === 'journey' && 'journey' in shared) {
        if (shared.journey === sharedJourney) item.journey = without(value as Input, sharedJourney);
        continue;
      }
      item[key] = value;
    }
    return item;
  });
  return { shared, items };
}

/** The input of one item, as its per-contact activity takes it. */
export function mergeInput(shared: Input, item: Input): Input {
  const merged: Input = { ...shared, ...item };
  if (isRecord(shared.journey) && isRecord(item.journey))
    merged.journey = { ...shared.journey, ...item.journey };
  return merged;
}

function sharedFields(inputs: Input[]): Input {
  const [first, ...rest] = inputs;
  if (!first) return {};
  const shared: Input = {};
  for (const [key, value] of Object.entries(first)) {
    // The members of a batch share their step by reference: compare by value only what differs by reference.
    let json: string | undefined;
    const same = (other: unknown) =>
      other === value || JSON.stringify(other) === (json ??= JSON.stringify(value));
    if (rest.every((input) => key in input && same(input[key]))) shared[key] = value;
  }
  return shared;
}

function without(value: Input, shared: Input): Input {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !(key in shared)));
}

function isRecord(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
