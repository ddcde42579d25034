import { Batcher } from './batcher';

describe('Batcher', () => {
  const double = async (inputs: number[]) => {
    if (inputs.includes(13)) throw new Error('13 cannot be handled');
    return inputs.map((input) => input * 2);
  };

  it('answers every call of one batch from one run, in order', async () => {
    const runs: number[][] = [];
    const batcher = new Batcher(async (inputs: number[]) => {
      runs.push(inputs);
      return double(inputs);
    });
    expect(await Promise.all([1, 2, 3].map((input) => batcher.submit(input)))).toEqual([2, 4, 6]);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it('fails every call of a failed batch, unless asked to run them alone', async () => {
    const together = new Batcher(double);
    const results = await Promise.allSettled([1, 13, 3].map((input) => together.submit(input)));
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);

    const alone = new Batcher(double, { alone: true });
    const separate = await Promise.allSettled([1, 13, 3].map((input) => alone.submit(input)));
    expect(separate).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'rejected', reason: new Error('13 cannot be handled') },
      { status: 'fulfilled', value: 6 },
    ]);
  });

  it('lets calls made within gatherMs join the batch, and otherwise starts it at the next turn of the event loop', async () => {
    const record = (runs: number[][]) => async (inputs: number[]) => {
      runs.push(inputs);
      return double(inputs);
    };
    const callsApart = async (batcher: Batcher<number, number>) => {
      const first = batcher.submit(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return Promise.all([first, batcher.submit(2)]);
    };
    const gathered: number[][] = [];
    expect(await callsApart(new Batcher(record(gathered), { gatherMs: 50 }))).toEqual([2, 4]);
    expect(gathered).toEqual([[1, 2]]);
    const immediate: number[][] = [];
    expect(await callsApart(new Batcher(record(immediate)))).toEqual([2, 4]);
    expect(immediate).toEqual([[1], [2]]);
  });
});
