-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "bodyPrunedAt" TIMESTAMP(3),
ALTER COLUMN "rawBody" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "WebhookEvent_bodyPrunedAt_receivedAt_idx" ON "WebhookEvent"("bodyPrunedAt", "receivedAt");
