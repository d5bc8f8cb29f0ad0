-- AlterTable
ALTER TABLE "AlertDelivery" ADD COLUMN     "digest" JSONB,
ADD COLUMN     "digestDay" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AlertDelivery_digestDay_channelId_key" ON "AlertDelivery"("digestDay", "channelId");
