-- DropIndex
DROP INDEX "Grant_paymentId_updatedAt_id_idx";

-- DropIndex
DROP INDEX "Grant_subscriptionId_updatedAt_id_idx";

-- CreateIndex
CREATE INDEX "Grant_status_integrationType_updatedAt_id_idx" ON "Grant"("status", "integrationType", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_status_integrationType_createdAt_id_idx" ON "Grant"("status", "integrationType", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_integrationType_createdAt_id_idx" ON "Grant"("integrationType", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_revocationReason_createdAt_id_idx" ON "Grant"("revocationReason", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_errorCode_createdAt_id_idx" ON "Grant"("errorCode", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_businessId_createdAt_id_idx" ON "Grant"("businessId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_customerId_createdAt_id_idx" ON "Grant"("customerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_entitlementId_createdAt_id_idx" ON "Grant"("entitlementId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grant_subscriptionId_idx" ON "Grant"("subscriptionId");

-- CreateIndex
CREATE INDEX "Grant_paymentId_idx" ON "Grant"("paymentId");
