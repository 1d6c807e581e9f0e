/**
 * Approximate reference rates to EUR (ECB reference rates, rounded, late 2025), used only to
 * compare and filter costs across currencies ("under €500"). Prices are always shown in
 * the program's own currency. Unknown currencies are left out of cost filters.
 */
export const eurPerUnit: Record<string, number> = {
  EUR: 1,
  USD: 0.92,
  CAD: 0.66,
  GBP: 1.17,
  AUD: 0.6,
  NZD: 0.55,
  SGD: 0.68,
  MYR: 0.2,
  PHP: 0.016,
  INR: 0.011,
  CHF: 1.04,
  SEK: 0.087,
  NOK: 0.085,
  DKK: 0.134,
  PLN: 0.23,
  JPY: 0.0061,
  ZAR: 0.05,
};

export function toEur(amount: number | null | undefined, currency: string | null | undefined): number | null {
  if (amount === null || amount === undefined) return null;
  if (amount === 0) return 0;
  const rate = currency ? eurPerUnit[currency] : undefined;
  return rate === undefined ? null : Math.round(amount * rate * 100) / 100;
}

export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return 'Not stated';
  if (amount === 0) return 'Free';
  if (!currency) return amount.toLocaleString('en');
  return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: amount % 1 === 0 ? 0 : 2 }).format(amount);
}
