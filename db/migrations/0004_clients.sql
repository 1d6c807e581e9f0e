CREATE TABLE "client_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_goal_skills" (
	"goal_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"importance" double precision NOT NULL,
	CONSTRAINT "client_goal_skills_goal_id_skill_id_pk" PRIMARY KEY("goal_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "client_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occupation_id" uuid,
	"gap_id" uuid,
	"title" text NOT NULL,
	"target_date" date,
	"priority" integer DEFAULT 3 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_skills" (
	"client_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" text DEFAULT 'intermediate' NOT NULL,
	"evidence" text DEFAULT 'self_reported' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_skills_client_id_skill_id_pk" PRIMARY KEY("client_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"assigned_to" uuid,
	"seeker_user_id" uuid,
	"full_name" text NOT NULL,
	"email" text,
	"phone" text,
	"country" text,
	"region" text,
	"city" text,
	"delivery_modes" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"max_budget" numeric(12, 2),
	"budget_currency" text,
	"hours_per_week" integer,
	"earliest_start" date,
	"travel_radius_km" integer,
	"consent_data_processing" boolean DEFAULT false NOT NULL,
	"consent_employer_visible" boolean DEFAULT false NOT NULL,
	"consent_recorded_at" timestamp with time zone,
	"stage" text DEFAULT 'intake' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_events" ADD CONSTRAINT "client_events_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_events" ADD CONSTRAINT "client_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_goal_skills" ADD CONSTRAINT "client_goal_skills_goal_id_client_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."client_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_goal_skills" ADD CONSTRAINT "client_goal_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_goals" ADD CONSTRAINT "client_goals_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_goals" ADD CONSTRAINT "client_goals_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_goals" ADD CONSTRAINT "client_goals_gap_id_skill_gaps_id_fk" FOREIGN KEY ("gap_id") REFERENCES "public"."skill_gaps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_skills" ADD CONSTRAINT "client_skills_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_skills" ADD CONSTRAINT "client_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_seeker_user_id_users_id_fk" FOREIGN KEY ("seeker_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_events_client_idx" ON "client_events" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "client_goal_skills_skill_idx" ON "client_goal_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "client_goals_client_idx" ON "client_goals" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "client_goals_gap_idx" ON "client_goals" USING btree ("gap_id");--> statement-breakpoint
CREATE INDEX "client_skills_skill_idx" ON "client_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "clients_org_idx" ON "clients" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "clients_region_idx" ON "clients" USING btree ("region");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_seeker_idx" ON "clients" USING btree ("seeker_user_id");