-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_undoneAt_prevState_questionId_idx" ON "ReviewLog"("userId", "reviewedAt", "undoneAt", "prevState", "questionId");

