import { z } from 'zod';

/**
 * Money is exact here. Amounts arrive as decimal strings (`"1250000.50"`, at most two decimals)
 * and exchange rates as decimal strings too (`"0.0017"` US dollars per unit of the currency);
 * every flow is converted once to a whole number of US cents, rounding half up, and from then on
 * totals are sums of integers. Binary floating point never touches a total, so a plan's figures
 * add up to the cent however they are grouped.
 */
export const Amount = z
  .string()
  .regex(/^(0|[1-9]\d{0,10})(\.\d{1,2})?$/, 'Expected an amount such as 1250000 or 1250000.50');
export type Amount = z.infer<typeof Amount>;

/** US dollars per one unit of the flow's currency, as a positive decimal string. */
export const UsdRate = z
  .string()
  .regex(/^(0|[1-9]\d{0,8})(\.\d{1,10})?$/, 'Expected a rate such as 1 or 0.0017')
  .refine((rate) => /[1-9]/.test(rate), 'An exchange rate is above zero');
export type UsdRate = z.infer<typeof UsdRate>;

/** An ISO 4217 currency code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code, e.g. USD');
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/**
 * A whole number of US cents: the unit every total is kept in. Numbers hold integers exactly up
 * to 2⁵³ cents (90 trillion dollars), so one flow is capped at `MAX_FLOW_USD_CENTS` and a plan's
 * sums stay exact.
 */
export const UsdCents = z.number().int();
export type UsdCents = z.infer<typeof UsdCents>;

/** A share, 0–1. */
export const Share = z.number().min(0).max(1);

/** The largest single amount, 100 billion US dollars, in cents. */
export const MAX_FLOW_USD_CENTS: UsdCents = 10 ** 13;

interface Decimal {
  digits: bigint;
  scale: number;
}

function parseDecimal(text: string): Decimal {
  const [whole = '0', fraction = ''] = text.split('.');
  return { digits: BigInt(whole + fraction), scale: fraction.length };
}

/** Integer division of non-negative numbers, rounding half up. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** An amount in whole cents of its own currency (`"12.5"` → 1250). */
export function centsOf(amount: Amount): number {
  const { digits, scale } = parseDecimal(amount);
  return Number(digits * 10n ** BigInt(2 - scale));
}

/** An amount of some currency in US cents at `usdRate`, rounded half up to the cent. */
export function usdCentsOf(amount: Amount, usdRate: UsdRate): UsdCents {
  const rate = parseDecimal(usdRate);
  return Number(divideHalfUp(BigInt(centsOf(amount)) * rate.digits, 10n ** BigInt(rate.scale)));
}

/** US cents as a decimal string of dollars, as CSV and exports write it (`123456` → `1234.56`). */
export function formatUsd(cents: UsdCents): string {
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

/**
 * Splits `total` cents into parts proportional to positive integer `weights` by the largest
 * remainder method (Hamilton's): every part gets the whole cents of its quota, and the cents
 * left over go one each to the largest fractional remainders, earlier parts first on a tie. The
 * parts always sum exactly to `total`.
 */
export function apportion(total: UsdCents, weights: readonly number[]): UsdCents[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('Only whole cents can be apportioned');
  if (weights.length === 0) throw new RangeError('Apportioning needs at least one part');
  if (weights.some((weight) => !Number.isSafeInteger(weight) || weight <= 0))
    throw new RangeError('Apportioning weights are positive integers');
  const sign = total < 0 ? -1n : 1n;
  const whole = BigInt(Math.abs(total));
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  const quotas = weights.map((weight, index) => {
    const exact = whole * BigInt(weight);
    return { index, floor: exact / sum, remainder: exact % sum };
  });
  let left = whole - quotas.reduce((a, q) => a + q.floor, 0n);
  const byRemainder = [...quotas].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const parts = quotas.map((q) => q.floor);
  for (const quota of byRemainder) {
    if (left === 0n) break;
    parts[quota.index] = quota.floor + 1n;
    left -= 1n;
  }
  return parts.map((part) => Number(sign * part));
}

/** `total` in equal shares over `keys`, by `apportion`: the parts sum exactly to the whole. */
export function apportionEqually<K>(total: UsdCents, keys: readonly K[]): Map<K, UsdCents> {
  const parts = apportion(
    total,
    keys.map(() => 1),
  );
  return new Map(keys.map((key, index) => [key, parts[index] ?? 0]));
}
