import { isOnlineMode, type DeliveryMode } from './vocabulary';

type Availability = { deliveryMode: DeliveryMode; openWorldwide: boolean; openCountries: string[] };

/** A program anyone can take from elsewhere: online, or explicitly open to other countries. */
export const isTakenOnline = (p: Availability) => isOnlineMode(p.deliveryMode) || p.openWorldwide || p.openCountries.length > 0;

/** Countries it is open to online: `['*']` for everywhere (online with no list means everywhere). */
export const onlineOpenCountries = (p: Availability): string[] =>
  !isTakenOnline(p) ? [] : p.openWorldwide || p.openCountries.length === 0 ? ['*'] : p.openCountries;

/** Same answer as reading `onlineOpenCountries`, without building the list: recommendations ask it of every candidate. */
export const isOpenOnlineIn = (p: Availability, country: string) =>
  isTakenOnline(p) && (p.openWorldwide || p.openCountries.length === 0 || p.openCountries.includes('*') || p.openCountries.includes(country));
