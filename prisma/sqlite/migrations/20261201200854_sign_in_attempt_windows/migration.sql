-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "attempts" INTEGER NOT NULL,
    "windowEndsAt" BIGINT NOT NULL
);
-- Failure counts do not translate into attempt windows (and last 15 minutes): start empty.
DROP TABLE "SignInThrottle";
ALTER TABLE "new_SignInThrottle" RENAME TO "SignInThrottle";
CREATE INDEX "SignInThrottle_windowEndsAt_idx" ON "SignInThrottle"("windowEndsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
