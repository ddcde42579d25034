import { vietnamDay } from './vietnam-time';

interface DayUsage {
  day: string;
  used: number;
  promotionUsed: number;
}

/** Daily ZNS quota per OA, reset at midnight Vietnam time on the sandbox clock. */
export class ZnsQuota {
  private readonly usage = new Map<string, DayUsage>();

  private today(oaId: string, now: number): DayUsage {
    const day = vietnamDay(now);
    let usage = this.usage.get(oaId);
    if (!usage || usage.day !== day) {
      usage = { day, used: 0, promotionUsed: 0 };
      this.usage.set(oaId, usage);
    }
    return usage;
  }

  remaining(input: { oaId: string; dailyQuota: number; now: number }): number {
    return Math.max(0, input.dailyQuota - this.today(input.oaId, input.now).used);
  }

  promotionUsed(input: { oaId: string; now: number }): number {
    return this.today(input.oaId, input.now).promotionUsed;
  }

  /** Takes one message from today's quota; false when none is left. */
  take(input: { oaId: string; dailyQuota: number; promotion: boolean; now: number }): boolean {
    const usage = this.today(input.oaId, input.now);
    if (usage.used >= input.dailyQuota) return false;
    usage.used += 1;
    if (input.promotion) usage.promotionUsed += 1;
    return true;
  }
}
