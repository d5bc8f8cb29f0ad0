// A small, real HTTP stand-in for Dodo Payments' entitlement-grant API, and the customers,
// subscriptions and entitlement catalog those grants point at (people.ts). Tests start it in-process
// (port 0), e2e tests and people start it as a separate process (`npm run dodo:mock`). It speaks
// exactly what the `dodopayments` SDK sends and expects, so the app's real client code runs against
// it unchanged: point DODO_PAYMENTS_BASE_URL at `mock.url`. It only ever listens on 127.0.0.1 and
// never reaches the internet (the one outgoing call is the webhook, to a URL the caller chose).
import http from "node:http";
import { randomBytes } from "node:crypto";
import type {
  Entitlement,
  EntitlementIntegrationType,
  IntegrationConfigResponse,
} from "dodopayments/resources/entitlements/entitlements";
import type { EntitlementGrant } from "dodopayments/resources/entitlements/grants";
import type { SubscriptionStatus } from "dodopayments/resources/subscriptions";
import { signDelivery } from "../../lib/webhooks/sign";
import {
  completeCustomer,
  completeSubscription,
  subscriptionListItem,
  subscriptionSeedFromGrant,
  type CustomerSeed,
  type MockCustomer,
  type MockSubscription,
  type SubscriptionSeed,
} from "./people";

export type MockGrant = EntitlementGrant;
export type MockEntitlement = Entitlement;
export type { CustomerSeed, MockCustomer, MockSubscription, SubscriptionSeed } from "./people";

export type MockFault = {
  method?: "GET" | "POST" | "DELETE";
  /** Substring of, or regex source matched against, the URL path (no query). */
  path?: string;
  /** Answer this status (401, 404, 422, 429, 500, 503 …) instead of handling the request. */
  status?: number;
  /** Sets Retry-After on a 429 (default 1) or, when given, on any other fault status. */
  retryAfterSeconds?: number;
  /** Answer this late (normally, or with `status`): for client timeouts. */
  delayMs?: number;
  /** Destroy the socket without answering: a network error for the client. */
  disconnect?: boolean;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** The body to answer with `status` (default: a Dodo-like `{ code, message }`). */
  body?: unknown;
};

export type MockRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
};

export type DodoMock = {
  /** e.g. http://127.0.0.1:54321 — what DODO_PAYMENTS_BASE_URL is set to. */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Forget grants, entitlements, customers, subscriptions, faults and the request log. */
  reset(): void;
  addEntitlement(e: Partial<Entitlement> & { id: string; integration_type: string }): void;
  /** A customer with this profile; one a grant names but nobody added gets a default profile. */
  addCustomer(c: CustomerSeed): MockCustomer;
  /** Shallow-merges the patch into a customer (added or derived from a grant). */
  updateCustomer(id: string, patch: Partial<MockCustomer>): MockCustomer;
  /** A subscription; one a grant names but nobody added is derived from that grant. */
  addSubscription(s: SubscriptionSeed): MockSubscription;
  /** Every customer it serves: the ones added, then the ones only grants name. */
  customers(): MockCustomer[];
  subscriptions(): MockSubscription[];
  /** Fills defaults: status Pending, business_id, brand_id, created_at/updated_at now, metadata {}, integration_type from its entitlement. */
  addGrant(
    g: Partial<MockGrant> & { id: string; entitlement_id: string; customer_id: string },
  ): MockGrant;
  /** Shallow-merges the patch; bumps updated_at unless the patch sets it. */
  updateGrant(id: string, patch: Partial<MockGrant>): MockGrant;
  grants(): MockGrant[];
  injectFault(fault: MockFault): void;
  /** The API requests received (control endpoints under /__mock are not logged). */
  requests(): MockRequest[];
};

export type DodoMockOptions = {
  /** 0 (the default) = any free port. */
  port?: number;
  /** The Bearer token every API request must carry; default "test_dodo_key". */
  apiKey?: string;
  /** Where to POST signed webhooks after a revoke or a fulfilment (both this and the secret are needed). */
  webhookUrl?: string;
  /** whsec_… */
  webhookSecret?: string;
  /** page_size when the request gives none; default 10 (Dodo's). */
  pageSizeDefault?: number;
};

const BUSINESS_ID = "bus_mock_grantdesk";
const BRAND_ID = "bnd_mock_grantdesk";
const MAX_PAGE_SIZE = 100;
const GRANT_STATUSES = ["Pending", "Delivered", "Failed", "Revoked"] as const;
const SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = [
  "pending",
  "active",
  "on_hold",
  "paused",
  "cancelled",
  "failed",
  "expired",
  "past_due",
];
const INTEGRATION_TYPES: readonly EntitlementIntegrationType[] = [
  "discord",
  "telegram",
  "github",
  "figma",
  "framer",
  "notion",
  "digital_files",
  "license_key",
  "feature_flag",
];
const WEBHOOK_RETRIES = 3;
const WEBHOOK_RETRY_DELAY_MS = 250;
// Dodo gives a webhook endpoint 15 s to answer.
const WEBHOOK_TIMEOUT_MS = 15_000;
const MAX_BODY_BYTES = 1_000_000;

type GrantStatus = MockGrant["status"];
type WebhookType = "entitlement_grant.revoked" | "entitlement_grant.delivered";

/** An answer the router has decided on; `afterSend` runs once the client has its response. */
type Reply = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  afterSend?: () => void;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Time and ids

/** Dodo's grant timestamps have whole-second precision ("2026-03-01T10:00:00Z"). */
function nowWholeSeconds(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The envelope `timestamp` carries microseconds in Dodo's deliveries ("…:00.123456Z"). */
function nowMicroseconds(): string {
  return new Date().toISOString().replace(/Z$/, "000Z");
}

function randomId(prefix: string): string {
  return `${prefix}${randomBytes(8).toString("hex")}`;
}

// ---------------------------------------------------------------------------------------------
// Errors and replies

const ERROR_CODES: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  422: "UNPROCESSABLE_ENTITY",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL_SERVER_ERROR",
  502: "BAD_GATEWAY",
  503: "SERVICE_UNAVAILABLE",
  504: "GATEWAY_TIMEOUT",
};

function dodoError(status: number, message: string): { code: string; message: string } {
  return { code: ERROR_CODES[status] ?? `HTTP_${status}`, message };
}

function errorReply(status: number, message: string): Reply {
  return { status, body: dodoError(status, message) };
}

function sendReply(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed) return; // the client gave up (timeout) while we were delaying
  // The SDK only parses a body as JSON when the content-type says so.
  const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(text ? { "content-type": "application/json" } : {}),
    ...reply.headers,
  });
  res.end(text);
}

// ---------------------------------------------------------------------------------------------
// Request parsing

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, "request body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJsonObject(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new HttpError(400, "request body must be a JSON object");
  return value as Record<string, unknown>;
}

function pathSegments(pathname: string): string[] {
  return pathname
    .split("/")
    .filter(Boolean)
    .map((segment) => decodeURIComponent(segment));
}

/** A query integer: absent → fallback; anything but a whole number in range → 422, as Dodo validates. */
function queryInteger(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new HttpError(422, `${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function queryEnum<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = query.get(name);
  if (raw === null || raw === "") return undefined;
  if (!(allowed as readonly string[]).includes(raw))
    throw new HttpError(422, `${name} must be one of ${allowed.join(", ")}, got "${raw}"`);
  return raw as T;
}

// ---------------------------------------------------------------------------------------------
// Pagination and ordering

/** Dodo's page-number pagination: 0-based pages, `{ items }`; a page past the end is empty. */
function paginate<T>(items: T[], query: URLSearchParams, pageSizeDefault: number): { items: T[] } {
  const pageNumber = queryInteger(query, "page_number", 0, 0, Number.MAX_SAFE_INTEGER);
  const pageSize = queryInteger(query, "page_size", pageSizeDefault, 1, MAX_PAGE_SIZE);
  const start = pageNumber * pageSize;
  return { items: items.slice(start, start + pageSize) };
}

/** Dodo's created_at_gte / created_at_lte filters (inclusive). */
function createdWithin(createdAt: string, query: URLSearchParams): boolean {
  const at = Date.parse(createdAt);
  const from = Date.parse(query.get("created_at_gte") ?? "");
  const to = Date.parse(query.get("created_at_lte") ?? "");
  return !(at < from) && !(at > to);
}

/** Stable order (created_at, then id) so pages never overlap or skip while nothing changes. */
function byCreatedThenId(
  a: { created_at: string; id: string },
  b: { created_at: string; id: string },
): number {
  const byTime = Date.parse(a.created_at) - Date.parse(b.created_at);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Faults

function faultMatches(fault: MockFault, method: string, pathname: string): boolean {
  if (fault.method && fault.method !== method) return false;
  if (!fault.path) return true;
  if (pathname.includes(fault.path)) return true;
  try {
    return new RegExp(fault.path).test(pathname);
  } catch {
    return false; // not a valid regex: it was meant as a substring, and that did not match
  }
}

function faultReply(fault: MockFault & { status: number }): Reply {
  const retryAfter = fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined);
  return {
    status: fault.status,
    body: fault.body ?? dodoError(fault.status, `injected fault: ${fault.status}`),
    headers: retryAfter === undefined ? undefined : { "retry-after": String(retryAfter) },
  };
}

// ---------------------------------------------------------------------------------------------
// Defaults for seeded objects

// What a merchant would configure: every integration type with a plausible target, so the
// catalog a sync copies reads like a real one ("Discord role … in guild …", "GitHub repo …, pull").
function defaultIntegrationConfig(type: string): IntegrationConfigResponse {
  switch (type) {
    case "license_key":
      return {
        activations_limit: 3,
        duration_count: 1,
        duration_interval: "Year",
        // Manual: the stand-in's pending license-key grants wait for POST /grants/{id}/license-key.
        fulfillment_mode: "manual",
        activation_message: "Paste the key into Preferences → License.",
      };
    case "digital_files":
      return {
        digital_files: {
          files: [
            {
              file_id: "file_mock_handbook",
              filename: "handbook.pdf",
              content_type: "application/pdf",
              file_size: 2_457_600,
              download_url: "http://127.0.0.1/mock-files/handbook.pdf?sig=mock",
              expires_in: 3600,
            },
          ],
          instructions: "Start with the handbook.",
          external_url: null,
        },
      };
    case "discord":
      return { guild_id: "112233445566778899", role_id: "998877665544332211" };
    case "github":
      return { permission: "pull", target_id: "grantdesk-mock/pro-templates" };
    case "telegram":
      return { chat_id: "-1001234567890" };
    case "figma":
      return { figma_file_id: "FgMk7aQ2pZxUiKit" };
    case "framer":
      return { framer_template_id: "framer-portfolio-pro" };
    case "notion":
      return { notion_template_id: "notion-creator-os" };
    case "feature_flag":
      return { feature_id: "pro_exports", feature_type: "boolean" };
    default:
      return {} as IntegrationConfigResponse; // an integration Dodo adds later: no known shape
  }
}

const DEFAULT_NAMES: Record<string, string> = {
  license_key: "Desktop app license",
  digital_files: "E-book bundle",
  discord: "Patrons role",
  github: "Pro templates repository",
  telegram: "Members chat",
  figma: "UI kit (Figma)",
  framer: "Portfolio template (Framer)",
  notion: "Creator OS (Notion)",
  feature_flag: "Pro exports",
};

function completeEntitlement(
  e: Partial<Entitlement> & { id: string; integration_type: string },
): Entitlement {
  const at = nowWholeSeconds();
  return {
    business_id: BUSINESS_ID,
    created_at: at,
    updated_at: at,
    name: DEFAULT_NAMES[e.integration_type] ?? e.id,
    description: null,
    is_active: true,
    metadata: {},
    integration_config: defaultIntegrationConfig(e.integration_type),
    ...e,
    integration_type: e.integration_type as EntitlementIntegrationType,
  };
}

function completeGrant(
  g: Partial<MockGrant> & { id: string; entitlement_id: string; customer_id: string },
  entitlement: Entitlement,
): MockGrant {
  const at = nowWholeSeconds();
  return {
    business_id: entitlement.business_id,
    brand_id: BRAND_ID,
    status: "Pending",
    metadata: {},
    integration_type: entitlement.integration_type,
    created_at: at,
    updated_at: g.created_at ?? at,
    ...g,
  };
}

function cloneGrant(grant: MockGrant): MockGrant {
  return structuredClone(grant);
}

// ---------------------------------------------------------------------------------------------
// The server

export async function startDodoMock(options: DodoMockOptions = {}): Promise<DodoMock> {
  const apiKey = options.apiKey ?? "test_dodo_key";
  const pageSizeDefault = options.pageSizeDefault ?? 10;
  const entitlements = new Map<string, Entitlement>();
  const grants = new Map<string, MockGrant>();
  const addedCustomers = new Map<string, MockCustomer>();
  const addedSubscriptions = new Map<string, SubscriptionSeed>();
  let faults: (MockFault & { remaining: number })[] = [];
  let requestLog: MockRequest[] = [];
  // Aborts delayed answers and webhook retries on stop(), so nothing keeps the process alive.
  const stopping = new AbortController();
  const pendingWork = new Set<Promise<unknown>>();

  function track<T>(promise: Promise<T>): Promise<T> {
    pendingWork.add(promise);
    void promise.finally(() => pendingWork.delete(promise)).catch(() => undefined);
    return promise;
  }

  function sleep(ms: number): Promise<void> {
    return track(
      new Promise<void>((resolve) => {
        if (stopping.signal.aborted) return resolve();
        const onStop = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          stopping.signal.removeEventListener("abort", onStop);
          resolve();
        }, ms);
        stopping.signal.addEventListener("abort", onStop, { once: true });
      }),
    );
  }

  // --- state --------------------------------------------------------------------------------

  function addEntitlement(
    e: Partial<Entitlement> & { id: string; integration_type: string },
  ): void {
    if (entitlements.has(e.id)) throw new HttpError(409, `entitlement ${e.id} already exists`);
    entitlements.set(e.id, completeEntitlement(e));
  }

  function addGrant(
    g: Partial<MockGrant> & { id: string; entitlement_id: string; customer_id: string },
  ): MockGrant {
    const entitlement = entitlements.get(g.entitlement_id);
    // A grant under an unknown entitlement could never be listed (that route 404s): refuse it early.
    if (!entitlement)
      throw new HttpError(
        400,
        `unknown entitlement ${g.entitlement_id}: add the entitlement before its grants`,
      );
    if (grants.has(g.id)) throw new HttpError(409, `grant ${g.id} already exists`);
    const grant = completeGrant(g, entitlement);
    grants.set(grant.id, grant);
    return cloneGrant(grant);
  }

  function updateGrant(id: string, patch: Partial<MockGrant>): MockGrant {
    const grant = grants.get(id);
    if (!grant) throw new HttpError(404, `grant ${id} not found`);
    Object.assign(grant, patch, { id, updated_at: patch.updated_at ?? nowWholeSeconds() });
    return cloneGrant(grant);
  }

  function listGrants(): MockGrant[] {
    return [...grants.values()].sort(byCreatedThenId).map(cloneGrant);
  }

  // Customers and subscriptions: the added ones, and the ones grants name (people.ts).

  function grantedCustomerIds(): Map<string, string> {
    const firstGrantAt = new Map<string, string>();
    for (const grant of listGrants())
      if (!firstGrantAt.has(grant.customer_id))
        firstGrantAt.set(grant.customer_id, grant.created_at);
    return firstGrantAt;
  }

  function allCustomers(): MockCustomer[] {
    const derived = [...grantedCustomerIds()]
      .filter(([id]) => !addedCustomers.has(id))
      .map(([customer_id, createdAt]) =>
        completeCustomer({ customer_id }, { businessId: BUSINESS_ID, createdAt }),
      );
    return [...addedCustomers.values(), ...derived]
      .map((customer) => structuredClone(customer))
      .sort((a, b) =>
        byCreatedThenId(
          { created_at: a.created_at, id: a.customer_id },
          { created_at: b.created_at, id: b.customer_id },
        ),
      );
  }

  function findCustomer(id: string): MockCustomer | undefined {
    const added = addedCustomers.get(id);
    if (added) return structuredClone(added);
    const createdAt = grantedCustomerIds().get(id);
    return createdAt
      ? completeCustomer({ customer_id: id }, { businessId: BUSINESS_ID, createdAt })
      : undefined;
  }

  function addCustomer(seed: CustomerSeed): MockCustomer {
    if (addedCustomers.has(seed.customer_id))
      throw new HttpError(409, `customer ${seed.customer_id} already exists`);
    const customer = completeCustomer(seed, {
      businessId: BUSINESS_ID,
      createdAt: seed.created_at ?? nowWholeSeconds(),
    });
    addedCustomers.set(customer.customer_id, customer);
    return structuredClone(customer);
  }

  function updateCustomer(id: string, patch: Partial<MockCustomer>): MockCustomer {
    const customer = findCustomer(id);
    if (!customer) throw new HttpError(404, `customer ${id} not found`);
    const updated = { ...customer, ...patch, customer_id: id };
    addedCustomers.set(id, updated);
    return structuredClone(updated);
  }

  function addSubscription(seed: SubscriptionSeed): MockSubscription {
    if (addedSubscriptions.has(seed.subscription_id))
      throw new HttpError(409, `subscription ${seed.subscription_id} already exists`);
    addedSubscriptions.set(seed.subscription_id, structuredClone(seed));
    return findSubscription(seed.subscription_id)!;
  }

  function subscriptionSeeds(): SubscriptionSeed[] {
    const seeds = new Map(addedSubscriptions);
    for (const grant of listGrants()) {
      const seed = subscriptionSeedFromGrant(grant);
      if (seed && !seeds.has(seed.subscription_id)) seeds.set(seed.subscription_id, seed);
    }
    return [...seeds.values()];
  }

  function completeSeed(seed: SubscriptionSeed): MockSubscription {
    const customer =
      findCustomer(seed.customer_id) ??
      completeCustomer(
        { customer_id: seed.customer_id },
        { businessId: BUSINESS_ID, createdAt: seed.created_at ?? nowWholeSeconds() },
      );
    return completeSubscription(seed, customer, {
      brandId: BRAND_ID,
      createdAt: seed.created_at ?? nowWholeSeconds(),
    });
  }

  function allSubscriptions(): MockSubscription[] {
    return subscriptionSeeds()
      .map(completeSeed)
      .sort((a, b) =>
        byCreatedThenId(
          { created_at: a.created_at, id: a.subscription_id },
          { created_at: b.created_at, id: b.subscription_id },
        ),
      );
  }

  function findSubscription(id: string): MockSubscription | undefined {
    const seed = subscriptionSeeds().find((candidate) => candidate.subscription_id === id);
    return seed ? completeSeed(seed) : undefined;
  }

  function reset(): void {
    entitlements.clear();
    grants.clear();
    addedCustomers.clear();
    addedSubscriptions.clear();
    faults = [];
    requestLog = [];
  }

  function injectFault(fault: MockFault): void {
    faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  /** The first matching fault, its counter taken; spent faults are dropped. */
  function takeFault(method: string, pathname: string): MockFault | undefined {
    const fault = faults.find((candidate) => faultMatches(candidate, method, pathname));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults = faults.filter((candidate) => candidate !== fault);
    return fault;
  }

  // --- webhooks -----------------------------------------------------------------------------

  async function postWebhookOnce(
    url: string,
    secret: string,
    body: string,
    webhookId: string,
  ): Promise<string | null> {
    try {
      // Signed per attempt: the id stays the same across retries, the timestamp is new (as Dodo does).
      const headers = signDelivery(secret, body, webhookId);
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
        signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
      });
      await response.arrayBuffer().catch(() => undefined); // drain, so the connection can be reused
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return (error as Error).message;
    }
  }

  async function deliverWebhook(type: WebhookType, grant: MockGrant): Promise<void> {
    const { webhookUrl, webhookSecret } = options;
    if (!webhookUrl || !webhookSecret) return;
    const body = JSON.stringify({
      business_id: grant.business_id,
      type,
      timestamp: nowMicroseconds(),
      data: { payload_type: "EntitlementGrant", ...grant },
    });
    const webhookId = randomId("msg_mock_");
    for (let attempt = 0; attempt <= WEBHOOK_RETRIES; attempt++) {
      if (attempt > 0) await sleep(WEBHOOK_RETRY_DELAY_MS);
      if (stopping.signal.aborted) return;
      const failure = await postWebhookOnce(webhookUrl, webhookSecret, body, webhookId);
      // Success, or stop() aborted the attempt on purpose: neither is worth a line on stderr.
      if (failure === null || stopping.signal.aborted) return;
      const next = attempt < WEBHOOK_RETRIES ? "retrying" : "giving up";
      process.stderr.write(
        `[dodo-mock] webhook ${type} ${webhookId} for ${grant.id} to ${webhookUrl} failed (${failure}); ${next}\n`,
      );
    }
  }

  /** Runs after the HTTP answer is on its way, like Dodo's asynchronous event dispatch. */
  function webhookAfterSend(type: WebhookType, grant: MockGrant): () => void {
    const snapshot = cloneGrant(grant);
    return () => void track(deliverWebhook(type, snapshot));
  }

  // --- API routes ---------------------------------------------------------------------------

  function listEntitlementsRoute(query: URLSearchParams): Reply {
    const integrationType = queryEnum(query, "integration_type", INTEGRATION_TYPES);
    const matching = [...entitlements.values()]
      .filter((e) => !integrationType || e.integration_type === integrationType)
      .sort(byCreatedThenId);
    return { status: 200, body: paginate(matching, query, pageSizeDefault) };
  }

  function listCustomersRoute(query: URLSearchParams): Reply {
    const email = query.get("email")?.toLowerCase() || undefined;
    const name = query.get("name")?.toLowerCase() || undefined;
    const matching = allCustomers().filter(
      (customer) =>
        (!email || customer.email.toLowerCase() === email) &&
        (!name || customer.name.toLowerCase().includes(name)) &&
        createdWithin(customer.created_at, query),
    );
    return { status: 200, body: paginate(matching, query, pageSizeDefault) };
  }

  function retrieveCustomerRoute(id: string): Reply {
    const customer = findCustomer(id);
    if (!customer) throw new HttpError(404, `customer ${id} not found`);
    return { status: 200, body: customer };
  }

  function listSubscriptionsRoute(query: URLSearchParams): Reply {
    const status = queryEnum(query, "status", SUBSCRIPTION_STATUSES);
    const wanted = (name: string, value: string) => !query.get(name) || query.get(name) === value;
    const matching = allSubscriptions().filter(
      (subscription) =>
        (!status || subscription.status === status) &&
        wanted("customer_id", subscription.customer.customer_id) &&
        wanted("product_id", subscription.product_id) &&
        wanted("brand_id", subscription.brand_id) &&
        createdWithin(subscription.created_at, query),
    );
    const listed = matching.map((subscription) =>
      subscriptionListItem(subscription, productName(subscription.product_id)),
    );
    return { status: 200, body: paginate(listed, query, pageSizeDefault) };
  }

  /** The stand-in's products are its entitlements: pdt_<x> sells ent_<x>. */
  function productName(productId: string): string | null {
    return entitlements.get(productId.replace(/^pdt_/, "ent_"))?.name ?? null;
  }

  function retrieveSubscriptionRoute(id: string): Reply {
    const subscription = findSubscription(id);
    if (!subscription) throw new HttpError(404, `subscription ${id} not found`);
    return { status: 200, body: subscription };
  }

  function requireEntitlement(id: string): Entitlement {
    const entitlement = entitlements.get(id);
    if (!entitlement) throw new HttpError(404, `entitlement ${id} not found`);
    return entitlement;
  }

  function listGrantsRoute(entitlementId: string, query: URLSearchParams): Reply {
    requireEntitlement(entitlementId);
    const customerId = query.get("customer_id") || undefined;
    const status = queryEnum<GrantStatus>(query, "status", GRANT_STATUSES);
    const matching = listGrants().filter(
      (grant) =>
        grant.entitlement_id === entitlementId &&
        (!customerId || grant.customer_id === customerId) &&
        (!status || grant.status === status),
    );
    return { status: 200, body: paginate(matching, query, pageSizeDefault) };
  }

  function revokeGrantRoute(entitlementId: string, grantId: string): Reply {
    requireEntitlement(entitlementId);
    const grant = grants.get(grantId);
    if (!grant || grant.entitlement_id !== entitlementId)
      throw new HttpError(404, `grant ${grantId} not found for entitlement ${entitlementId}`);
    // Idempotent: the current state, and no second event.
    if (grant.status === "Revoked") return { status: 200, body: cloneGrant(grant) };
    const at = nowWholeSeconds();
    grant.status = "Revoked";
    grant.revocation_reason = "manual";
    grant.revoked_at = at;
    grant.updated_at = at;
    // Revoking a license-key grant disables its key (Dodo: "key disabled").
    if (grant.license_key) grant.license_key = { ...grant.license_key, status: "disabled" };
    return {
      status: 200,
      body: cloneGrant(grant),
      afterSend: webhookAfterSend("entitlement_grant.revoked", grant),
    };
  }

  function parseFulfilment(body: Record<string, unknown>): {
    key: string;
    activationsLimit: number | null | undefined;
    expiresAt: string | null;
  } {
    const { key, activations_limit: activationsLimit, expires_at: expiresAt } = body;
    if (typeof key !== "string" || key.trim() === "")
      throw new HttpError(422, "key is required and must be a non-empty string");
    if (
      activationsLimit !== undefined &&
      activationsLimit !== null &&
      !(Number.isInteger(activationsLimit) && (activationsLimit as number) > 0)
    ) {
      throw new HttpError(422, "activations_limit must be a positive whole number or null");
    }
    if (
      expiresAt !== undefined &&
      expiresAt !== null &&
      (typeof expiresAt !== "string" || Number.isNaN(Date.parse(expiresAt)))
    ) {
      throw new HttpError(422, "expires_at must be an ISO 8601 date-time or null");
    }
    return {
      key,
      activationsLimit: activationsLimit as number | null | undefined,
      expiresAt: (expiresAt as string | null | undefined) ?? null,
    };
  }

  function fulfilLicenseKeyRoute(grantId: string, body: Record<string, unknown>): Reply {
    const grant = grants.get(grantId);
    if (!grant) throw new HttpError(404, `grant ${grantId} not found`);
    if (grant.integration_type !== "license_key")
      throw new HttpError(
        422,
        `grant ${grantId} is a ${grant.integration_type} grant; only license_key grants take a key`,
      );
    if (grant.status !== "Pending")
      throw new HttpError(
        422,
        `grant ${grantId} is ${grant.status}; only Pending license-key grants can be fulfilled`,
      );
    const { key, activationsLimit, expiresAt } = parseFulfilment(body);
    // An omitted limit falls back to the entitlement's license-key configuration, as documented.
    const config = entitlements.get(grant.entitlement_id)?.integration_config as
      { activations_limit?: number | null } | undefined;
    const at = nowWholeSeconds();
    grant.status = "Delivered";
    grant.delivered_at = at;
    grant.updated_at = at;
    grant.license_key = {
      id: randomId("lk_"),
      key,
      activations_used: 0,
      activations_limit:
        activationsLimit === undefined ? (config?.activations_limit ?? null) : activationsLimit,
      expires_at: expiresAt,
      status: "active",
    };
    return {
      status: 200,
      body: cloneGrant(grant),
      afterSend: webhookAfterSend("entitlement_grant.delivered", grant),
    };
  }

  function isAuthorized(authorization: string | undefined): boolean {
    const match = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
    return match?.[1] === apiKey;
  }

  function routeApi(
    method: string,
    segments: string[],
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): Reply {
    const [first, id, third, grantId, ...rest] = segments;
    if (method === "GET" && third === undefined) {
      if (first === "entitlements")
        return id === undefined
          ? listEntitlementsRoute(query)
          : { status: 200, body: structuredClone(requireEntitlement(id)) };
      if (first === "customers")
        return id === undefined ? listCustomersRoute(query) : retrieveCustomerRoute(id);
      if (first === "subscriptions")
        return id === undefined ? listSubscriptionsRoute(query) : retrieveSubscriptionRoute(id);
    }
    if (first === "entitlements" && id !== undefined && third === "grants" && rest.length === 0) {
      if (grantId === undefined && method === "GET") return listGrantsRoute(id, query);
      if (grantId !== undefined && method === "DELETE") return revokeGrantRoute(id, grantId);
    }
    if (
      first === "grants" &&
      id !== undefined &&
      third === "license-key" &&
      grantId === undefined &&
      method === "POST"
    )
      return fulfilLicenseKeyRoute(id, body);
    throw new HttpError(404, `no route for ${method} /${segments.join("/")}`);
  }

  // --- control routes (no Bearer key: they drive the mock, they are not Dodo) ----------------

  function routeControl(method: string, segments: string[], body: Record<string, unknown>): Reply {
    const [, resource, id, ...rest] = segments;
    const route = `${method} ${resource ?? ""}${id === undefined ? "" : "/:id"}`;
    if (rest.length === 0) {
      switch (route) {
        case "POST reset":
          reset();
          return { status: 200, body: { ok: true } };
        case "POST entitlements":
          addEntitlement(body as Partial<Entitlement> & { id: string; integration_type: string });
          return { status: 201, body: entitlements.get(body.id as string) };
        case "POST grants":
          return {
            status: 201,
            body: addGrant(
              body as Partial<MockGrant> & {
                id: string;
                entitlement_id: string;
                customer_id: string;
              },
            ),
          };
        case "PATCH grants/:id":
          return { status: 200, body: updateGrant(id as string, body as Partial<MockGrant>) };
        case "GET grants":
          return { status: 200, body: listGrants() };
        case "POST customers":
          return { status: 201, body: addCustomer(body as CustomerSeed) };
        case "PATCH customers/:id":
          return {
            status: 200,
            body: updateCustomer(id as string, body as Partial<MockCustomer>),
          };
        case "GET customers":
          return { status: 200, body: allCustomers() };
        case "POST subscriptions":
          return { status: 201, body: addSubscription(body as SubscriptionSeed) };
        case "GET subscriptions":
          return { status: 200, body: allSubscriptions() };
        case "POST faults":
          injectFault(body as MockFault);
          return { status: 201, body: { ok: true } };
        case "GET requests":
          return { status: 200, body: requestLog };
      }
    }
    throw new HttpError(404, `no control route for ${method} /${segments.join("/")}`);
  }

  function requireControlFields(
    segments: string[],
    method: string,
    body: Record<string, unknown>,
  ): void {
    const [, resource, id] = segments;
    if (method !== "POST" || id) return;
    const required =
      resource === "entitlements"
        ? ["id", "integration_type"]
        : resource === "grants"
          ? ["id", "entitlement_id", "customer_id"]
          : resource === "customers"
            ? ["customer_id"]
            : resource === "subscriptions"
              ? ["subscription_id", "customer_id"]
              : [];
    const missing = required.filter(
      (field) => typeof body[field] !== "string" || body[field] === "",
    );
    if (missing.length) throw new HttpError(400, `missing ${missing.join(", ")}`);
  }

  // --- request handling ---------------------------------------------------------------------

  /** Applies a fault; returns the reply it forces, "handled" if the socket is gone, or null to carry on. */
  async function applyFault(
    fault: MockFault,
    req: http.IncomingMessage,
  ): Promise<Reply | "handled" | null> {
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.disconnect) {
      req.socket.destroy();
      return "handled";
    }
    if (fault.status) return faultReply({ ...fault, status: fault.status });
    return null;
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    url: URL,
    segments: string[],
  ): Promise<void> {
    requestLog.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization ?? null,
    });
    const rawBody = await readBody(req);
    // Faults come first: they stand for the network or Dodo misbehaving, before any auth or logic.
    const fault = takeFault(method, url.pathname);
    if (fault) {
      const forced = await applyFault(fault, req);
      if (forced === "handled") return;
      if (forced) return sendReply(res, forced);
    }
    if (!isAuthorized(req.headers.authorization))
      return sendReply(
        res,
        errorReply(401, "missing or invalid API key: send Authorization: Bearer <api key>"),
      );
    const reply = routeApi(
      method,
      segments,
      url.searchParams,
      method === "GET" || method === "DELETE" ? {} : parseJsonObject(rawBody),
    );
    sendReply(res, reply);
    reply.afterSend?.();
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    try {
      const segments = pathSegments(url.pathname);
      if (segments[0] === "__mock") {
        const body = parseJsonObject(await readBody(req));
        requireControlFields(segments, method, body);
        return sendReply(res, routeControl(method, segments, body));
      }
      await handleApi(req, res, method, url, segments);
    } catch (error) {
      if (error instanceof HttpError)
        return sendReply(res, errorReply(error.status, error.message));
      if (error instanceof URIError)
        return sendReply(res, errorReply(400, "malformed percent-encoding in the path"));
      process.stderr.write(
        `[dodo-mock] ${method} ${url.pathname} failed: ${(error as Error).stack ?? String(error)}\n`,
      );
      sendReply(res, errorReply(500, "the mock itself failed; see its stderr"));
    }
  }

  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => (server.off("error", reject), resolve()));
  });
  const port = (server.address() as { port: number }).port;

  async function stop(): Promise<void> {
    stopping.abort();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets from the SDK's fetch would otherwise hold close() open.
    server.closeAllConnections();
    await Promise.allSettled([closed, ...pendingWork]);
  }

  // The HttpErrors thrown by state functions are for HTTP callers; in-process callers get plain Errors.
  function plainErrors<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return (...args) => {
      try {
        return fn(...args);
      } catch (error) {
        throw error instanceof HttpError ? new Error(error.message) : error;
      }
    };
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop,
    reset,
    addEntitlement: plainErrors(addEntitlement),
    addGrant: plainErrors(addGrant),
    updateGrant: plainErrors(updateGrant),
    grants: listGrants,
    addCustomer: plainErrors(addCustomer),
    updateCustomer: plainErrors(updateCustomer),
    addSubscription: plainErrors(addSubscription),
    customers: allCustomers,
    subscriptions: allSubscriptions,
    injectFault,
    requests: () => requestLog.map((entry) => ({ ...entry, query: { ...entry.query } })),
  };
}
