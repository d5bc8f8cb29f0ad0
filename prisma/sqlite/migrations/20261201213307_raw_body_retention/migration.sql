-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebhookEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT,
    "grantId" TEXT,
    "businessId" TEXT,
    "timestamp" DATETIME,
    "timestampUs" BIGINT,
    "dataUpdatedAt" DATETIME,
    "rawBody" TEXT,
    "bodyPrunedAt" DATETIME,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME,
    "outcome" TEXT NOT NULL,
    "validationError" TEXT,
    "source" TEXT NOT NULL DEFAULT 'webhook'
);
INSERT INTO "new_WebhookEvent" ("businessId", "dataUpdatedAt", "grantId", "id", "outcome", "processedAt", "rawBody", "receivedAt", "source", "timestamp", "timestampUs", "type", "validationError") SELECT "businessId", "dataUpdatedAt", "grantId", "id", "outcome", "processedAt", "rawBody", "receivedAt", "source", "timestamp", "timestampUs", "type", "validationError" FROM "WebhookEvent";
DROP TABLE "WebhookEvent";
ALTER TABLE "new_WebhookEvent" RENAME TO "WebhookEvent";
CREATE INDEX "WebhookEvent_grantId_receivedAt_idx" ON "WebhookEvent"("grantId", "receivedAt");
CREATE INDEX "WebhookEvent_receivedAt_id_idx" ON "WebhookEvent"("receivedAt", "id");
CREATE INDEX "WebhookEvent_outcome_receivedAt_id_idx" ON "WebhookEvent"("outcome", "receivedAt", "id");
CREATE INDEX "WebhookEvent_type_receivedAt_id_idx" ON "WebhookEvent"("type", "receivedAt", "id");
CREATE INDEX "WebhookEvent_bodyPrunedAt_receivedAt_idx" ON "WebhookEvent"("bodyPrunedAt", "receivedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
