-- CreateIndex
CREATE INDEX "Grant_entitlementId_status_updatedAt_id_idx" ON "Grant"("entitlementId", "status", "updatedAt", "id");
