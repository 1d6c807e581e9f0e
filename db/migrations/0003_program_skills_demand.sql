CREATE TABLE "program_skills" (
	"program_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"confidence" double precision,
	"matched" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_skills_program_id_skill_id_pk" PRIMARY KEY("program_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "skill_demand_signals" (
	"skill_id" uuid NOT NULL,
	"region" text NOT NULL,
	"kind" text NOT NULL,
	"strength" double precision NOT NULL,
	"observed_on" date NOT NULL,
	"detail" text NOT NULL,
	CONSTRAINT "skill_demand_signals_skill_id_region_kind_pk" PRIMARY KEY("skill_id","region","kind")
);
--> statement-breakpoint
CREATE TABLE "skill_gap_skills" (
	"gap_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" text DEFAULT 'intermediate' NOT NULL,
	"is_must_have" boolean DEFAULT true NOT NULL,
	CONSTRAINT "skill_gap_skills_gap_id_skill_id_pk" PRIMARY KEY("gap_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "skill_gaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_by" uuid,
	"role_title" text NOT NULL,
	"occupation_id" uuid,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"city" text,
	"headcount" integer NOT NULL,
	"urgency" text DEFAULT 'medium' NOT NULL,
	"target_date" date,
	"description" text,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "program_imports" ADD COLUMN "unresolved_skills" jsonb DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "program_imports" ADD COLUMN "unresolved_skill_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "skills" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "program_skills" ADD CONSTRAINT "program_skills_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_skills" ADD CONSTRAINT "program_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_skills" ADD CONSTRAINT "program_skills_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_demand_signals" ADD CONSTRAINT "skill_demand_signals_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_gap_skills" ADD CONSTRAINT "skill_gap_skills_gap_id_skill_gaps_id_fk" FOREIGN KEY ("gap_id") REFERENCES "public"."skill_gaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_gap_skills" ADD CONSTRAINT "skill_gap_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_gaps" ADD CONSTRAINT "skill_gaps_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_gaps" ADD CONSTRAINT "skill_gaps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_gaps" ADD CONSTRAINT "skill_gaps_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "program_skills_skill_idx" ON "program_skills" USING btree ("skill_id","status");--> statement-breakpoint
CREATE INDEX "skill_demand_signals_region_idx" ON "skill_demand_signals" USING btree ("region");--> statement-breakpoint
CREATE INDEX "skill_gap_skills_skill_idx" ON "skill_gap_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "skill_gaps_org_idx" ON "skill_gaps" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "skill_gaps_region_idx" ON "skill_gaps" USING btree ("region","status");--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;