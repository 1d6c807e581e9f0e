import { isOnlineMode, type DeliveryMode } from './vocabulary';

type Availability = { deliveryMode: DeliveryMode; openWorldwide: boolean; openCountries: string[] };

/** A program anyone can take from elsewhere: online, or explicitly open to other countries. */
export const isTakenOnline = (p: Availability) => isOnlineMode(p.deliveryMode) || p.openWorldwide || p.openCountries.length > 0;

/** Countries it is open to online: `['*']` for everywhere (online with no list means everywhere). */
export const onlineOpenCountries = (p: Availability): string[] =>
  !isTakenOnline(p) ? [] : p.openWorldwide || p.openCountries.length === 0 ? ['*'] : p.openCountries;

export const isOpenOnlineIn = (p: Availability, country: string) => {
  const open = onlineOpenCountries(p);
  return open.includes('*') || open.includes(country);
};
