CREATE TYPE "public"."credential_type" AS ENUM('short_course', 'bootcamp', 'digital_badge', 'certification', 'licence', 'nano_degree', 'micromasters', 'professional_certificate', 'other');--> statement-breakpoint
CREATE TYPE "public"."delivery_mode" AS ENUM('online_self_paced', 'online_scheduled', 'in_person', 'blended');--> statement-breakpoint
CREATE TYPE "public"."pace" AS ENUM('full_time', 'part_time', 'self_paced', 'flexible');--> statement-breakpoint
CREATE TYPE "public"."program_source" AS ENUM('manual', 'file_import', 'ctdl');--> statement-breakpoint
CREATE TYPE "public"."program_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TABLE "program_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_by" uuid,
	"filename" text NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]' NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"message" text,
	"content" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "program_links" (
	"program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_program_id" uuid NOT NULL,
	CONSTRAINT "program_links_program_id_kind_target_program_id_pk" PRIMARY KEY("program_id","kind","target_program_id")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"external_id" text,
	"title" text NOT NULL,
	"summary" text,
	"description" text,
	"learning_outcomes" text[] DEFAULT '{}' NOT NULL,
	"provider_name" text NOT NULL,
	"provider_country" text,
	"provider_website" text,
	"credential_type" "credential_type" NOT NULL,
	"field_of_study" text,
	"country" text,
	"region" text,
	"city" text,
	"latitude" double precision,
	"longitude" double precision,
	"open_worldwide" boolean DEFAULT false NOT NULL,
	"open_countries" text[] DEFAULT '{}' NOT NULL,
	"delivery_mode" "delivery_mode" NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"hours" numeric(8, 1),
	"ects" numeric(6, 1),
	"weeks" numeric(6, 1),
	"pace" "pace",
	"eqf_level" integer,
	"assessment_type" text,
	"is_credit_bearing" boolean DEFAULT false NOT NULL,
	"credit_value" numeric(6, 1),
	"credit_qualification" text,
	"stacks_into" text[] DEFAULT '{}' NOT NULL,
	"prerequisites" text[] DEFAULT '{}' NOT NULL,
	"qa_type" text,
	"qa_body" text,
	"cost" numeric(12, 2),
	"currency" text,
	"funding_options" text[] DEFAULT '{}' NOT NULL,
	"start_dates" date[] DEFAULT '{}' NOT NULL,
	"url" text,
	"badge_image_url" text,
	"status" "program_status" DEFAULT 'draft' NOT NULL,
	"source" "program_source" DEFAULT 'manual' NOT NULL,
	"ce_ctid" text,
	"skill_refs" text[] DEFAULT '{}' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "search_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "program_imports" ADD CONSTRAINT "program_imports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_imports" ADD CONSTRAINT "program_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_links" ADD CONSTRAINT "program_links_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_links" ADD CONSTRAINT "program_links_target_program_id_programs_id_fk" FOREIGN KEY ("target_program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "program_imports_org_idx" ON "program_imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "program_links_target_idx" ON "program_links" USING btree ("target_program_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_org_external_id_idx" ON "programs" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "programs_org_status_idx" ON "programs" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "programs_status_idx" ON "programs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "programs_updated_at_idx" ON "programs" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "search_outbox_due_idx" ON "search_outbox" USING btree ("next_attempt_at","id");