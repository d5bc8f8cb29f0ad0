-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "businessId" TEXT,
    "email" TEXT,
    "emailNormalized" TEXT,
    "name" TEXT,
    "nameNormalized" TEXT,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL DEFAULT 'webhook',
    "profileEventAt" DATETIME,
    "profileOrder" TEXT
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "businessId" TEXT,
    "productId" TEXT,
    "status" TEXT NOT NULL,
    "nextBillingDate" DATETIME,
    "previousBillingDate" DATETIME,
    "cancelAtNextBillingDate" BOOLEAN,
    "cancelledAt" DATETIME,
    "pausedAt" DATETIME,
    "expiresAt" DATETIME,
    "pastDueEndsAt" DATETIME,
    "createdAt" DATETIME,
    "rawSnapshot" TEXT NOT NULL,
    "snapshotEventAt" DATETIME NOT NULL,
    "snapshotOrder" TEXT NOT NULL,
    "snapshotSource" TEXT NOT NULL DEFAULT 'webhook',
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Entitlement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "businessId" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "integrationType" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL,
    "integrationConfig" TEXT NOT NULL,
    "createdAt" DATETIME,
    "updatedAt" DATETIME,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Customer_emailNormalized_idx" ON "Customer"("emailNormalized");

-- CreateIndex
CREATE INDEX "Customer_nameNormalized_idx" ON "Customer"("nameNormalized");

-- CreateIndex
CREATE INDEX "Customer_businessId_lastSeenAt_id_idx" ON "Customer"("businessId", "lastSeenAt", "id");

-- CreateIndex
CREATE INDEX "Subscription_customerId_createdAt_id_idx" ON "Subscription"("customerId", "createdAt", "id");
