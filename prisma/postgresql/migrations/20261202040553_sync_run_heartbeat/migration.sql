-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "doneEntitlementIds" JSONB,
ADD COLUMN     "entitlements" INTEGER,
ADD COLUMN     "entitlementsDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "resumedFromId" TEXT,
ADD COLUMN     "runningSlot" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SyncRun_runningSlot_key" ON "SyncRun"("runningSlot");
