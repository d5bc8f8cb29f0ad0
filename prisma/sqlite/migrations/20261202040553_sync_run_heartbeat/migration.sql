-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trigger" TEXT NOT NULL,
    "startedBy" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "heartbeatAt" DATETIME,
    "runningSlot" TEXT,
    "entitlements" INTEGER,
    "entitlementsDone" INTEGER NOT NULL DEFAULT 0,
    "doneEntitlementIds" JSONB,
    "resumedFromId" TEXT,
    "seen" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "older" INTEGER NOT NULL DEFAULT 0,
    "invalid" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_SyncRun" ("created", "error", "finishedAt", "id", "invalid", "older", "seen", "startedAt", "startedBy", "status", "trigger", "unchanged", "updated") SELECT "created", "error", "finishedAt", "id", "invalid", "older", "seen", "startedAt", "startedBy", "status", "trigger", "unchanged", "updated" FROM "SyncRun";
DROP TABLE "SyncRun";
ALTER TABLE "new_SyncRun" RENAME TO "SyncRun";
CREATE UNIQUE INDEX "SyncRun_runningSlot_key" ON "SyncRun"("runningSlot");
CREATE INDEX "SyncRun_startedAt_idx" ON "SyncRun"("startedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
