/**
 * The incidents export (CSV): 22 incidents over the year, five in the last seven days and three in
 * the seven before. Mara responds to most of them, payments or not: the hero the review should see.
 */
import { stringify } from "csv-stringify/sync";
import {
  ANA,
  CHEN,
  GRETA,
  INES,
  JONAS,
  KOFI,
  LENA,
  MARA,
  OWEN,
  type Person,
  PRIYA,
  TOMAS,
} from "./cast.js";
import { iso, secondsAgo } from "./clock.js";

/** Incident services and the repository each belongs to (`delivery.services`). */
export const SERVICES: Record<string, string> = {
  payments: "acme/shop-api",
  orders: "acme/shop-api",
  storefront: "acme/web",
  search: "acme/web",
  infrastructure: "acme/platform",
};

/** One row of the CSV. */
export interface IncidentRecord {
  id: string;
  title: string;
  created_at: string;
  resolved_at: string;
  service: string;
  severity: string;
  responders: string;
}

export const INCIDENT_COLUMNS = [
  "id",
  "title",
  "created_at",
  "resolved_at",
  "service",
  "severity",
  "responders",
] as const;

type Incident = [
  daysAgo: number,
  hours: number,
  service: string,
  severity: string,
  title: string,
  responders: Person[],
];

const INCIDENTS: Incident[] = [
  [395.3, 5, "payments", "SEV3", "Ledger totals off by one cent", [MARA]],
  [361.4, 1.5, "orders", "SEV2", "Orders API returns 500 after deploy", [TOMAS, GRETA, MARA]],
  [333.2, 3, "payments", "SEV2", "Stripe webhook backlog", [MARA]],
  [298.6, 6, "orders", "SEV3", "Stock reserved twice for one order", [GRETA, LENA]],
  [276.1, 8, "search", "SEV3", "Search index stale for a day", [OWEN]],
  [221.5, 2, "infrastructure", "SEV2", "Database CPU at 100%", [INES, JONAS, MARA]],
  [190.2, 1, "storefront", "SEV2", "Checkout page blank on Safari", [PRIYA]],
  [168.4, 4, "payments", "SEV1", "Customers charged twice on retried payments", [MARA, TOMAS]],
  [131.3, 3.5, "payments", "SEV2", "Refunds stuck in pending", [MARA]],
  [
    97.6,
    0.8,
    "infrastructure",
    "SEV1",
    "TLS certificate expired on api.acme.example",
    [KOFI, JONAS],
  ],
  [70.2, 7, "payments", "SEV3", "Merchant payouts delayed by a day", [MARA, LENA]],
  [41.5, 2, "storefront", "SEV3", "Product images not loading", [CHEN, ANA]],
  [23.4, 2.5, "payments", "SEV2", "Webhook signature failures", [MARA]],
  [12.2, 2, "payments", "SEV2", "Payment webhooks rejected after key rotation", [MARA]],
  [10.1, 5, "search", "SEV3", "Search returns nothing for accented words", [CHEN, ANA]],
  [8.4, 6, "payments", "SEV2", "Merchant payouts stuck", [MARA, TOMAS]],
  [6.4, 2.5, "payments", "SEV1", "Card payments failing for Amex", [MARA, TOMAS]],
  [5.2, 1.5, "storefront", "SEV2", "Checkout page timeouts", [PRIYA, MARA]],
  [3.5, 3, "payments", "SEV2", "Duplicate refunds issued", [MARA]],
  [2.1, 4, "orders", "SEV3", "Order events delayed", [LENA, MARA]],
  [0.8, 1, "infrastructure", "SEV2", "Kubernetes node pool exhausted", [KOFI, INES]],
];

/** Every incident, oldest first. */
export function incidents(now: Date): IncidentRecord[] {
  return INCIDENTS.map(([daysAgo, hours, service, severity, title, responders], i) => {
    const created = secondsAgo(now, daysAgo);
    return {
      id: `INC-${1001 + i}`,
      title,
      created_at: iso(created),
      resolved_at: iso(created + Math.round(hours * 3600)),
      service,
      severity,
      responders: responders.map((p) => p.login).join(";"),
    };
  });
}

/** The CSV text of `records`, with a header row. */
export function incidentsCsv(records: IncidentRecord[]): string {
  return stringify(records, { header: true, columns: [...INCIDENT_COLUMNS] });
}
