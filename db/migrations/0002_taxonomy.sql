CREATE TYPE "public"."occupation_source" AS ENUM('esco', 'onet');--> statement-breakpoint
CREATE TYPE "public"."skill_kind" AS ENUM('skill', 'knowledge', 'tool');--> statement-breakpoint
CREATE TYPE "public"."skill_source" AS ENUM('esco', 'onet', 'custom');--> statement-breakpoint
CREATE TABLE "occupation_skills" (
	"occupation_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"importance" double precision NOT NULL,
	"is_in_demand" boolean DEFAULT false NOT NULL,
	CONSTRAINT "occupation_skills_occupation_id_skill_id_pk" PRIMARY KEY("occupation_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" "occupation_source" NOT NULL,
	"source_uri" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"alt_titles" text[] DEFAULT '{}' NOT NULL,
	"description" text,
	"isco_group" text,
	"job_zone" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "occupations_sourceUri_unique" UNIQUE("source_uri")
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" "skill_source" NOT NULL,
	"source_uri" text NOT NULL,
	"preferred_label" text NOT NULL,
	"alt_labels" text[] DEFAULT '{}' NOT NULL,
	"description" text,
	"kind" "skill_kind" NOT NULL,
	"reuse_level" text,
	"onet_technologies" text[] DEFAULT '{}' NOT NULL,
	"onet_commodity_codes" text[] DEFAULT '{}' NOT NULL,
	"is_hot_technology" boolean DEFAULT false NOT NULL,
	"in_demand_occupations" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skills_sourceUri_unique" UNIQUE("source_uri")
);
--> statement-breakpoint
ALTER TABLE "occupation_skills" ADD CONSTRAINT "occupation_skills_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_skills" ADD CONSTRAINT "occupation_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "occupation_skills_skill_idx" ON "occupation_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "occupations_code_idx" ON "occupations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "skills_label_lower_idx" ON "skills" USING btree (lower("preferred_label"));--> statement-breakpoint
CREATE INDEX "skills_source_idx" ON "skills" USING btree ("source");