import { addBusinessDays, type BusinessSchedule } from '../guarantees/business-time.js';
import { endOfLocalDay } from '../guarantees/zoned-time.js';
import type { Carrier } from './carrier.js';

/**
 * Usual transit times, in carrier business days from the day the parcel is handed over, for a parcel
 * sent within the shop's country (the carriers' own advertised standard services, rounded up):
 *
 * | carrier | shop in France | shop elsewhere |
 * | --- | --- | --- |
 * | La Poste / Colissimo | 2 (Colissimo "J+2") | 5 |
 * | Chronopost | 1 (Chrono 13, next day) | 3 |
 * | Mondial Relay | 4 (3 to 5 days to the relay point) | 6 |
 * | DPD | 2 (Predict, 24–48 h) | 4 |
 * | GLS | 2 (Business Parcel, 24–48 h) | 4 |
 * | Colis Privé | 3 | 5 |
 * | UPS | 2 (Standard) | 3 |
 * | DHL | 2 | 3 |
 * | FedEx | 2 | 3 |
 *
 * A carrier the shop names itself (`other`) has no usual time: no estimate is made for it.
 */
export const transitBusinessDays: Readonly<Record<'FR' | 'default', Readonly<Record<Exclude<Carrier, 'other'>, number>>>> = {
  FR: { colissimo: 2, chronopost: 1, mondial_relay: 4, dpd: 2, gls: 2, colis_prive: 3, ups: 2, dhl: 2, fedex: 2 },
  default: { colissimo: 5, chronopost: 3, mondial_relay: 6, dpd: 4, gls: 4, colis_prive: 5, ups: 3, dhl: 3, fedex: 3 },
};

const allDay = [{ opens: '00:00', closes: '24:00' }];

/**
 * Carriers' business days: Monday to Friday, without the public holidays of the shop's country
 * (France's are known; elsewhere none are skipped). Saturday rounds are a bonus, not a promise.
 */
function carrierSchedule(country: string, timeZone: string): BusinessSchedule {
  return {
    timeZone,
    openingHours: { monday: allDay, tuesday: allDay, wednesday: allDay, thursday: allDay, friday: allDay, saturday: [], sunday: [] },
    holidays: [],
    publicHolidays: country === 'FR' ? 'FR' : 'none',
  };
}

/**
 * When a parcel should arrive by the carrier's usual transit time: the end of the local day (shop's
 * time zone) `n` carrier business days after it was shipped. A parcel handed over on a Saturday or
 * a holiday counts from the next business day. Null for a carrier without a usual time.
 */
export function estimateDeliveryFromTransit(input: { carrier: string; country: string; timeZone: string; shippedAt: Date }): Date | null {
  const table = input.country === 'FR' ? transitBusinessDays.FR : transitBusinessDays.default;
  const days = Object.hasOwn(table, input.carrier) ? table[input.carrier as keyof typeof table] : undefined;
  if (days === undefined) return null;
  const arrives = addBusinessDays(input.shippedAt, days, carrierSchedule(input.country, input.timeZone));
  return endOfLocalDay(arrives, 0, input.timeZone);
}
