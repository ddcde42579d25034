import { withAdvertisingLabel } from './advertising-label';

describe('withAdvertisingLabel (Decree 91: [QC] or [AD] at the start)', () => {
  it.each([
    ['Giảm 50% hôm nay', '[QC] Giảm 50% hôm nay'],
    ['[QC] Giảm 50% hôm nay', '[QC] Giảm 50% hôm nay'],
    ['[AD] 50% off today', '[AD] 50% off today'],
    ['[qc] Giảm 50%', '[QC] Giảm 50%'],
    ['[Ad] 50% off', '[AD] 50% off'],
    ['   [QC] Giảm 50%', '[QC] Giảm 50%'],
    ['  Giảm 50%', '[QC] Giảm 50%'],
    ['[QC]Giảm 50%', '[QC]Giảm 50%'],
    ['Giảm 50% [QC]', '[QC] Giảm 50% [QC]'],
    ['QC Giảm 50%', '[QC] QC Giảm 50%'],
    ['[ QC ] Giảm 50%', '[QC] [ QC ] Giảm 50%'],
    ['', '[QC] '],
  ])('%j becomes %j', (text, expected) => {
    expect(withAdvertisingLabel(text)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const text of ['Sale', '[qc] Sale', '  [AD] Sale']) {
      expect(withAdvertisingLabel(withAdvertisingLabel(text))).toBe(withAdvertisingLabel(text));
    }
  });
});
