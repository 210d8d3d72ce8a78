-- CreateTable
CREATE TABLE "ReviewHour" (
    "userId" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "again" INTEGER NOT NULL DEFAULT 0,
    "durationMs" BIGINT NOT NULL DEFAULT 0,
    "recallReviews" INTEGER NOT NULL DEFAULT 0,
    "recallPassed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReviewHour_pkey" PRIMARY KEY ("userId","hour")
);

-- AddForeignKey
ALTER TABLE "ReviewHour" ADD CONSTRAINT "ReviewHour_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Reviews per learner per UTC hour (server/progress.ts): kept by a trigger, so the dashboard and /stats sum a
-- few hundred rows instead of reading every review log. A ReviewLog row counts while "undoneAt" IS NULL, in the
-- hour of its "reviewedAt" (a UTC timestamp). Written by hand (prisma migrate diff knows no triggers); the SQLite
-- side has the same rules.
CREATE FUNCTION "ReviewLog_hour"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD."undoneAt" IS NULL THEN
        UPDATE "ReviewHour" SET
            "reviews" = "reviews" - 1,
            "again" = "again" - (OLD."rating" = 1)::int,
            "durationMs" = "durationMs" - OLD."durationMs",
            "recallReviews" = "recallReviews" - (OLD."prevState" = 2)::int,
            "recallPassed" = "recallPassed" - (OLD."prevState" = 2 AND OLD."rating" <> 1)::int
            WHERE "userId" = OLD."userId" AND "hour" = floor(extract(epoch FROM OLD."reviewedAt") / 3600)::int;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."undoneAt" IS NULL THEN
        INSERT INTO "ReviewHour" AS h ("userId", "hour", "reviews", "again", "durationMs", "recallReviews", "recallPassed")
            VALUES (NEW."userId", floor(extract(epoch FROM NEW."reviewedAt") / 3600)::int, 1, (NEW."rating" = 1)::int,
                NEW."durationMs", (NEW."prevState" = 2)::int, (NEW."prevState" = 2 AND NEW."rating" <> 1)::int)
            ON CONFLICT ("userId", "hour") DO UPDATE SET
                "reviews" = h."reviews" + 1,
                "again" = h."again" + excluded."again",
                "durationMs" = h."durationMs" + excluded."durationMs",
                "recallReviews" = h."recallReviews" + excluded."recallReviews",
                "recallPassed" = h."recallPassed" + excluded."recallPassed";
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "ReviewLog_hour" AFTER INSERT OR DELETE OR UPDATE OF "userId", "reviewedAt", "undoneAt", "rating", "prevState", "durationMs" ON "ReviewLog"
    FOR EACH ROW EXECUTE FUNCTION "ReviewLog_hour"();

INSERT INTO "ReviewHour" ("userId", "hour", "reviews", "again", "durationMs", "recallReviews", "recallPassed")
    SELECT "userId", floor(extract(epoch FROM "reviewedAt") / 3600)::int AS "h", count(*), count(*) FILTER (WHERE "rating" = 1),
        sum("durationMs"), count(*) FILTER (WHERE "prevState" = 2), count(*) FILTER (WHERE "prevState" = 2 AND "rating" <> 1)
    FROM "ReviewLog" WHERE "undoneAt" IS NULL GROUP BY "userId", "h";
