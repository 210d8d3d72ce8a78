-- DropIndex
DROP INDEX "CardState_userId_due_idx";

-- CreateIndex
CREATE INDEX "CardState_userId_retired_due_state_idx" ON "CardState"("userId", "retired", "due", "state");

