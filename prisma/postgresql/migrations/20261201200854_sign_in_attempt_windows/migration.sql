-- Failure counts do not translate into attempt windows (and last 15 minutes): start empty.
DELETE FROM "SignInThrottle";

-- AlterTable
ALTER TABLE "SignInThrottle" DROP COLUMN "failures",
DROP COLUMN "firstFailureAt",
DROP COLUMN "lockedUntil",
ADD COLUMN     "attempts" INTEGER NOT NULL,
ADD COLUMN     "windowEndsAt" BIGINT NOT NULL;

-- CreateIndex
CREATE INDEX "SignInThrottle_windowEndsAt_idx" ON "SignInThrottle"("windowEndsAt");
