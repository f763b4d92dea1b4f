/**
 * The price-subsidy trigger of §二.2 (价格补贴调节机制) as a state machine over a monthly price
 * path: it switches on when prices have risen fast for long enough and off when they have
 * calmed for long enough. It depends only on the path and its parameters, not on households.
 */

/** Year-on-year price indices of one month (1.071 = +7.1%). */
export interface PricePoint { cpi: number; food: number }

export interface TriggerRule {
  /** Food CPI at or above this (yoy index) counts as a fast rise. */
  foodThreshold: number;
  /** ... for this many consecutive months switches the subsidy on. */
  foodMonths: number;
  /** Overall CPI at or above this switches it on at once. */
  cpiThreshold: number;
  /** Food CPI below this (yoy index) counts as calm. */
  stopThreshold: number;
  /** ... for this many consecutive months switches it off. */
  stopMonths: number;
}

export interface TriggerMonth { month: string; triggered: boolean; foodStreak: number; calmStreak: number; reason: string }

/**
 * Runs the trigger over a path of months in order; months without prices count as calm. The
 * rule may be a function of the month, so thresholds changed mid-path apply from their date.
 */
export function runPriceTrigger(months: readonly string[], prices: Readonly<Record<string, PricePoint>>, ruleOrAt: TriggerRule | ((month: string) => TriggerRule)): TriggerMonth[] {
  let on = false;
  let foodStreak = 0;
  let calmStreak = 0;
  return months.map((month) => {
    const rule = typeof ruleOrAt === 'function' ? ruleOrAt(month) : ruleOrAt;
    const p = prices[month];
    const food = p?.food ?? 1;
    const cpi = p?.cpi ?? 1;
    foodStreak = food >= rule.foodThreshold ? foodStreak + 1 : 0;
    calmStreak = food < rule.stopThreshold ? calmStreak + 1 : 0;
    let reason: string;
    if (!on && (foodStreak >= rule.foodMonths || cpi >= rule.cpiThreshold)) {
      on = true;
      reason = foodStreak >= rule.foodMonths ? `food CPI ≥ ${rule.foodThreshold} for ${foodStreak} months` : `CPI ${cpi} ≥ ${rule.cpiThreshold}`;
    } else if (on && calmStreak >= rule.stopMonths) {
      on = false;
      reason = `food CPI < ${rule.stopThreshold} for ${calmStreak} months`;
    } else reason = on ? 'still on' : 'off';
    return { month, triggered: on, foodStreak, calmStreak, reason };
  });
}
