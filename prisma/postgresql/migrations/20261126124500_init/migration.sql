-- CreateTable
CREATE TABLE "Grant" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "brandId" TEXT,
    "customerId" TEXT NOT NULL,
    "entitlementId" TEXT NOT NULL,
    "integrationType" TEXT NOT NULL,
    "integrationTypeInferred" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revocationReason" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "oauthUrl" TEXT,
    "oauthExpiresAt" TIMESTAMP(3),
    "paymentId" TEXT,
    "subscriptionId" TEXT,
    "licenseKeyId" TEXT,
    "licenseKey" TEXT,
    "licenseKeyLast4" TEXT,
    "licenseKeyStatus" TEXT,
    "licenseKeyActivationsUsed" INTEGER,
    "licenseKeyActivationsLimit" INTEGER,
    "licenseKeyExpiresAt" TIMESTAMP(3),
    "deliveryFiles" JSONB,
    "deliveryInstructions" TEXT,
    "deliveryExternalUrl" TEXT,
    "featureId" TEXT,
    "featureType" TEXT,
    "rawSnapshot" TEXT NOT NULL,
    "snapshotTimestampUs" BIGINT NOT NULL,
    "snapshotSource" TEXT NOT NULL DEFAULT 'webhook',
    "snapshotEventId" TEXT,
    "snapshotOrder" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT,
    "grantId" TEXT,
    "businessId" TEXT,
    "timestamp" TIMESTAMP(3),
    "timestampUs" BIGINT,
    "dataUpdatedAt" TIMESTAMP(3),
    "rawBody" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "outcome" TEXT NOT NULL,
    "validationError" TEXT,
    "source" TEXT NOT NULL DEFAULT 'webhook',

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Grant_updatedAt_id_idx" ON "Grant"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_createdAt_id_idx" ON "Grant"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_status_updatedAt_id_idx" ON "Grant"("status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_status_createdAt_id_idx" ON "Grant"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_integrationType_updatedAt_id_idx" ON "Grant"("integrationType", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_revocationReason_updatedAt_id_idx" ON "Grant"("revocationReason", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_errorCode_updatedAt_id_idx" ON "Grant"("errorCode", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_customerId_updatedAt_id_idx" ON "Grant"("customerId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_subscriptionId_updatedAt_id_idx" ON "Grant"("subscriptionId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_paymentId_updatedAt_id_idx" ON "Grant"("paymentId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_entitlementId_updatedAt_id_idx" ON "Grant"("entitlementId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_businessId_updatedAt_id_idx" ON "Grant"("businessId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_licenseKeyLast4_idx" ON "Grant"("licenseKeyLast4");

-- CreateIndex
CREATE INDEX "Grant_lastChangedAt_idx" ON "Grant"("lastChangedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_grantId_receivedAt_idx" ON "WebhookEvent"("grantId", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_receivedAt_id_idx" ON "WebhookEvent"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "WebhookEvent_outcome_receivedAt_id_idx" ON "WebhookEvent"("outcome", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "WebhookEvent_type_receivedAt_id_idx" ON "WebhookEvent"("type", "receivedAt", "id");
