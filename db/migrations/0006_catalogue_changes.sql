CREATE TABLE "catalogue_changes" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"deletions" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- One row only: the counter the recommendation index reads as part of the catalogue version.
ALTER TABLE "catalogue_changes" ADD CONSTRAINT "catalogue_changes_one_row" CHECK ("id");--> statement-breakpoint
INSERT INTO "catalogue_changes" DEFAULT VALUES;--> statement-breakpoint
CREATE FUNCTION "count_program_deletions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A DELETE that matched no row changes nothing (the transition table exists only for DELETE).
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM deleted_programs) THEN
      RETURN NULL;
    END IF;
  END IF;
  UPDATE "catalogue_changes" SET "deletions" = "deletions" + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "programs_deleted" AFTER DELETE ON "programs" REFERENCING OLD TABLE AS deleted_programs FOR EACH STATEMENT EXECUTE FUNCTION "count_program_deletions"();--> statement-breakpoint
CREATE TRIGGER "programs_truncated" AFTER TRUNCATE ON "programs" FOR EACH STATEMENT EXECUTE FUNCTION "count_program_deletions"();
