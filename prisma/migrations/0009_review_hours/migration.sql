-- CreateTable
CREATE TABLE "ReviewHour" (
    "userId" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "again" INTEGER NOT NULL DEFAULT 0,
    "durationMs" BIGINT NOT NULL DEFAULT 0,
    "recallReviews" INTEGER NOT NULL DEFAULT 0,
    "recallPassed" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "hour"),
    CONSTRAINT "ReviewHour_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- Reviews per learner per UTC hour (server/progress.ts): kept by triggers, so the dashboard and /stats sum a
-- few hundred rows instead of reading every review log. A ReviewLog row counts while undoneAt IS NULL, in the
-- hour of its reviewedAt (stored as ISO text with an offset; integer milliseconds are read too).
CREATE TRIGGER "ReviewLog_hour_insert" AFTER INSERT ON "ReviewLog"
WHEN NEW."undoneAt" IS NULL
BEGIN
    INSERT INTO "ReviewHour" ("userId", "hour", "reviews", "again", "durationMs", "recallReviews", "recallPassed")
        VALUES (NEW."userId",
            CASE typeof(NEW."reviewedAt") WHEN 'integer' THEN NEW."reviewedAt" / 3600000 ELSE CAST(strftime('%s', NEW."reviewedAt") AS INTEGER) / 3600 END,
            1, NEW."rating" = 1, NEW."durationMs", NEW."prevState" = 2, NEW."prevState" = 2 AND NEW."rating" <> 1)
        ON CONFLICT ("userId", "hour") DO UPDATE SET
            "reviews" = "reviews" + 1, "again" = "again" + excluded."again", "durationMs" = "durationMs" + excluded."durationMs",
            "recallReviews" = "recallReviews" + excluded."recallReviews", "recallPassed" = "recallPassed" + excluded."recallPassed";
END;

CREATE TRIGGER "ReviewLog_hour_delete" AFTER DELETE ON "ReviewLog"
WHEN OLD."undoneAt" IS NULL
BEGIN
    UPDATE "ReviewHour" SET
        "reviews" = "reviews" - 1, "again" = "again" - (OLD."rating" = 1), "durationMs" = "durationMs" - OLD."durationMs",
        "recallReviews" = "recallReviews" - (OLD."prevState" = 2), "recallPassed" = "recallPassed" - (OLD."prevState" = 2 AND OLD."rating" <> 1)
        WHERE "userId" = OLD."userId"
            AND "hour" = CASE typeof(OLD."reviewedAt") WHEN 'integer' THEN OLD."reviewedAt" / 3600000 ELSE CAST(strftime('%s', OLD."reviewedAt") AS INTEGER) / 3600 END;
END;

CREATE TRIGGER "ReviewLog_hour_update" AFTER UPDATE OF "userId", "reviewedAt", "undoneAt", "rating", "prevState", "durationMs" ON "ReviewLog"
BEGIN
    UPDATE "ReviewHour" SET
        "reviews" = "reviews" - 1, "again" = "again" - (OLD."rating" = 1), "durationMs" = "durationMs" - OLD."durationMs",
        "recallReviews" = "recallReviews" - (OLD."prevState" = 2), "recallPassed" = "recallPassed" - (OLD."prevState" = 2 AND OLD."rating" <> 1)
        WHERE OLD."undoneAt" IS NULL AND "userId" = OLD."userId"
            AND "hour" = CASE typeof(OLD."reviewedAt") WHEN 'integer' THEN OLD."reviewedAt" / 3600000 ELSE CAST(strftime('%s', OLD."reviewedAt") AS INTEGER) / 3600 END;
    INSERT INTO "ReviewHour" ("userId", "hour", "reviews", "again", "durationMs", "recallReviews", "recallPassed")
        SELECT NEW."userId",
            CASE typeof(NEW."reviewedAt") WHEN 'integer' THEN NEW."reviewedAt" / 3600000 ELSE CAST(strftime('%s', NEW."reviewedAt") AS INTEGER) / 3600 END,
            1, NEW."rating" = 1, NEW."durationMs", NEW."prevState" = 2, NEW."prevState" = 2 AND NEW."rating" <> 1
        WHERE NEW."undoneAt" IS NULL
        ON CONFLICT ("userId", "hour") DO UPDATE SET
            "reviews" = "reviews" + 1, "again" = "again" + excluded."again", "durationMs" = "durationMs" + excluded."durationMs",
            "recallReviews" = "recallReviews" + excluded."recallReviews", "recallPassed" = "recallPassed" + excluded."recallPassed";
END;

INSERT INTO "ReviewHour" ("userId", "hour", "reviews", "again", "durationMs", "recallReviews", "recallPassed")
    SELECT "userId",
        CASE typeof("reviewedAt") WHEN 'integer' THEN "reviewedAt" / 3600000 ELSE CAST(strftime('%s', "reviewedAt") AS INTEGER) / 3600 END AS "h",
        count(*), sum("rating" = 1), sum("durationMs"), sum("prevState" = 2), sum("prevState" = 2 AND "rating" <> 1)
    FROM "ReviewLog" WHERE "undoneAt" IS NULL GROUP BY "userId", "h";
