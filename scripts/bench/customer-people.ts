// The benchmark's customers as people: each named once, by the payment.succeeded webhook of their
// first purchase (how Dodo first tells us who they are), so the customer table, email search and
// name search are measured at their real size (a customer per four grants).
import { customerId, type Catalogue } from "./merchant-catalogue";
import { hashInts, pick, randomChars, scrambledIndex, seededRandom } from "./seeded-random";

const FIRST_NAMES = [
  "Ada",
  "Alan",
  "Amara",
  "Ana",
  "Ben",
  "Chen",
  "Dara",
  "Elena",
  "Farah",
  "Grace",
  "Hiro",
  "Ines",
  "Jane",
  "Janet",
  "Kofi",
  "Lena",
  "Luis",
  "Maya",
  "Nia",
  "Omar",
  "Priya",
  "Ravi",
  "Sofia",
  "Tom",
  "Uma",
  "Vera",
  "Wei",
  "Yara",
  "Zoe",
];
const LAST_NAMES = [
  "Abara",
  "Berg",
  "Costa",
  "Dubois",
  "Evans",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ito",
  "Jensen",
  "Kim",
  "Lopez",
  "Mensah",
  "Novak",
  "Okafor",
  "Patel",
  "Quinn",
  "Rossi",
  "Silva",
  "Tanaka",
  "Ueda",
  "Varga",
  "Weber",
  "Xu",
  "Yilmaz",
  "Zhou",
];

export type Person = { customerId: string; email: string; name: string; businessId: string };

/** Customer `index` (0 ≤ index < catalogue.customers) as a person, the same every run. */
export function personOf(seed: number, catalogue: Catalogue, index: number): Person {
  const random = seededRandom(hashInts(seed, 102, index));
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  // The index makes every email unique; some arrive capitalised, as people type them.
  const local = `${first}.${last}.${scrambledIndex(index)}`;
  return {
    customerId: customerId(seed, index),
    email: `${random() < 0.2 ? local : local.toLowerCase()}@example.com`,
    name: `${first} ${last}`,
    businessId: pick(random, catalogue.businesses).id,
  };
}

/** The body of the payment.succeeded that names the person, as Dodo sends it. */
export function paymentBody(seed: number, person: Person, timestamp: string, index: number) {
  const random = seededRandom(hashInts(seed, 103, index));
  return JSON.stringify({
    business_id: person.businessId,
    type: "payment.succeeded",
    timestamp,
    data: {
      payload_type: "Payment",
      payment_id: `pay_${scrambledIndex(index)}${randomChars(random, 14)}`,
      business_id: person.businessId,
      status: "succeeded",
      total_amount: 900 + Math.floor(random() * 9_000),
      currency: "USD",
      created_at: timestamp,
      customer: { customer_id: person.customerId, email: person.email, name: person.name },
    },
  });
}
