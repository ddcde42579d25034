import { csvStream } from './report-csv';

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out.replace(/^\uFEFF/, '');
}

describe('csvStream', () => {
  it('writes a header row, then one line per row', async () => {
    const csv = await text(
      csvStream(['a', 'b'], () => [
        [1, 'x'],
        [2, null],
      ]),
    );
    expect(csv).toBe('a,b\n1,x\n2,\n');
  });

  it('escapes cells a spreadsheet would run as formulas, but not negative numbers', async () => {
    const rows = () => [['=HYPERLINK("http://x")', '-131:1', '+1', '@SUM(A1)', -5]];
    const csv = await text(csvStream(['name', 'codes', 'plus', 'at', 'n'], rows));
    expect(csv.split('\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",'-131:1,'+1,'@SUM(A1),-5`);
  });
});
