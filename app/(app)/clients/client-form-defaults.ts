import type { Client } from '@/db/schema';

const text = (v: string | number | null) => (v === null ? '' : String(v));

/** A stored client as form values (the practitioner's client form and the seeker's own details). */
export function clientFormDefaults(c: Client): Record<string, string> {
  return {
    fullName: c.fullName, email: text(c.email), phone: text(c.phone), assignedTo: text(c.assignedTo), country: text(c.country), region: text(c.region), city: text(c.city),
    travelRadiusKm: text(c.travelRadiusKm), deliveryModes: c.deliveryModes.join(','), languages: c.languages.join(', '), maxBudget: text(c.maxBudget),
    budgetCurrency: text(c.budgetCurrency), hoursPerWeek: text(c.hoursPerWeek), earliestStart: text(c.earliestStart),
    consentDataProcessing: String(c.consentDataProcessing), consentEmployerVisible: String(c.consentEmployerVisible),
  };
}
