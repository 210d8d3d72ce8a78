-- CreateIndex
CREATE INDEX "CardState_userId_retired_state_due_deck_idx" ON "CardState"("userId", "retired", "state", "due", "deck");

