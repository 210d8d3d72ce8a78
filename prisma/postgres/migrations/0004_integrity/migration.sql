-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ExamAttempt" ADD COLUMN     "guestKey" TEXT,
ADD COLUMN     "openSlot" TEXT DEFAULT 'open',
ALTER COLUMN "userId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "LoginSlot" (
    "key" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginSlot_pkey" PRIMARY KEY ("key","slot")
);

-- CreateTable
CREATE TABLE "LoginGate" (
    "key" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginGate_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExamAttempt_guestKey_key" ON "ExamAttempt"("guestKey");

-- Hand edit: only each learner's newest unsubmitted attempt holds the open slot (older ones are abandoned by the app).
UPDATE "ExamAttempt" SET "openSlot" = NULL WHERE "submittedAt" IS NOT NULL OR "id" <> (
  SELECT e2."id" FROM "ExamAttempt" e2 WHERE e2."userId" = "ExamAttempt"."userId" AND e2."submittedAt" IS NULL
  ORDER BY e2."startedAt" DESC, e2."id" DESC LIMIT 1);

-- CreateIndex
CREATE UNIQUE INDEX "ExamAttempt_userId_openSlot_key" ON "ExamAttempt"("userId", "openSlot");

