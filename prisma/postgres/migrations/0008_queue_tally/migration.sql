-- DropIndex
DROP INDEX "CardState_userId_retired_due_state_idx";

-- CreateTable
CREATE TABLE "CardTally" (
    "userId" TEXT NOT NULL,
    "deck" TEXT NOT NULL,
    "seen" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CardTally_pkey" PRIMARY KEY ("userId","deck")
);

-- CreateIndex
CREATE INDEX "CardState_userId_retired_due_state_idx" ON "CardState"("userId", "retired", "due", "state", "deck");

-- AddForeignKey
ALTER TABLE "CardTally" ADD CONSTRAINT "CardTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Seen-card tally (server/queue-reads.ts seenCount): kept by a trigger, so the queue never counts
-- every card of a learner. A CardState row counts while NOT retired AND state <> 0.
-- Written by hand (prisma migrate diff knows no triggers); the SQLite side has the same rules.
CREATE FUNCTION "CardState_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was BOOLEAN := false;
    is_now BOOLEAN := false;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        was := NOT OLD."retired" AND OLD."state" <> 0;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        is_now := NOT NEW."retired" AND NEW."state" <> 0;
    END IF;
    IF TG_OP = 'UPDATE' AND was = is_now AND OLD."userId" = NEW."userId" AND OLD."deck" = NEW."deck" THEN
        RETURN NULL;
    END IF;
    IF was THEN
        UPDATE "CardTally" SET "seen" = "seen" - 1 WHERE "userId" = OLD."userId" AND "deck" = OLD."deck";
    END IF;
    IF is_now THEN
        INSERT INTO "CardTally" ("userId", "deck", "seen") VALUES (NEW."userId", NEW."deck", 1)
            ON CONFLICT ("userId", "deck") DO UPDATE SET "seen" = "CardTally"."seen" + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "CardState_tally" AFTER INSERT OR DELETE OR UPDATE OF "userId", "deck", "retired", "state" ON "CardState"
    FOR EACH ROW EXECUTE FUNCTION "CardState_tally"();

INSERT INTO "CardTally" ("userId", "deck", "seen")
    SELECT "userId", "deck", count(*) FROM "CardState" WHERE NOT "retired" AND "state" <> 0 GROUP BY "userId", "deck";
