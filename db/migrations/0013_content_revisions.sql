CREATE TABLE `content_revisions` (
	`scope` text PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL
);
--> statement-breakpoint
-- Page-cache revisions: every change to a row a page can show raises its scope's counter (see db/schema.ts).
INSERT INTO content_revisions (scope, revision) VALUES ('content', 1), ('recommendations', 1), ('protocols', 1);
--> statement-breakpoint
CREATE TRIGGER authorities_revision_insert AFTER INSERT ON authorities BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER authorities_revision_update AFTER UPDATE ON authorities BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER authorities_revision_delete AFTER DELETE ON authorities BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER staff_roles_revision_insert AFTER INSERT ON staff_roles BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER staff_roles_revision_update AFTER UPDATE ON staff_roles BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER staff_roles_revision_delete AFTER DELETE ON staff_roles BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER organisations_revision_insert AFTER INSERT ON organisations BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER organisations_revision_update AFTER UPDATE ON organisations BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER organisations_revision_delete AFTER DELETE ON organisations BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER organisation_members_revision_insert AFTER INSERT ON organisation_members BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER organisation_members_revision_update AFTER UPDATE ON organisation_members BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER organisation_members_revision_delete AFTER DELETE ON organisation_members BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plans_revision_insert AFTER INSERT ON plans BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
-- Not on the registration counter: every recommendation raises it (the recommendations scope says so).
CREATE TRIGGER plans_revision_update AFTER UPDATE OF id, authority_id, reference, kind, title, year, summary, justification, status, current_version_id, published_on, published_at, opens_on, closes_on, earliest_adoption_on, withdrawn_reason, withdrawn_at, decision_number, decision_date, adopting_body, adopted_version_id, adopted_at, adopted_by ON plans BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plans_revision_delete AFTER DELETE ON plans BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plan_versions_revision_insert AFTER INSERT ON plan_versions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plan_versions_revision_update AFTER UPDATE ON plan_versions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plan_versions_revision_delete AFTER DELETE ON plan_versions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plan_sections_revision_insert AFTER INSERT ON plan_sections BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plan_sections_revision_update AFTER UPDATE ON plan_sections BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plan_sections_revision_delete AFTER DELETE ON plan_sections BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plan_attachments_revision_insert AFTER INSERT ON plan_attachments BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plan_attachments_revision_update AFTER UPDATE ON plan_attachments BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER plan_attachments_revision_delete AFTER DELETE ON plan_attachments BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER public_debates_revision_insert AFTER INSERT ON public_debates BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER public_debates_revision_update AFTER UPDATE ON public_debates BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER public_debates_revision_delete AFTER DELETE ON public_debates BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_revision_insert AFTER INSERT ON minutes BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_revision_update AFTER UPDATE ON minutes BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_revision_delete AFTER DELETE ON minutes BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_participants_revision_insert AFTER INSERT ON minutes_participants BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_participants_revision_update AFTER UPDATE ON minutes_participants BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_participants_revision_delete AFTER DELETE ON minutes_participants BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_actions_revision_insert AFTER INSERT ON minutes_actions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_actions_revision_update AFTER UPDATE ON minutes_actions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_actions_revision_delete AFTER DELETE ON minutes_actions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_remarks_revision_insert AFTER INSERT ON minutes_remarks BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_remarks_revision_update AFTER UPDATE ON minutes_remarks BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_remarks_revision_delete AFTER DELETE ON minutes_remarks BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_attachments_revision_insert AFTER INSERT ON minutes_attachments BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_attachments_revision_update AFTER UPDATE ON minutes_attachments BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_attachments_revision_delete AFTER DELETE ON minutes_attachments BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_references_revision_insert AFTER INSERT ON minutes_references BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_references_revision_update AFTER UPDATE ON minutes_references BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER minutes_references_revision_delete AFTER DELETE ON minutes_references BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER social_services_revision_insert AFTER INSERT ON social_services BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER social_services_revision_update AFTER UPDATE ON social_services BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER social_services_revision_delete AFTER DELETE ON social_services BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER partners_revision_insert AFTER INSERT ON partners BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER partners_revision_update AFTER UPDATE ON partners BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER partners_revision_delete AFTER DELETE ON partners BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER partner_contacts_revision_insert AFTER INSERT ON partner_contacts BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER partner_contacts_revision_update AFTER UPDATE ON partner_contacts BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER partner_contacts_revision_delete AFTER DELETE ON partner_contacts BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER partner_services_revision_insert AFTER INSERT ON partner_services BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER partner_services_revision_update AFTER UPDATE ON partner_services BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER partner_services_revision_delete AFTER DELETE ON partner_services BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meetings_revision_insert AFTER INSERT ON meetings BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meetings_revision_update AFTER UPDATE ON meetings BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meetings_revision_delete AFTER DELETE ON meetings BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meeting_service_types_revision_insert AFTER INSERT ON meeting_service_types BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meeting_service_types_revision_update AFTER UPDATE ON meeting_service_types BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meeting_service_types_revision_delete AFTER DELETE ON meeting_service_types BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meeting_invitations_revision_insert AFTER INSERT ON meeting_invitations BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meeting_invitations_revision_update AFTER UPDATE ON meeting_invitations BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meeting_invitations_revision_delete AFTER DELETE ON meeting_invitations BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_revision_insert AFTER INSERT ON meeting_attendance BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_revision_update AFTER UPDATE ON meeting_attendance BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_revision_delete AFTER DELETE ON meeting_attendance BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER recommendations_revision_insert AFTER INSERT ON recommendations BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER recommendations_revision_update AFTER UPDATE ON recommendations BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER recommendations_revision_delete AFTER DELETE ON recommendations BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER recommendation_revisions_revision_insert AFTER INSERT ON recommendation_revisions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER recommendation_revisions_revision_update AFTER UPDATE ON recommendation_revisions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER recommendation_revisions_revision_delete AFTER DELETE ON recommendation_revisions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER abuse_reports_revision_insert AFTER INSERT ON abuse_reports BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER abuse_reports_revision_update AFTER UPDATE ON abuse_reports BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER abuse_reports_revision_delete AFTER DELETE ON abuse_reports BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER debate_requests_revision_insert AFTER INSERT ON debate_requests BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER debate_requests_revision_update AFTER UPDATE ON debate_requests BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER debate_requests_revision_delete AFTER DELETE ON debate_requests BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER follows_revision_insert AFTER INSERT ON follows BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER follows_revision_update AFTER UPDATE ON follows BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER follows_revision_delete AFTER DELETE ON follows BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'recommendations';
END;
--> statement-breakpoint
CREATE TRIGGER protocols_revision_insert AFTER INSERT ON protocols BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocols_revision_update AFTER UPDATE ON protocols BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocols_revision_delete AFTER DELETE ON protocols BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_parties_revision_insert AFTER INSERT ON protocol_parties BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_parties_revision_update AFTER UPDATE ON protocol_parties BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_parties_revision_delete AFTER DELETE ON protocol_parties BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_terms_revision_insert AFTER INSERT ON protocol_terms BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_terms_revision_update AFTER UPDATE ON protocol_terms BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_terms_revision_delete AFTER DELETE ON protocol_terms BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_decisions_revision_insert AFTER INSERT ON protocol_decisions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_decisions_revision_update AFTER UPDATE ON protocol_decisions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_decisions_revision_delete AFTER DELETE ON protocol_decisions BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_documents_revision_insert AFTER INSERT ON protocol_documents BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_documents_revision_update AFTER UPDATE ON protocol_documents BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_documents_revision_delete AFTER DELETE ON protocol_documents BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_reminders_revision_insert AFTER INSERT ON protocol_reminders BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_reminders_revision_update AFTER UPDATE ON protocol_reminders BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_reminders_revision_delete AFTER DELETE ON protocol_reminders BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_renewals_revision_insert AFTER INSERT ON protocol_renewals BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_renewals_revision_update AFTER UPDATE ON protocol_renewals BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER protocol_renewals_revision_delete AFTER DELETE ON protocol_renewals BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'protocols';
END;
--> statement-breakpoint
CREATE TRIGGER users_revision_insert AFTER INSERT ON users BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER users_revision_update AFTER UPDATE OF name, email, locale, is_platform_admin, email_verified_at ON users BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER users_revision_delete AFTER DELETE ON users BEGIN
  UPDATE content_revisions SET revision = revision + 1 WHERE scope = 'content';
END;
