import { findLiquidSyntaxError, renderLiquid } from '@loa/engine';
import { liquidPath, liquidPlaceholder } from './liquid-path';

describe('liquidPath', () => {
  it('reads names with a dot and other keys with brackets, both valid Liquid that render the value', () => {
    expect(liquidPath('event', 'orderId')).toBe('event.orderId');
    const odd = liquidPath('event', 'mã "đơn"-1');
    expect(odd).toBe('event["mã \\"đơn\\"-1"]');
    const placeholder = liquidPlaceholder(odd);
    expect(findLiquidSyntaxError(placeholder)).toBeUndefined();
    expect(
      renderLiquid(
        liquidPlaceholder(liquidPath('event', 'order-id')),
        { event: { 'order-id': 'DH1' } },
        {
          timezone: 'UTC',
        },
      ),
    ).toEqual({ ok: true, text: 'DH1' });
  });
});
