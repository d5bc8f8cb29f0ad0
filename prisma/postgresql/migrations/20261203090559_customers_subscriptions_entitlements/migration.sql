-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "businessId" TEXT,
    "email" TEXT,
    "emailNormalized" TEXT,
    "name" TEXT,
    -- Byte order whatever the database's collation: a name prefix search is one index range
    -- (lib/grants/queries/grant-search.ts), which a language collation would not keep together.
    "nameNormalized" TEXT COLLATE "C",
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL DEFAULT 'webhook',
    "profileEventAt" TIMESTAMP(3),
    "profileOrder" TEXT,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "businessId" TEXT,
    "productId" TEXT,
    "status" TEXT NOT NULL,
    "nextBillingDate" TIMESTAMP(3),
    "previousBillingDate" TIMESTAMP(3),
    "cancelAtNextBillingDate" BOOLEAN,
    "cancelledAt" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "pastDueEndsAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3),
    "rawSnapshot" TEXT NOT NULL,
    "snapshotEventAt" TIMESTAMP(3) NOT NULL,
    "snapshotOrder" TEXT NOT NULL,
    "snapshotSource" TEXT NOT NULL DEFAULT 'webhook',
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Entitlement" (
    "id" TEXT NOT NULL,
    "businessId" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "integrationType" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL,
    "integrationConfig" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Entitlement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Customer_emailNormalized_idx" ON "Customer"("emailNormalized");

-- CreateIndex
CREATE INDEX "Customer_nameNormalized_idx" ON "Customer"("nameNormalized");

-- CreateIndex
CREATE INDEX "Customer_businessId_lastSeenAt_id_idx" ON "Customer"("businessId", "lastSeenAt", "id");

-- CreateIndex
CREATE INDEX "Subscription_customerId_createdAt_id_idx" ON "Subscription"("customerId", "createdAt", "id");
