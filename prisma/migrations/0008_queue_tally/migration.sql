-- DropIndex
DROP INDEX "CardState_userId_retired_due_state_idx";

-- CreateTable
CREATE TABLE "CardTally" (
    "userId" TEXT NOT NULL,
    "deck" TEXT NOT NULL,
    "seen" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "deck"),
    CONSTRAINT "CardTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CardState_userId_retired_due_state_idx" ON "CardState"("userId", "retired", "due", "state", "deck");


-- Seen-card tally (server/queue-reads.ts seenCount): kept by triggers, so the queue never counts
-- every card of a learner. A CardState row counts while retired = 0 AND state <> 0.
CREATE TRIGGER "CardState_tally_insert" AFTER INSERT ON "CardState"
WHEN NEW."retired" = 0 AND NEW."state" <> 0
BEGIN
    INSERT INTO "CardTally" ("userId", "deck", "seen") VALUES (NEW."userId", NEW."deck", 1)
        ON CONFLICT ("userId", "deck") DO UPDATE SET "seen" = "seen" + 1;
END;

CREATE TRIGGER "CardState_tally_delete" AFTER DELETE ON "CardState"
WHEN OLD."retired" = 0 AND OLD."state" <> 0
BEGIN
    UPDATE "CardTally" SET "seen" = "seen" - 1 WHERE "userId" = OLD."userId" AND "deck" = OLD."deck";
END;

CREATE TRIGGER "CardState_tally_update" AFTER UPDATE OF "userId", "deck", "retired", "state" ON "CardState"
WHEN OLD."userId" IS NOT NEW."userId" OR OLD."deck" IS NOT NEW."deck"
    OR (OLD."retired" = 0 AND OLD."state" <> 0) IS NOT (NEW."retired" = 0 AND NEW."state" <> 0)
BEGIN
    UPDATE "CardTally" SET "seen" = "seen" - 1
        WHERE OLD."retired" = 0 AND OLD."state" <> 0 AND "userId" = OLD."userId" AND "deck" = OLD."deck";
    INSERT INTO "CardTally" ("userId", "deck", "seen")
        SELECT NEW."userId", NEW."deck", 1 WHERE NEW."retired" = 0 AND NEW."state" <> 0
        ON CONFLICT ("userId", "deck") DO UPDATE SET "seen" = "seen" + 1;
END;

INSERT INTO "CardTally" ("userId", "deck", "seen")
    SELECT "userId", "deck", count(*) FROM "CardState" WHERE "retired" = 0 AND "state" <> 0 GROUP BY "userId", "deck";
