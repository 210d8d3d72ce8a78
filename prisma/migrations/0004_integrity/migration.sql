-- CreateTable
CREATE TABLE "LoginSlot" (
    "key" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "takenAt" DATETIME NOT NULL,

    PRIMARY KEY ("key", "slot")
);

-- CreateTable
CREATE TABLE "LoginGate" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
CREATE TABLE "new_ExamAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "guestKey" TEXT,
    "openSlot" TEXT DEFAULT 'open',
    "blueprintId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "items" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "flags" TEXT NOT NULL DEFAULT '[]',
    "currentIndex" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "score" REAL,
    "passed" BOOLEAN,
    "perTopic" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ExamAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Hand edit: only each learner's newest unsubmitted attempt holds the open slot (older ones are abandoned by the app).
INSERT INTO "new_ExamAttempt" ("answers", "blueprintId", "currentIndex", "deadline", "flags", "id", "items", "passed", "perTopic", "score", "seed", "startedAt", "submittedAt", "userId", "version", "openSlot") SELECT "answers", "blueprintId", "currentIndex", "deadline", "flags", "id", "items", "passed", "perTopic", "score", "seed", "startedAt", "submittedAt", "userId", "version",
    CASE WHEN "submittedAt" IS NULL AND "id" = (SELECT e2."id" FROM "ExamAttempt" e2 WHERE e2."userId" = "ExamAttempt"."userId" AND e2."submittedAt" IS NULL ORDER BY e2."startedAt" DESC, e2."id" DESC LIMIT 1) THEN 'open' ELSE NULL END
FROM "ExamAttempt";
DROP TABLE "ExamAttempt";
ALTER TABLE "new_ExamAttempt" RENAME TO "ExamAttempt";
CREATE UNIQUE INDEX "ExamAttempt_guestKey_key" ON "ExamAttempt"("guestKey");
CREATE INDEX "ExamAttempt_userId_startedAt_idx" ON "ExamAttempt"("userId", "startedAt");
CREATE UNIQUE INDEX "ExamAttempt_userId_openSlot_key" ON "ExamAttempt"("userId", "openSlot");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

